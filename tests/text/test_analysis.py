"""The analyse() entry point and its record shape."""

import dataclasses

import pytest

from portal.text.analysis import Analysis, analyse
from portal.text.learned.active import active_version

pytestmark = pytest.mark.pure


def test_analysis_combines_every_detector():
    result = analyse(
        "Please ring me on 07700 900417, nobody has called back in 3 weeks.",
        author_role="parent_carer",
        channel="feedback",
    )
    assert isinstance(result, Analysis)
    assert result.sentiment == "negative" and result.polarity < 0
    assert result.pii_spans == [(18, 30, "phone")]
    assert result.redacted == "Please ring me on [phone], nobody has called back in 3 weeks."
    assert "communication" in [slug for slug, _ in result.themes]
    assert not result.safeguarding and not result.abusive


def test_analysis_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        analyse("hello").sentiment = "positive"


def test_to_record_shape():
    record = analyse("my taxi driver dave is the best").to_record("x1")
    assert record == {
        "id": "x1",
        "themes": ["transport"],
        "sentiment": "positive",
        "safeguarding": False,
        "pii": True,
        "abusive": False,
        "pii_spans": [{"start": 15, "end": 19, "kind": "name"}],
        "redacted": "my taxi driver [name] is the best",
        "model_version": active_version(),
    }
    assert record["model_version"]  # a model ships with the code, and each record names it


def test_risk_disclosure_is_never_positive():
    result = analyse("i keep thinking it would be easier if i just didnt wake up")
    assert result.safeguarding and result.safeguarding_reasons == ["suicidal thoughts"]
    assert result.sentiment == "negative"


def test_threat_is_abusive_and_safeguarding():
    result = analyse("if jayden chats s*** about me again im gonna batter him")
    assert result.abusive and result.safeguarding and result.abuse_reasons == ["threat"]


def test_empty_text():
    result = analyse("")
    assert result.themes == [] and result.sentiment == "neutral" and result.redacted == ""
