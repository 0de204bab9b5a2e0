"""Upload benchmark: a 20-page KD PDF from upload to searchable, and query latency during the upload.

Works on a private copy of an existing index (the one given is never changed), in one process like
the web app: the real ``Assistant`` answers ``ask`` calls while ``store_uploads`` builds the new
index in a thread, and the upload counts as done when the app has swapped in the new build.

    .venv/bin/python scripts/bench_upload.py --index /tmp/my-index [--pages 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from assistant.settings import PROJECT_ROOT, Settings

sys.path.insert(0, str(PROJECT_ROOT / "tests"))  # the same KD PDF factory as the tests
from kd_documents import write_kd_pdf

QUERIES = ("Coachen niveau 2", "waar komt multidisciplinair overleg voor?", "B1-K1-W5 samenwerken met andere",
           "where does OA collaborate with external experts?", "welke werkprocessen gaan over kwaliteitszorg?")


def _timed(assistant, question: str) -> float:
    started = time.perf_counter()
    assistant.ask(question)
    return time.perf_counter() - started


def _summary(values: list[float]) -> dict:
    ordered = sorted(values)
    return {"n": len(ordered), "p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000, 1)}


def run(index: Path, pages: int, rounds: int) -> dict:
    """One benchmark run on a copy of ``index``; the figures as a dict."""
    from assistant.conversation import Constraints
    from assistant.webapp import Assistant
    from ingest.uploads import in_background, store_uploads

    with tempfile.TemporaryDirectory(prefix="bench-upload-") as work:
        copy = Path(work) / "index"
        shutil.copytree(index, copy)
        settings = Settings(index_dir=copy, embedder=Settings.from_env().embedder)
        assistant = Assistant(settings)
        nonce = secrets.token_hex(3)  # new wording each run: nothing comes from the embedding cache
        pdf = write_kd_pdf(Path(work) / "kd-20-paginas.pdf", extra_pages=pages - 2, often=f"dagelijks ({nonce})")
        idle = [_timed(assistant, q) for _ in range(rounds) for q in QUERIES]
        done = threading.Event()
        upload: dict = {}

        def do_upload() -> None:
            started = time.perf_counter()
            upload["result"] = in_background(store_uploads, settings, [(pdf.name, pdf)])
            upload["built_s"] = time.perf_counter() - started
            assistant.refresh(wait=True)
            upload["searchable_s"] = time.perf_counter() - started
            done.set()

        worker = threading.Thread(target=do_upload)
        worker.start()
        during: list[float] = []
        while not done.is_set():
            during.append(_timed(assistant, QUERIES[len(during) % len(QUERIES)]))
        worker.join()
        idle += [_timed(assistant, q) for _ in range(rounds) for q in QUERIES]  # before and after: load drifts
        hits = assistant.retrieve("Verzorgt reptielen in het terrarium", Constraints())
        outcome = upload["result"].outcomes[0]
        return {
            "pages": pages, "chunks_added": outcome.chunks, "status": outcome.status,
            "found_after_upload": bool(hits) and hits[0].chunk.source == pdf.name,
            "page_of_B1-K1-W2": hits[0].chunk.location.as_dict() if hits else None,
            "build_s": round(upload["built_s"], 2), "searchable_s": round(upload["searchable_s"], 2),
            "index_chunks": len(assistant.index.chunks), "load_average": [round(x, 2) for x in os.getloadavg()],
            "query_idle": _summary(idle), "query_during_upload": _summary(during),
            "ratio_p50": round(statistics.median(during) / statistics.median(idle), 2) if during else None,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True, help="An index built with `assistant ingest` (copied).")
    parser.add_argument("--pages", type=int, default=20, help="Pages of the generated KD PDF (default 20).")
    parser.add_argument("--rounds", type=int, default=3, help="Rounds of the idle query set, before and after "
                        "the upload (default 3).")
    args = parser.parse_args()
    print(json.dumps(run(args.index, args.pages, args.rounds), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
