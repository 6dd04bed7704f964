"""Safeguarding flag: recall on indirect risk, no alarm on idiom."""

import pytest

from portal.text.safeguarding import is_safeguarding, safeguarding_reasons

pytestmark = pytest.mark.pure


@pytest.mark.parametrize(
    "text",
    [
        "i keep thinking it would be easier if i just didnt wake up",
        "Last week he told me everyone would be better off without him and he's been giving his "
        "things away.",
        "She isn't eating and I found tablets hidden in her room.",
        "idk who to tell but ive started cutting again",
        "she has been scratching her arms with a compass",
        "My husband shouts at our son and has pushed him before. I'm scared it will get worse.",
        "my partner checks my phone and won't let me see my friends",
        "theres this guy online who keeps asking me to send pics and says hell tell everyone if i "
        "dont",
        "he has been hanging round with older boys and coming home with cash",
        "i dont feel safe at home when my dad drinks",
        "I can't keep him safe any more, he climbs out of the window at night",
        "I keep thinking they would all be better off without me",
        "if he says that again im gonna batter him",
        "A pupil told staff there is often no food in the house.",
    ],
)
def test_flags_direct_and_indirect_risk(text):
    assert is_safeguarding(text), text


@pytest.mark.parametrize(
    "text",
    [
        "this process is killing me",
        "I could murder a coffee after that meeting",
        "I'll scream if one more person asks for his history",
        "I wanted to die when he read it out",
        "mum's going to kill me when she sees my report",
        "transport refused. hes autistic and has no sense of danger. are we meant to walk it?",
        "We are exhausted and desperately need respite.",
        "Last year she was self-harming but she now has CAMHS support in place and is doing well.",
        "The system is failing children like mine.",
        "the school couldn't keep him safe from the other kids so we home educate",
        "School keep threatening us with fines for his attendance.",
    ],
)
def test_ignores_idiom_hyperbole_and_resolved_harm(text):
    assert not is_safeguarding(text), safeguarding_reasons(text)


def test_reasons_name_the_kind_of_risk():
    assert safeguarding_reasons("he says he wants to kill himself") == ["suicidal thoughts"]


@pytest.mark.parametrize(
    "text",
    [
        "nobody would even notice if i was gone tbh",
        "i've been saving up my meds",
        "There's a man who waits outside the gates and gives the girls lifts and vapes",
        "he keeps running into the road on purpose saying he wants to get hit",
    ],
)
def test_two_cue_families_together_flag(text):
    assert is_safeguarding(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The cuts to the SEND budget are killing families",
        "my sister is gonna strangle me i ate her last pot noodle",
        "Training for staff on spotting self-harm would be welcome",
        "i'm sick to death of chasing the council",
    ],
)
def test_more_idiom_is_ignored(text):
    assert not is_safeguarding(text), safeguarding_reasons(text)
