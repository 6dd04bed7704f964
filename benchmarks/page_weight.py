"""Page weight of every public page: gzipped HTML and assets, first and repeat loads, request
counts."""

import gzip
import re
from html.parser import HTMLParser

from flask import url_for

FIRST_LOAD_BUDGET = 60 * 1024
REPEAT_LOAD_BUDGET = 15 * 1024


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon"):
            self.urls.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.urls.append(attrs["src"])


def gz(data):
    return len(gzip.compress(data, compresslevel=6))


def _fetch_assets(client, urls, seen):
    """Fetch assets and the ES modules they import; returns [(url, gz_bytes, long_cached)]."""
    found = []
    queue = list(urls)
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        body = response.get_data()
        found.append((url, gz(body), "immutable" in response.headers.get("Cache-Control", "")))
        if url.split("?")[0].endswith(".js"):
            base = url.rsplit("/", 1)[0]
            queue += [
                f"{base}/{name.decode()}" for name in re.findall(rb'from\s*"\./([\w.?=-]+)"', body)
            ]
    return found


RESPONDENT_SURVEY = "big-listen-2026-parent-carers"
RESPONDENT_PAGES = [
    "questions/role",
    "questions/overall_satisfaction",
    "questions/services_used",
    "questions/what_is_working",
    "check",
]


def _respondent_urls(client):
    """Start the parent carers' survey as a respondent would; the pages only a respondent sees."""
    start = client.get(f"/surveys/{RESPONDENT_SURVEY}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', start)
    response = client.post(
        f"/surveys/{RESPONDENT_SURVEY}/start", data={"csrf_token": token.group(1) if token else ""}
    )
    if response.status_code != 302:
        raise RuntimeError(f"could not start the survey to weigh its pages: {response.status_code}")
    return [f"/surveys/{RESPONDENT_SURVEY}/{page}" for page in RESPONDENT_PAGES]


def weigh(app, endpoints):
    """Return one row per page: html, first-load and repeat-load gzipped bytes and request counts.

    Every public page in `endpoints`, then the question and check pages a respondent sees.
    """
    rows = []
    client = app.test_client()
    with app.test_request_context():
        urls = [url_for(endpoint, **dict(kwargs)) for endpoint, kwargs in endpoints]
    for url in urls + _respondent_urls(client):
        response = client.get(url)
        if response.mimetype != "text/html" or response.status_code != 200:
            continue
        html = response.get_data()
        parser = _Assets()
        parser.feed(html.decode())
        assets = _fetch_assets(client, parser.urls, set())
        first = gz(html) + sum(size for _, size, _ in assets)
        uncached = [size for _, size, cached in assets if not cached]
        repeat = gz(html) + sum(
            uncached
        )  # revalidated files may come back 304; counted in full here
        rows.append(
            {
                "url": url,
                "html": gz(html),
                "first": first,
                "first_requests": 1 + len(assets),
                "repeat": repeat,
                "repeat_requests": 1 + len(uncached),
            }
        )
    return rows


def report(rows):
    lines = [
        "Page weight (gzip level 6; budgets: first load <= 60 KB, repeat <= 15 KB)",
        f"{'page':<66} {'html':>7} {'first':>8} {'req':>4} {'repeat':>8} {'req':>4}  verdict",
    ]
    for r in rows:
        ok = r["first"] <= FIRST_LOAD_BUDGET and r["repeat"] <= REPEAT_LOAD_BUDGET
        lines.append(
            f"{r['url'][:66]:<66} {r['html']:>7,} {r['first']:>8,} {r['first_requests']:>4} "
            f"{r['repeat']:>8,} {r['repeat_requests']:>4}  "
            f"{'within budget' if ok else 'OVER BUDGET'}"
        )
    if rows:
        worst = max(rows, key=lambda r: r["first"])
        lines.append(
            f"Heaviest first load: {worst['url']} {worst['first']:,} B = "
            f"{worst['first'] / FIRST_LOAD_BUDGET:.2f} of budget; heaviest repeat: "
            f"{max(r['repeat'] for r in rows):,} B = "
            f"{max(r['repeat'] for r in rows) / REPEAT_LOAD_BUDGET:.2f} of budget"
        )
    return lines
