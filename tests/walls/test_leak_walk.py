"""Walk every page, export and API route as each organisation's staff and fail if walled words leak.

Walled items carry words found nowhere else. Each person visits every GET route of the app (the URL
map, with the sample arguments the browser and permission checks use) plus the pages where walled
text could surface: its moderation item and safeguarding concern, filtered queues and tagging lists,
a "you said, we did" draft from a ?contributions= link, evidence pages, and every survey's CSV and
XLSX export (XLSX unzipped). A word may only appear for the people the wall lets read it.
"""

import io
import zipfile
from datetime import datetime, time, timedelta

from flask import url_for
from sqlalchemy import select

from portal.accounts.models import User
from portal.contributions.models import Contribution, Status
from portal.demo import load_demo_data
from portal.extensions import db
from portal.measures.periods import latest_window
from portal.safeguarding.services import open_concern
from portal.surveys.models import Survey, SurveyAnswer
from portal.themes.models import ContributionTheme, TagState, Theme
from portal.walls.services import set_walls
from portal.you_said_we_did.models import Entry, Evidence
from tests.conftest import sign_in
from tests.factories import make_user
from tests.fixtures.pages import SAMPLE_ARGS, SKIP
from tests.walls.helpers import walled_item

SENDIASS_ONLY = ("quillhaven", "mossgrange", "thornwhistle", "fennimore")
ON_CONCERN = "larkspindle"  # SENDIASS, with an open concern: SENDIASS and safeguarding leads
PCF_ONLY = "brindlecombe"  # PCF, once the admin walls PCF
APPROVED_OUTSIDE = "sunnivale"  # SENDIASS approved it for publication: anyone may see the quote


def _tag_everything(item):
    item.themes = [
        ContributionTheme(theme_id=t, state=TagState.CONFIRMED)
        for t in db.session.scalars(select(Theme.id))
    ]


def _walled_survey_answer(word):
    """Give one demo survey free-text answer to SENDIASS (a future owner rule), with `word` in
    it."""
    item = db.session.scalar(
        select(Contribution).where(Contribution.response_id.is_not(None)).order_by(Contribution.id)
    )
    answer = db.session.scalar(
        select(SurveyAnswer).where(
            SurveyAnswer.response_id == item.response_id,
            SurveyAnswer.question_key == item.question_key,
        )
    )
    assert answer is not None and answer.text is None  # a sent answer's text: on its contribution
    item.text = item.redacted_text = f"The {word} school never replied."
    item.owner_organisation, item.status = "sendiass", Status.APPROVED
    db.session.commit()
    return item


def _setup():
    load_demo_data()
    admin = db.session.scalar(select(User).where(User.email == "admin@example.org"))
    set_walls(["sendiass", "pcf"], actor=admin)
    items = {
        "quillhaven": walled_item("sendiass", "quillhaven"),
        "mossgrange": walled_item("sendiass", "mossgrange", status=Status.APPROVED),
        "thornwhistle": walled_item("sendiass", "thornwhistle", status=Status.APPROVED),
        ON_CONCERN: walled_item("sendiass", ON_CONCERN),
        PCF_ONLY: walled_item("pcf", PCF_ONLY),
        APPROVED_OUTSIDE: walled_item(
            "sendiass", APPROVED_OUTSIDE, status=Status.APPROVED, outside=True
        ),
        "fennimore": _walled_survey_answer("fennimore"),
    }
    published_quarter = (
        latest_window()
    )  # the explorer shows people outside the owner closed quarters only
    for word in ("mossgrange", "thornwhistle", APPROVED_OUTSIDE):
        items[word].created_at = datetime.combine(
            published_quarter.start + timedelta(days=10), time(12)
        )
        _tag_everything(items[word])
    concern = open_concern(
        items[ON_CONCERN], opened_by="moderator", reasons=["worried"], commit=True
    )
    # A quote linked before the wall existed: the public entry must still not show it.
    entry = db.session.scalar(select(Entry).where(Entry.state == "published").order_by(Entry.id))
    for row in entry.evidence:
        row.quote_position = None
    db.session.add(
        Evidence(entry_id=entry.id, contribution_id=items["thornwhistle"].id, quote_position=1)
    )
    db.session.commit()
    return items, concern


