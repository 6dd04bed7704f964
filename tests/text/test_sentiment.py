"""Sentiment label and polarity."""

import pytest

from portal.text.sentiment import classify, polarity

pytestmark = pytest.mark.pure


@pytest.mark.parametrize(
    "text, label",
    [
        ("The SENCO was brilliant and really listened to us.", "positive"),
        ("Not bad at all, to be fair.", "positive"),
        ("my TA is well sound", "positive"),
        ("Can't fault the speech therapist.", "positive"),
        ("Not great, to be honest.", "negative"),
        ("Communication could be better.", "negative"),
        ("Honestly it's been a bit of a nightmare.", "negative"),
        ("Oh brilliant, we're on the list. Which list? Nobody knows.", "negative"),
        ("I've never once seen the results of these surveys.", "negative"),
        ("No one rings back when you leave a message.", "negative"),
        ("Appreciate the survey but nothing ever changes.", "negative"),
        (
            "I'm sure everyone is very busy but it would be nice if someone answered an email.",
            "negative",
        ),
        ("been waiting since year 7 lol, will probs be an adult before they see me", "negative"),
        ("The nursery were great, but the school haven't been in touch at all.", "mixed"),
        ("The escort is a saint. But the pick up time keeps changing with no notice.", "mixed"),
        ("Does anyone know if Kooth is free?", "neutral"),
        ("Please could you confirm the date of the next meeting?", "neutral"),
        ("No comment at this time", "neutral"),
        ("We moved to the area in January.", "neutral"),
    ],
)
def test_labels(text, label):
    assert classify(text)[0] == label


def test_polarity_sign_follows_label():
    assert classify("Really pleased, thank you so much")[1] > 0
    assert classify("absolutely shocking service")[1] < 0
    assert -1.0 <= classify("")[1] <= 1.0


def test_textblob_polarity_helper_works_offline():
    assert polarity("great") > 0 > polarity("terrible")
