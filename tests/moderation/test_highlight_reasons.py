"""The moderation item page says, in plain words, why each part of the text is highlighted."""

from tests.factories import make_contribution


def test_reasons_are_plain_words_never_keys(client, login_as, moderator):
    item = make_contribution(
        "Mr David Evans rang. My son Kai (born 3 March 2015) is at Oakfield Primary, "
        "ring 07700 900123"
    )
    login_as(moderator)
    page = client.get(f"/staff/moderation/{item.id}").get_data(as_text=True)
    assert "Why parts are highlighted" in page
    assert (
        "&ldquo;Mr David Evans&rdquo;: a person&#39;s name" in page
        or "“Mr David Evans”: a person&#39;s name" in page
    )
    assert "a date of birth" in page and "a phone number" in page
    assert "a school or setting, with a child&#39;s name" in page
    for key in ("date_of_birth", "(dob)", "social_handle", "(setting)"):
        assert key not in page
    assert (
        "[name] rang" in page and "[school or setting]" in page
    )  # the proposed text drops the surname


def test_a_school_alone_is_marked_to_check_but_not_redacted(client, login_as, moderator):
    item = make_contribution("Oakfield Primary have been brilliant about the bus")
    login_as(moderator)
    page = client.get(f"/staff/moderation/{item.id}").get_data(as_text=True)
    assert '<mark class="portal-pii">Oakfield Primary' in page
    assert "a school or setting: check it does not identify a child (not removed)" in page
    assert item.redacted_text == "Oakfield Primary have been brilliant about the bus"
    assert item.pii_spans == []
