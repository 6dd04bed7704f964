"""Fresh phrasings, in no evaluation set, that exercise the broad safeguarding, PII and abuse
families rather than any one sentence. Written after the held-out set to probe generality."""

import pytest

from portal.text.abuse import is_abusive
from portal.text.pii import find_pii
from portal.text.safeguarding import is_safeguarding

pytestmark = pytest.mark.pure

DISCLOSURES = [
    "tbh i dont see myself being around much longer",
    "shes been scratching her arms with a compass in lessons",
    "my step mum locks me in my room with no tea if i get things wrong",
    "my mate is being made to hold stuff for some older lads and he owes them now",
    "my daughter (11) has been searching online how to overdose",
    "i cant take it anymore, ive written letters to my kids",
    "my son says voices are telling him to hurt his little brother",
    "she's been missing since friday night, third time this month, comes back with cash",
    "i sleep in my car with the kids cos hes kicked off again at home",
    "mum drinks every night and doesnt wake up to take us to school so i look after my sister",
    "no one cares if i live or die",
    "my friend sent me a pic of her cuts and said its getting worse",
    "My daughter told her TA that her mum's boyfriend comes into her room at night",
    "he says he wants to go to heaven to be with his grandad",
    "found messages on her ipad from a man asking her to delete the chats",
    "my son keeps running off at night and we dont know where he goes, he has new clothes we "
    "didnt buy",
    "honestly if it wasnt for my cat i wouldnt still be here",
    "dad pushed mum down the stairs last week, i hid with my brother",
    "my husband says if I leave he'll take the kids and I'll never see them",
    "some kids at school put a bag over his head and said next time they'll finish him",
    "i think about crashing the car with us both in it",
    "the youngest has not had a proper meal in days, mum is too poorly to get out of bed",
    "he told me he had a plan and showed me the rope",
]
NOT_DISCLOSURES = [
    "this waiting list is killing me slowly lol",
    "she cut her fringe herself, looks awful ha",
    "the support worker helps him cut up his food at lunch",
    "i am at the end of my tether with this council, 40 weeks for a plan",
    "he went missing from the queue at the fair for 2 minutes, panic over",
    "the cuts to the youth club have left him with nothing to do",
    "The suicide prevention training for school staff was excellent",
    "the caseworker never reads my emails",
    "the attendance officer threatened us with a fine and she panics at the gate",
]


@pytest.mark.parametrize("text", DISCLOSURES)
def test_indirect_disclosure_is_flagged(text):
    assert is_safeguarding(text)


@pytest.mark.parametrize("text", NOT_DISCLOSURES)
def test_idiom_or_resolved_is_not_flagged(text):
    assert not is_safeguarding(text)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("ring oh seven seven double oh nine oh oh one two three", "phone"),
        ("Mobile 0 7 7 0 0 9 0 0 3 3 1 please text", "phone"),
        ("we are at flat 3, 22b station rd now", "address"),
        ("no. 8 the old forge, pentre road", "address"),
        ("3 heol y nant", "address"),
        ("mrs kowalska is his key worker", "name"),
        ("Aled's teacher is great", "name"),
    ],
)
def test_unusual_personal_data(text, kind):
    assert kind in {span.kind for span in find_pii(text)}


@pytest.mark.parametrize(
    "text",
    ["its 2 hours up the road", "5 mins down the lane", "he is 7 and in year 3, we waited 2 years"],
)
def test_distances_and_counts_are_not_addresses_or_phones(text):
    assert not find_pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "u absolute w@nker",
        "s p a s t i c",
        "u r a i.d.i.o.t",
        "the caseworker is a lazy c*w",
        "hes a smug pr*ck",
        "nobody in this chat likes u tbh just leave",
        "disabled kids shouldnt be allowed in our class",
    ],
)
def test_masked_spaced_and_exclusionary_abuse(text):
    assert is_abusive(text)


@pytest.mark.parametrize(
    "text", ["this f***ing bus", "i a m ok", "e.g. a b c", "the system is absolutely sh*t"]
)
def test_masking_alone_is_not_abuse(text):
    assert not is_abusive(text)
