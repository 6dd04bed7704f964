"""The published monthly insight summary prints as a clean document: no navigation, the four headed
parts."""

import pytest

from portal.insight_summaries.services import published_summaries

pytestmark = [pytest.mark.browser, pytest.mark.shared_demo]


@pytest.fixture
def demo(shared_demo):
    """Read-only: the demo data (with last month's published summary), loaded once for the
    module."""


def test_the_public_summary_prints_without_navigation(context_factory, demo):
    page = context_factory(width=1024, height=800).new_page()
    assert page.goto(f"/insight-summaries/{published_summaries()[0].key}").status == 200
    assert page.locator("nav.govuk-service-navigation").is_visible()  # on screen, the menu is there
    page.emulate_media(media="print")
    assert not page.locator(".govuk-header").is_visible()
    assert not page.locator("nav.govuk-service-navigation").is_visible()
    assert not page.locator(".govuk-back-link").is_visible()
    headings = page.locator("main h2").all_inner_texts()
    assert [h for h in headings if h in ("What", "Why", "So what", "Next")] == [
        "What",
        "Why",
        "So what",
        "Next",
    ]
