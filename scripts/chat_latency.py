"""Median latency of ``/ask`` (``Assistant.ask`` in process) over every 4th question of eval/questions.jsonl.

Run it once with this checkout on ``PYTHONPATH`` and once with another (e.g. main) to compare.

Example:
    PYTHONPATH=src python scripts/chat_latency.py --index /tmp/ix
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Time ``Assistant.ask`` per question and print the median and p90 in ms."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--set", type=Path, default=ROOT / "eval" / "questions.jsonl")
    args = parser.parse_args(argv)
    import assistant
    from assistant.settings import Settings
    from assistant.webapp import Assistant

    app = Assistant(Settings.from_env(args.index))
    questions = [json.loads(line)["question"] for line in args.set.read_text(encoding="utf-8").splitlines()
                 if line.strip()][::4]
    for question in questions[:3]:
        app.ask(question)
    times = []
    for question in questions:
        started = time.perf_counter()
        app.ask(question)
        times.append(time.perf_counter() - started)
    times.sort()
    print(f"{assistant.__file__}: {len(times)} questions · median {statistics.median(times) * 1000:.1f} ms · "
          f"p90 {times[int(len(times) * 0.9)] * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
