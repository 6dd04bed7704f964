"""Requests a second and latency of portal pages under gunicorn, against a bare Flask app served the same way."""
import os

from benchmarks import load, servers
from benchmarks.setup import demo_database, environment

# (label, path or callable(base_url) -> (url, post_body, cookie), target share of the bare app)
TARGETS = [("home page", "/", None), ("staff sign-in page", "/sign-in", None)]


def _databases():
    found = [("SQLite", demo_database())]
    if url := os.environ.get("PORTAL_BENCH_DATABASE_URL"):
        found.append(("PostgreSQL", demo_database(url)))
    return found


def run(seconds=8):
    """Load the bare app, then each target on each database; returns rows of figures."""
    if not load.wrk_available():
        return {"error": "wrk is not installed (apt-get install wrk)"}
    with servers.gunicorn("benchmarks.hello:app") as base:
        bare = load.run_wrk(base + "/", seconds=seconds)
    rows = []
    for db_name, url in _databases():
        with servers.gunicorn("wsgi:app", env=environment(url)) as base:
            for label, target, share in TARGETS:
                if callable(target):
                    path, body, cookie = target(base)
                else:
                    path, body, cookie = target, None, None
                result = load.run_wrk(base + path, seconds=seconds, post_body=body, cookie=cookie)
                rows.append({"database": db_name, "label": label, "share": share, **result})
    return {"bare": bare, "rows": rows}


def report(result):
    if "error" in result:
        return [f"HTTP load: skipped, {result['error']}"]
    bare = result["bare"]
    lines = [f"HTTP load (wrk, 2 threads, 8 connections; gunicorn, {servers.WORKERS} sync workers each)",
             f"bare Flask hello: {bare['rps']:,.0f} req/s, median {bare['p50_ms']:.1f} ms, p95 {bare['p95_ms']:.1f} ms",
             f"{'page':<28} {'db':<10} {'req/s':>8} {'median':>8} {'p95':>8} {'errors':>6} {'vs bare':>8}  target"]
    for row in result["rows"]:
        ratio = row["rps"] / bare["rps"]
        target = f">= {row['share']:.2f}: {'met' if ratio >= row['share'] else 'MISSED'}" if row["share"] else ""
        lines.append(f"{row['label']:<28} {row['database']:<10} {row['rps']:>8,.0f} {row['p50_ms']:>6.1f}ms "
                     f"{row['p95_ms']:>6.1f}ms {row['errors']:>6} {ratio:>8.2f}  {target}")
    return lines
