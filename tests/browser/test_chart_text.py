"""Charts stay readable on a phone: every word in every chart is at least 12px at 320px wide."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.shared_demo]
SMALLEST = 12  # CSS pixels

RENDERED_SIZES = """() => Array.from(document.querySelectorAll('svg.portal-chart')).flatMap(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return Array.from(svg.querySelectorAll('text')).map(
    t => [t.textContent, parseFloat(t.getAttribute('font-size')) * scale]);
})"""


@pytest.fixture
def demo(shared_demo):
    """Read-only: the demo data, loaded once for the module."""


def test_results_chart_text_is_at_least_12px_at_320px(context_factory, demo):
    page = context_factory(width=320, height=640).new_page()
    assert page.goto("/results").status == 200
    sizes = page.evaluate(RENDERED_SIZES)
    assert len(sizes) >= 10, "the demo data should draw charts on /results"
    small = [(words, round(size, 1)) for words, size in sizes if size < SMALLEST]
    assert not small, small[:5]
