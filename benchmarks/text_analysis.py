"""Text analysis throughput: distinct comments per second on one process."""

import json
import os
import time

from portal.text.analysis import analyse

SHARED = os.environ.get("PORTAL_SHARED_DIR") or os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared"
)
DEV = os.path.join(SHARED, "eval", "dev.jsonl")
SAMPLE = [
    "The SENCO was brilliant and really listened to us.",
    "We waited 18 months for an EHCP assessment and nobody rings back. Call me on 07700 900123.",
    "my taxi driver dave is the best, but the bus is always late",
    "School keep sending him home at lunchtime and calling it a reduced timetable.",
]


def measure(count=3000):
    """Analyse `count` distinct comments (best of 3 runs); returns dict(items, seconds,
    per_second)."""
    texts = [json.loads(line)["text"] for line in open(DEV)] if os.path.exists(DEV) else SAMPLE
    items = [
        f"{texts[i % len(texts)]} ({i})" for i in range(count)
    ]  # distinct: no cache flatters it
    analyse(items[0])  # the first call loads lexicons
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for text in items:
            analyse(text)
        best = min(best, time.perf_counter() - started)
    return {"items": count, "seconds": best, "per_second": count / best}


def report(result):
    return [
        f"Text analysis: {result['items']:,} distinct comments in {result['seconds']:.2f} s (best "
        "of 3) = "
        f"{result['per_second']:,.0f} items/second; target 1,000 -> ratio "
        f"{result['per_second'] / 1000:.2f}"
    ]
