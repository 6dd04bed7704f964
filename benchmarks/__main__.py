"""`make bench`: every benchmark, printed with its ratio to the budget or to the floor it is
measured against.

Options: --quick (shorter load runs), --write (also write docs/benchmarks.md), --only NAME[,NAME].
PORTAL_BENCH_DATABASE_URL=postgresql+psycopg://... adds the PostgreSQL runs.
"""

import argparse
import datetime
import os
import platform
import subprocess

from benchmarks import http_bench, page_weight, scale, text_analysis
from benchmarks.setup import public_pages

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def machine():
    cpu = next(
        (line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if "model name" in line),
        "?",
    )
    return f"{platform.node()}: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"


def main():
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--only", default="text,weight,http,scale")
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    head = ["git", "rev-parse", "--short", "HEAD"]
    lines = [
        f"Benchmarks run {datetime.datetime.now():%Y-%m-%d %H:%M} on {machine()}",
        f"Commit {subprocess.run(head, capture_output=True, text=True, cwd=ROOT).stdout.strip()}",
        "",
    ]
    sections = [
        ("text", lambda: text_analysis.report(text_analysis.measure(1000 if args.quick else 3000))),
        ("weight", lambda: page_weight.report(page_weight.weigh(*public_pages()))),
        ("http", lambda: http_bench.report(http_bench.run(seconds=3 if args.quick else 8))),
        ("scale", lambda: scale.report(scale.run(quick=args.quick))),
    ]
    for name, section in sections:
        if name in wanted:
            section_lines = section()
            print("\n".join(section_lines) + "\n", flush=True)
            lines += section_lines + [""]
    if args.write:
        os.makedirs(os.path.join(ROOT, "docs"), exist_ok=True)
        with open(os.path.join(ROOT, "docs", "benchmarks.md"), "w") as handle:
            handle.write(
                "# Benchmarks\n\nWritten by `make bench` (`python -m benchmarks --write`). "
                "Figures, not assertions: see README.\n\n```\n" + "\n".join(lines) + "\n```\n"
            )


if __name__ == "__main__":
    main()
