"""Measure analyser throughput on one core: python tools/bench_analysis.py [N]."""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from portal.text.analysis import analyse

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl"
SAMPLE = [
    "The SENCO was brilliant and really listened to us.",
    "We waited 18 months for an EHCP assessment and nobody rings back. Call me on 07700 900123.",
    "my taxi driver dave is the best, but the bus is always late",
]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    texts = [json.loads(line)["text"] for line in DEV.open()] if DEV.exists() else SAMPLE
    # Make every text distinct so no cache flatters the figure.
    items = [f"{texts[i % len(texts)]} ({i})" for i in range(count)]
    started = time.perf_counter()
    analyse(items[0])  # first call loads VADER, TextBlob's lexicon and simplemma
    warm = time.perf_counter() - started
    best = best_cpu = None
    for _ in range(3):
        started, cpu_started = time.perf_counter(), time.process_time()
        for text in items:
            analyse(text)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    # CPU time is reported too: on a busy machine wall-clock time understates one core's rate.
    print(
        f"first call {warm:.2f} s; {count} distinct items in {best:.2f} s "
        f"(best of 3) = {count / best:.0f} items/second "
        f"(CPU time {best_cpu:.2f} s = {count / best_cpu:.0f} items/second of CPU)"
    )


if __name__ == "__main__":
    main()
