"""CPU time per request of the pages people wait on, through the test client (no server, no load).

`python -m benchmarks.request_cost [-n 300] [--profile PAGE] [--sql] [--database URL]`

Robust to a shared machine: it counts this process's CPU time (time.process_time), not the clock,
so other work on the machine hardly moves it. The app is the demo app on a temporary SQLite
database (benchmarks/setup.py), with the gunicorn benchmark's settings (development, not debug).
PAGE is one of the names printed (bare, static, home, question, answer, results, api).
"""

import argparse
import cProfile
import pstats
import re
import time

from flask import Flask

from benchmarks.http_bench import QUESTION, SURVEY
from benchmarks.setup import demo_app

API = "/api/v1/measures/parent-carer-satisfaction?by=locality"


def bare_client():
    app = Flask("bare")
    app.add_url_rule("/", "index", lambda: "Hello, World!")
    return app.test_client()


def respondent(client):
    """Start the parent carers' survey in `client`; returns the CSRF token its pages carry."""
    page = client.get(f"/surveys/{SURVEY}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    started = client.post(f"/surveys/{SURVEY}/start", data={"csrf_token": token})
    if started.status_code != 302 or "/questions/" not in started.headers["Location"]:
        raise RuntimeError(f"could not start the survey: {started.status_code}")
    return token


def requests(app):
    """{name: (client, callable making one request, expected status)}."""
    anonymous = app.test_client()
    answering = app.test_client()
    token = respondent(answering)
    bare = bare_client()
    answer = {"csrf_token": token, "answer": "satisfied"}
    return {
        "bare": (lambda: bare.get("/"), 200),
        "static": (lambda: anonymous.get("/cookies"), 200),  # the layout and nothing else
        "home": (lambda: anonymous.get("/"), 200),
        "question": (lambda: answering.get(QUESTION), 200),
        "answer": (lambda: answering.post(QUESTION, data=answer), 302),
        "results": (lambda: anonymous.get("/results"), 200),
        "api": (lambda: anonymous.get(API), 200),
    }


def cost(make, expected, n):
    """CPU milliseconds per request, over `n` requests after a few to warm up."""
    for _ in range(5):
        status = make().status_code
        if status != expected:
            raise RuntimeError(f"answered {status}, expected {expected}")
    start, clock = time.process_time(), time.perf_counter()
    for _ in range(n):
        make()
    return (time.process_time() - start) * 1000 / n, (time.perf_counter() - clock) * 1000 / n


def count_sql(app, make):
    """The SQL statements one request issues."""
    from sqlalchemy import event

    from portal.extensions import db

    seen = []
    with app.app_context():
        engine = db.engine

    def listen(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", listen)
    try:
        make()
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    return seen


def main():
    parser = argparse.ArgumentParser(prog="python -m benchmarks.request_cost")
    parser.add_argument("-n", type=int, default=300, help="requests timed per page")
    parser.add_argument("--profile", metavar="PAGE", help="print a cProfile top list for PAGE")
    parser.add_argument("--sql", action="store_true", help="print each page's SQL statements")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument(
        "--database", metavar="URL", help="a PostgreSQL URL to run on instead of SQLite"
    )
    args = parser.parse_args()
    app = demo_app(args.database)
    pages = requests(app)
    if args.profile:
        make, expected = pages[args.profile]
        cost(make, expected, 5)
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.n):
            make()
        profile.disable()
        stats = pstats.Stats(profile).strip_dirs().sort_stats("cumulative")
        stats.print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)
        return
    where = "PostgreSQL" if args.database else "SQLite"
    print(f"CPU ms per request (best of 5 runs of {args.n}), test client, {where}")
    bare = None
    for name, (make, expected) in pages.items():
        ms, wall = min(cost(make, expected, args.n) for _ in range(5))
        bare = bare or ms
        statements = count_sql(app, make) if name != "bare" else []
        print(
            f"{name:<10} {ms:7.3f} ms  {ms / bare:6.1f}x bare  {len(statements):3} SQL"
            f"  (clock {wall:.3f} ms: with the database server's part and any wait)"
        )
        if args.sql:
            for statement in statements:
                print("    " + " ".join(statement.split())[:160])


if __name__ == "__main__":
    main()
