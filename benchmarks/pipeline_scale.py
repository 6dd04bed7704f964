"""Staff pipeline pages as contributions grow, each next to a hand-written SQL floor over the same
rows.

Generates contributions (a tenth waiting for moderation, a few escalated, most approved, some
rejected) with one to three themes each (about half confirmed) into a fresh database, then times,
best of three, as a moderator: the moderation queue's first page, the tagging page's first page and
the insight explorer (a closed quarter, protected counts). Floors: the least each page must read,
written by hand (a page of 50 rows plus the count it shows; the explorer's per-theme counts).
Target at 100,000 contributions: under 0.5 s, and within twice the floor or within RENDERING of it
(a page of 50 rows takes about that to render at any size, which no SQL floor includes).
"""

import random
import time
from datetime import datetime, timedelta

from sqlalchemy import insert, text

from portal import create_app
from portal.contributions.models import Contribution
from portal.extensions import db
from portal.reference.models import DEMO_LOCALITIES, Locality
from portal.reference.services import ensure_defaults
from portal.themes.models import ContributionTheme, Theme

RENDERING = 0.05  # seconds
MONTH = {
    "sqlite": "strftime('%Y-%m', c.created_at)",
    "postgresql": "to_char(c.created_at, 'YYYY-MM')",
}
SOURCES = ["survey", "feedback", "forum", "insight"]
STATUSES = ["pending"] * 10 + ["escalated"] + ["approved"] * 79 + ["rejected"] * 10
FLOORS = {  # SQL with {month}: the year and month of c.created_at in the database's own words
    "moderation queue": """
        SELECT c.id, c.source, c.channel, c.text, c.status, c.created_at, c.safeguarding_flag
        FROM contributions c WHERE c.status IN ('pending', 'escalated')
        ORDER BY CASE WHEN c.safeguarding_flag OR c.status = 'escalated' THEN 0 ELSE 1 END,
                 c.created_at, c.id
        LIMIT 50""",
    "moderation count": "SELECT COUNT(*), MIN(created_at) FROM contributions WHERE status IN "
    "('pending', 'escalated')",
    "tagging page": """
        SELECT c.id, c.source, c.text, c.status, c.created_at, t.theme_id, t.state
        FROM (SELECT * FROM contributions ORDER BY created_at DESC, id DESC LIMIT 50) c
        LEFT JOIN contribution_themes t ON t.contribution_id = c.id""",
    "tagging count": "SELECT COUNT(*) FROM contributions",
    # Every count the explorer shows (this quarter's and, for emerging themes, the last one's), in
    # one scan that finds the period's contributions by date, then their tags.
    "explorer counts": """
        SELECT t.theme_id, t.state, c.locality_id, c.sentiment, {month}, COUNT(*)
        FROM contribution_themes t JOIN contributions c ON c.id = t.contribution_id
        WHERE c.id IN (SELECT id FROM contributions WHERE status != 'rejected'
                       AND created_at >= :before AND created_at < :end)
        GROUP BY t.theme_id, t.state, c.locality_id, c.sentiment, {month}""",
    "explorer total": (
        "SELECT COUNT(*) FROM contributions WHERE status != 'rejected' "
        "AND created_at >= :start AND created_at < :end"
    ),
}
PAGES = {  # page: (URL, the floors it is measured against)
    "moderation queue": ("/staff/moderation", ("moderation queue", "moderation count")),
    "tagging page": ("/staff/themes/tagging", ("tagging page", "tagging count")),
    "insight explorer": (
        "/staff/insights?from=2026-07-01&to=2026-09-30",
        ("explorer counts", "explorer total"),
    ),
}