def _people():
    demo = {
        email: db.session.scalar(select(User).where(User.email == email))
        for email in (
            "sendiass@example.org",
            "moderator@example.org",
            "editor@example.org",
            "viewer@example.org",
            "admin@example.org",
        )
    }
    return {
        "sendiass moderator": demo["sendiass@example.org"],
        "pcf moderator and lead": demo["moderator@example.org"],
        "pcf moderator": make_user(role="moderator", organisation="pcf"),
        "council moderator": make_user(role="moderator", organisation="council"),
        "council editor": demo["editor@example.org"],
        "icb viewer": demo["viewer@example.org"],
        "council admin": demo["admin@example.org"],
        "anonymous": None,
    }


def _allowed(person):
    allowed = {APPROVED_OUTSIDE}
    if person == "sendiass moderator":
        allowed |= {*SENDIASS_ONLY, ON_CONCERN}
    if person.startswith("pcf"):
        allowed.add(PCF_ONLY)
    if person == "pcf moderator and lead":
        allowed.add(ON_CONCERN)
    return allowed


def _urls(app, items, concern):
    urls = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint in SKIP or "GET" not in rule.methods:
            continue
        with app.test_request_context():
            urls.add(
                url_for(rule.endpoint, **(SAMPLE_ARGS[rule.endpoint]() if rule.arguments else {}))
            )
    ids = ",".join(str(i.id) for i in items.values())
    urls |= {f"/staff/moderation/{i.id}" for i in items.values()}
    urls |= {
        f"/staff/safeguarding/{concern.id}",
        f"/staff/you-said-we-did/new?contributions={ids}",
        "/staff/moderation?source=insight",
        "/staff/moderation?flag=safeguarding",
        "/staff/moderation?channel=sendiass",
        "/staff/moderation?channel=pcf",
        "/staff/themes/tagging?source=insight",
        "/staff/themes/tagging?status=approved",
        "/staff/themes/tagging?status=escalated",
        "/staff/themes/tagging?source=survey&status=approved",
        "/staff/insights?channel=sendiass",
        "/staff/insights?channel=online",
    }
    for entry_id in db.session.scalars(select(Entry.id)):
        urls |= {
            f"/staff/you-said-we-did/{entry_id}",
            f"/staff/you-said-we-did/{entry_id}/evidence",
            f"/you-said-we-did/{entry_id}",
        }
    for survey_id in db.session.scalars(select(Survey.id)):
        urls |= {
            f"/staff/surveys/{survey_id}/export.csv",
            f"/staff/surveys/{survey_id}/export.xlsx",
        }
    return sorted(urls)


def _text(response):
    body = response.get_data()
    if body.startswith(b"PK"):  # XLSX: the words live in its zipped XML
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return " ".join(
                archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
            )
    return body.decode("utf-8", "replace")


def test_no_walled_words_reach_anyone_the_wall_keeps_out(app):
    items, concern = _setup()
    urls, people = _urls(app, items, concern), _people()
    assert any("export.xlsx" in u for u in urls) and any(u.startswith("/api/") for u in urls)
    leaks, seen = [], {}
    for person, user in people.items():
        client = app.test_client()
        if user is not None:
            sign_in(client, user)
        allowed, found = _allowed(person), set()
        for url in urls:
            text = _text(client.get(url, follow_redirects=True)).lower()
            for word in (*SENDIASS_ONLY, ON_CONCERN, PCF_ONLY, APPROVED_OUTSIDE):
                if word in text:
                    found.add(word)
                    if word not in allowed:
                        leaks.append(f"{person} read '{word}' at {url}")
        seen[person] = found
    assert leaks == []
    # The walk sees what it should, so it would notice a leak: owners read their own text everywhere
    # it lives, the lead reads the item on a concern, and the approved quote reaches other
    # organisations.
    assert seen["sendiass moderator"] >= {*SENDIASS_ONLY, ON_CONCERN, APPROVED_OUTSIDE}
    assert seen["pcf moderator and lead"] >= {ON_CONCERN, PCF_ONLY, APPROVED_OUTSIDE}
    assert seen["pcf moderator"] >= {PCF_ONLY}
    for person in ("council editor", "icb viewer", "council moderator"):
        assert APPROVED_OUTSIDE in seen[person], person
