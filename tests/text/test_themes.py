"""Theme suggestion from the taxonomy, including editor-supplied keywords and aliases."""

import dataclasses

import pytest

from portal.text.taxonomy import BUILTIN_THEMES, Theme, theme_slugs
from portal.text.themes import suggest_themes

pytestmark = pytest.mark.pure

EXPECTED_SLUGS = [
    "ehcp",
    "communication",
    "waiting-times",
    "therapies",
    "mental-health",
    "neurodevelopmental",
    "school-support",
    "exclusions-attendance",
    "specialist-placements",
    "transport",
    "information-local-offer",
    "transitions-post16",
    "early-years",
    "social-care-short-breaks",
    "being-heard",
    "advice-support",
    "complaints-disputes",
    "staff-attitude",
]


def slugs(text, taxonomy=None):
    return [slug for slug, _ in suggest_themes(text, taxonomy)]


def test_builtin_taxonomy_has_the_eighteen_themes_with_labels():
    assert theme_slugs() == EXPECTED_SLUGS
    assert all(theme.label and theme.description and theme.keywords for theme in BUILTIN_THEMES)


def test_at_most_three_themes_with_scores_between_0_and_1():
    result = suggest_themes(
        "EHCP annual review late, CAMHS waiting list 2 years, taxi driver "
        "late, SENCO unhelpful, tribunal appeal, speech therapy stopped"
    )
    assert len(result) == 3
    assert all(0 < score <= 1 for _, score in result)


def test_local_service_names_count():
    assert "mental-health" in slugs("BeeU finally saw her and it helped")
    assert "early-years" in slugs("The Portage lady visited every fortnight")
    assert "advice-support" in slugs("SENDIASS came to the meeting with me")


def test_described_services_count():
    assert "mental-health" in slugs("the lady who does talking therapy at school is nice")
    assert "information-local-offer" in slugs(
        "the council website for disabled kids stuff is useless"
    )


def test_waiting_for_a_reply_is_communication_not_waiting_times():
    found = slugs("Still waiting for a call back from the caseworker.")
    assert "communication" in found and "waiting-times" not in found


def test_long_wait_adds_waiting_times_next_to_the_service():
    found = slugs("Speech therapy is apparently 14 months minimum on the waiting list.")
    assert {"therapies", "waiting-times"} <= set(found)


def test_condition_as_background_does_not_tag_the_pathway():
    assert "neurodevelopmental" not in slugs("He's autistic and loves the new bus route.")
    assert "neurodevelopmental" in slugs("Two years waiting for an autism assessment.")


def test_off_topic_and_bare_verdicts_have_no_themes():
    assert slugs("whats everyone doing for half term") == []
    assert slugs("waste of time") == []


def test_editor_supplied_alias_is_used():
    custom = [
        dataclasses.replace(t, aliases=t.aliases + ("the blue door",))
        if t.slug == "mental-health"
        else t
        for t in BUILTIN_THEMES
    ]
    text = "The Blue Door saw him within a week"
    assert "mental-health" not in slugs(text)
    assert "mental-health" in slugs(text, custom)


def test_custom_taxonomy_replaces_the_builtin_one():
    custom = [Theme("parking", "Parking", "Parking at events", keywords=("park*", "car park"))]
    assert slugs("Where do we park for the coffee morning?", custom) == ["parking"]