def _fill(count, chunk=20_000):
    """`count` contributions over 2025-04 to 2026-11, with their theme tags, written in bulk."""
    rng = random.Random(11)
    localities = [loc.id for loc in db.session.query(Locality).all()]
    themes = [theme.id for theme in db.session.query(Theme).all()]
    start = datetime(2025, 4, 1)
    for first in range(1, count + 1, chunk):
        rows, tags = [], []
        for cid in range(first, min(first + chunk, count + 1)):
            status = rng.choice(STATUSES)
            words = (
                f"Contribution {cid}: the wait for an assessment was long and nobody told us why."
            )
            rows.append(
                {
                    "id": cid,
                    "source": rng.choice(SOURCES),
                    "channel": "online",
                    "text": words,
                    "redacted_text": words,
                    "status": status,
                    "author_role": "parent_carer",
                    "locality_id": rng.choice(localities),
                    "created_at": start + timedelta(minutes=rng.randrange(0, 60 * 24 * 600)),
                    "safeguarding_flag": status == "escalated",
                    "abusive_flag": False,
                    "pii_spans": [],
                    "safeguarding_reasons": [],
                    "abuse_reasons": [],
                    "pii_suspected": False,
                }
            )
            for theme_id in rng.sample(themes, rng.randint(1, 3)):
                tags.append(
                    {
                        "contribution_id": cid,
                        "theme_id": theme_id,
                        "state": "confirmed" if rng.random() < 0.5 else "suggested",
                        "score": 0.5,
                    }
                )
        db.session.execute(insert(Contribution), rows)
        db.session.execute(insert(ContributionTheme), tags)
        db.session.commit()
    return count


def best_of(fn, repeat=3):
    """The fastest of `repeat` runs of fn, in seconds (shared with benchmarks.scale)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def _get(client, url):
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return response


def measure_size(size, url, analyse):
    """{"contributions", "fill_seconds", "floors": {name: s}, "pages": {name: s}} at one size."""
    from portal.themes.services import seed_themes
    from tests.factories import make_user

    app = create_app(
        {"SECRET_KEY": "bench", "RATELIMIT_ENABLED": False, "SQLALCHEMY_DATABASE_URI": url}
    )
    with app.app_context():
        db.drop_all()
        db.create_all()
        ensure_defaults(DEMO_LOCALITIES)
        seed_themes()
        started = time.perf_counter()
        _fill(size)
        fill_seconds = time.perf_counter() - started
        analyse()
        moderator = make_user(role="moderator", organisation="pcf")
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = moderator.get_id()
            session["_fresh"] = True
        quarter = {
            "before": datetime(2026, 4, 1),
            "start": datetime(2026, 7, 1),
            "end": datetime(2026, 10, 1),
        }
        month = MONTH[db.engine.dialect.name]
        floors = {
            name: best_of(
                lambda sql=sql: db.session.execute(
                    text(sql.replace("{month}", month)),
                    {key: value for key, value in quarter.items() if f":{key}" in sql},
                ).all()
            )
            for name, sql in FLOORS.items()
        }
        pages = {
            name: best_of(lambda url=page_url: _get(client, url))
            for name, (page_url, _) in PAGES.items()
        }
        db.session.remove()
        db.drop_all()
        db.engine.dispose()
    return {"contributions": size, "fill_seconds": fill_seconds, "floors": floors, "pages": pages}


def report_lines(name, result):
    lines = [
        f"{name}, {result['contributions']:,} contributions (generated in "
        f"{result['fill_seconds']:.0f} s):"
    ]
    for page, (_, floor_names) in PAGES.items():
        floor = sum(result["floors"][f] for f in floor_names)
        seconds = result["pages"][page]
        ratio = seconds / floor if floor else float("inf")
        verdict = (
            ""
            if result["contributions"] < 100_000
            else "met"
            if seconds < 0.5 and (ratio <= 2 or seconds - floor < RENDERING)
            else "MISSED"
        )
        lines.append(f"  {page + ' floor (' + ' + '.join(floor_names) + ')':<60} {floor:8.3f}")
        lines.append(f"  {page:<60} {seconds:8.3f}  x{ratio:5.1f} floor  {verdict}")
    return lines
