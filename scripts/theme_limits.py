"""The theme scan's limits, measured (docs/theme-scan.md, "Limits"): warm scan time, the longest allowed
term list (p95), memory over many distinct term lists, and /ask latency while other clients scan.

Usage::

    .venv/bin/assistant ingest --index /tmp/scan-ix
    .venv/bin/python scripts/theme_limits.py --index /tmp/scan-ix            # all, ~5 minutes
    .venv/bin/python scripts/theme_limits.py --index /tmp/scan-ix --lists 200 --asks 20

/ask is measured in process (``Assistant.ask``, the function behind the endpoint) with 4 threads looping
on the Themascan handler, as 4 browser clients pressing *Opnieuw met deze termen* would.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from assistant.settings import Settings  # noqa: E402
from assistant.themes import corpus_for, scan  # noqa: E402
from assistant.themes.limits import MAX_TERMS, MAX_TERMS_CHARS  # noqa: E402

THEMES = ("interprofessioneel samenwerken", "plannen en organiseren", "documentation and reporting",
          "gezondheid en leefstijl", "duurzaamheid")


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def longest_list(words: list[str], rng: random.Random) -> str:
    """A term list at the limits: MAX_TERMS terms, at most MAX_TERMS_CHARS characters."""
    chosen = rng.sample(words, MAX_TERMS)
    text = ", ".join(chosen)
    while len(text) > MAX_TERMS_CHARS:
        chosen.pop()
        text = ", ".join(chosen)
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--lists", type=int, default=1000, help="distinct term lists for the memory check")
    parser.add_argument("--asks", type=int, default=30, help="questions per /ask measurement")
    args = parser.parse_args()
    from assistant.webapp import Assistant, themescan_handler

    assistant = Assistant(Settings(index_dir=args.index, embedder="use"))
    index = assistant.index
    corpus = corpus_for(index)
    rng = random.Random(13)
    words = sorted(w for w in corpus.vocabulary if len(w) >= 5)
    for theme in THEMES:
        scan(index, theme)  # warm: compile the expansion once
    print("| theme | warm scan, median of 5 (s) |\n|---|---:|")
    for theme in THEMES:
        times = []
        for _ in range(5):
            started = time.perf_counter()
            scan(index, theme)
            times.append(time.perf_counter() - started)
        print(f"| {theme} | {statistics.median(times):.3f} |")

    longest = []
    for _ in range(20):
        terms = longest_list(words, rng)
        started = time.perf_counter()
        scan(index, "veiligheid", terms=terms)
        longest.append(time.perf_counter() - started)
    print(f"\nlongest allowed term list ({MAX_TERMS} terms, <= {MAX_TERMS_CHARS} chars), 20 distinct lists: "
          f"p50 {statistics.median(longest):.3f} s, p95 {pct(longest, 0.95):.3f} s")

    warm_up = max(1, args.lists // 10)
    for _ in range(warm_up):
        scan(index, "veiligheid", terms=", ".join(rng.sample(words, 8)))
    before = rss_mb()
    for _ in range(args.lists):
        scan(index, "veiligheid", terms=", ".join(rng.sample(words, 8)))
    after = rss_mb()
    print(f"RSS over {args.lists} distinct term lists (after {warm_up} to warm up): {before:.1f} → {after:.1f} MB "
          f"({after - before:+.1f} MB); matcher cache holds {corpus.cache_size}")

    questions = iter([f"waar komt {a} met {b} voor" for a, b in zip(rng.sample(words, 400), rng.sample(words, 400),
                                                                    strict=True)])

    def ask_times() -> list[float]:
        found = []
        for _ in range(args.asks):  # distinct questions: no cache helps
            started = time.perf_counter()
            assistant.ask(next(questions))
            found.append(time.perf_counter() - started)
        return found

    idle = ask_times()
    stop = threading.Event()

    def client(seed: int) -> None:
        local = random.Random(seed)
        while not stop.is_set():
            themescan_handler(assistant, "veiligheid", ", ".join(local.sample(words, 12)), "", "", True)

    clients = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(4)]
    for thread in clients:
        thread.start()
    time.sleep(1.0)
    busy = ask_times()
    stop.set()
    for thread in clients:
        thread.join(timeout=30)
    print(f"/ask p50 idle {statistics.median(idle):.3f} s; with 4 clients scanning {statistics.median(busy):.3f} s "
          f"({statistics.median(busy) / statistics.median(idle):.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
