"""The front door: what a parent or young person finds from the home page."""

import re
from collections import deque
from datetime import timedelta

from portal.clock import utcnow
from portal.extensions import db
from portal.surveys.models import SurveyState
from tests.surveys.helpers import EASY, PARENTS, YOUNG, open_seeded_surveys

LINK = re.compile(r'href="(/[^"#?]*)')


def test_home_leads_with_open_surveys_and_their_closing_dates(client):
    surveys = open_seeded_surveys()
    surveys[PARENTS].closes_at = utcnow() + timedelta(days=20)
    db.session.commit()
    page = client.get("/").get_data(as_text=True)
    assert page.index("Open now") < page.index(surveys[PARENTS].title) < page.index("What changed")
    assert f'href="/surveys/{PARENTS}"' in page
    assert "Open until" in page
    assert f'href="/surveys/{EASY}"' in page  # the easy-read twin is offered beside its survey


def test_home_hides_draft_and_closed_surveys(client):
    surveys = open_seeded_surveys()
    surveys[PARENTS].state = SurveyState.DRAFT
    surveys[YOUNG].closes_at = utcnow() - timedelta(days=1)
    db.session.commit()
    page = client.get("/").get_data(as_text=True)
    assert f'/surveys/{PARENTS}"' not in page
    assert f'/surveys/{YOUNG}"' not in page


def test_home_says_so_when_nothing_is_open(client):
    page = client.get("/").get_data(as_text=True)
    assert "No survey is open at the moment" in page
    assert 'href="/feedback' in page


def _crawl(client, start="/", limit=60):
    """Breadth-first over public pages a visitor can reach by links; returns {path: clicks from
    start}."""
    seen, queue = {start: 0}, deque([start])
    while queue and len(seen) < limit:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.content_type:
            continue
        for link in LINK.findall(response.get_data(as_text=True)):
            if link not in seen and not link.startswith(("/static", "/staff", "/sign-in")):
                seen[link] = seen[path] + 1
                queue.append(link)
    return seen


def test_surveys_glossary_and_young_people_are_one_click_from_home(client):
    open_seeded_surveys()
    reached = _crawl(client)
    for path in ("/surveys", "/glossary", "/young-people", f"/surveys/{PARENTS}"):
        assert reached.get(path) == 1, (path, reached.get(path))


def test_every_public_page_links_to_surveys_and_glossary(client):
    open_seeded_surveys()
    for path in ("/feedback/", "/you-said-we-did", "/results", "/privacy", "/young-people"):
        page = client.get(path).get_data(as_text=True)
        assert 'href="/surveys"' in page and 'href="/glossary"' in page, path


def test_young_peoples_home_offers_their_surveys_forum_and_helplines(client):
    open_seeded_surveys()
    page = client.get("/young-people").get_data(as_text=True)
    assert f'href="/surveys/{YOUNG}"' in page and f'href="/surveys/{EASY}"' in page
    assert f'href="/surveys/{PARENTS}"' not in page
    assert 'href="/forum' in page
    assert "version=young" in page
    assert "0800 1111" in page and "116 123" in page


def test_young_peoples_home_reads_at_age_nine_or_below(client):
    from tests.reading import easy_read_problems, main_text

    open_seeded_surveys()
    parts = main_text(client.get("/young-people").get_data(as_text=True))
    assert len(parts) > 10
    assert not easy_read_problems(parts)
    assert easy_read_problems(
        main_text(client.get("/privacy").get_data(as_text=True))
    )  # the check can fail
