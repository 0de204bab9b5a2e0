"""The benchmark suite behind ``assistant bench``.

* ``ingest``: a full ingest of the bundled corpus into a fresh index (no
  embedding cache: every chunk is embedded), median of ``repeats`` runs, and a
  no-op re-ingest (median of 5).
* ``query``: warm query latency (p50, p95) of the full search at three corpus
  sizes: the bundled corpus, 10k and 100k chunks. The large sizes are synthetic:
  perturbed copies of the real chunks (words dropped, a marker added) whose
  vectors are the real vectors plus small noise, renormalised. That measures
  how search scales without 100k embedding calls. ``floor_p50_ms`` is the sum
  of the p50s of query embedding, raw vector search and lexical search, each
  timed alone in the same run. ``rss_mb`` is the resident memory of the query
  process after its queries (each size runs in its own process). ``ready_s`` is
  the time to open the index, load it (:meth:`OpenIndex.warm_up`) and load the
  embedder: what an app does at start, before its first question.
"""

from __future__ import annotations

import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from assistant.embedders import load, spec_id
from assistant.index import current_build, open_index, read_chunks, switch_current
from assistant.model import Chunk
from assistant.settings import BUNDLED_CORPUS, PROJECT_ROOT, Settings

SIZES = (0, 10_000, 100_000)  # 0: the bundled corpus as it is
NOISE = 0.05


def machine() -> dict:
    """What the benchmark ran on."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = None
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory_gb = round(pages / 2**30, 1)
    except (ValueError, OSError):
        pass
    return {
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def rss_mb() -> float:
    """Resident memory of this process, in MB."""
    with open("/proc/self/statm") as handle:
        resident = int(handle.read().split()[1])
    return round(resident * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def questions() -> list[str]:
    """The query set: the eval questions (or a few fixed ones when the set is absent)."""
    path = PROJECT_ROOT / "eval" / "questions.jsonl"
    if path.is_file():
        return [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return ["waar komt multidisciplinair overleg voor?", "where does OA collaborate with external experts?",
            "wat hoort bij niveau 3 van plannen en organiseren?", "B1-K1-W7 pedagogisch werk", "Coachen niveau 2"]


def bench_ingest(work: Path, embedder: str, repeats: int = 3) -> dict:
    """Median full ingest and no-op re-ingest of the bundled corpus (real text)."""
    from ingest.build import run_ingest

    full, noop, chunks = [], [], 0
    for run in range(repeats):
        settings = Settings(index_dir=work / f"ingest-{run}", embedder=embedder)
        report = run_ingest([BUNDLED_CORPUS], settings)
        full.append(report.seconds)
        chunks = report.chunks
        if run == 0:
            noop = [run_ingest([BUNDLED_CORPUS], settings).seconds for _ in range(5)]
    seconds = statistics.median(full)
    return {
        "chunks": chunks,
        "seconds": round(seconds, 2),
        "chunks_per_s": round(chunks / seconds, 1),
        "noop_seconds": round(statistics.median(noop), 3),
        "runs": [round(s, 2) for s in full],
    }


def perturb(chunk: Chunk, copy: int, rng: random.Random) -> Chunk:
    """A synthetic copy of a chunk: 10% of its words dropped, a copy marker added."""
    words = chunk.text.split()
    kept = [w for w in words if rng.random() > 0.1] or words
    text = " ".join(kept) + f" (kopie {copy})"
    return replace(
        chunk,
        id=f"syn{copy}-{chunk.id}",
        text=text,
        passage=text,
        index_text=chunk.index_text.split("\n", 2)[0] + "\n" + text,
        dossier=f"{chunk.dossier} kopie {copy}" if chunk.dossier else chunk.dossier,
        also_in=(),
        group=None,
    )


def build_synthetic(source_index: Path, target: Path, size: int, embedder: str) -> dict:
    """A synthetic index of ``size`` chunks derived from a real one."""
    from ingest.build import _write_build
    from ingest.cache import EmbeddingCache, text_hash

    real = read_chunks(current_build(source_index))
    cache = EmbeddingCache(source_index / "cache" / "embeddings.sqlite")
    vectors = cache.get_many(spec_id(embedder), [text_hash(c.index_text) for c in real])
    cache.close()
    base = np.stack([vectors[text_hash(c.index_text)] for c in real])
    rng = random.Random(7)
    noise = np.random.default_rng(7)
    chunks, rows = list(real), [base]
    copy = 0
    while len(chunks) < size:
        copy += 1
        take = min(len(real), size - len(chunks))
        chunks.extend(perturb(c, copy, rng) for c in real[:take])
        jitter = base[:take] + noise.normal(0, NOISE, base[:take].shape).astype(np.float32)
        rows.append(jitter / np.linalg.norm(jitter, axis=1, keepdims=True))
    matrix = np.concatenate(rows)[: len(chunks)]
    settings = Settings(index_dir=target, embedder=embedder)
    target.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    name = _write_build(target, settings, chunks, matrix, {}, embedder, int(matrix.shape[1]))
    switch_current(target, name)
    return {"chunks": len(chunks), "build_seconds": round(time.perf_counter() - started, 1)}


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def query_row(index_dir: Path, embedder: str) -> dict:
    """Warm latency of the full search and of its parts, in this process."""
    from assistant.retrieval import search

    started = time.perf_counter()
    index = open_index(Settings(index_dir=index_dir, embedder=embedder))
    index.warm_up()
    model = load(embedder)
    ready = time.perf_counter() - started
    queries = questions()
    for query in queries[:10]:
        search(index, model, query, k=10)
    full, embed, vector, lexical = [], [], [], []
    for query in queries:
        started = time.perf_counter()
        search(index, model, query, k=10)
        full.append(1000 * (time.perf_counter() - started))
    for query in queries:
        started = time.perf_counter()
        v = model.embed_batch([query], query=True)[0]
        embed.append(1000 * (time.perf_counter() - started))
        started = time.perf_counter()
        index.store.query(v, 50)
        vector.append(1000 * (time.perf_counter() - started))
        started = time.perf_counter()
        index.lexical.search(query, 50)
        lexical.append(1000 * (time.perf_counter() - started))
    floor = statistics.median(embed) + statistics.median(vector) + statistics.median(lexical)
    return {
        "chunks": len(index.chunks),
        "queries": len(queries),
        "p50_ms": round(statistics.median(full), 2),
        "p95_ms": round(_percentile(full, 95), 2),
        "mean_ms": round(statistics.mean(full), 2),
        "floor_p50_ms": round(floor, 2),
        "embed_p50_ms": round(statistics.median(embed), 2),
        "vector_p50_ms": round(statistics.median(vector), 2),
        "lexical_p50_ms": round(statistics.median(lexical), 2),
        "rss_mb": rss_mb(),
        "ready_s": round(ready, 2),
    }


def _in_subprocess(*args: str) -> dict:
    """Run ``python -m assistant.bench ARGS`` and return its JSON line."""
    result = subprocess.run(
        [sys.executable, "-m", "assistant.bench", *args], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench step {args[0]} failed: {result.stderr.strip().splitlines()[-1:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_bench(embedder: str, sizes: tuple[int, ...] = SIZES, repeats: int = 3) -> dict:
    """The whole suite, in a temporary folder that is removed afterwards."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="assistant-bench-") as tmp:
        work = Path(tmp)
        ingest = bench_ingest(work, embedder, repeats)
        rows = []
        for size in sizes:
            target = work / "ingest-0" if size == 0 else work / f"synthetic-{size}"
            built = {"synthetic": False}
            if size:
                built = {"synthetic": True, **_in_subprocess("build", str(work / "ingest-0"), str(target),
                                                             str(size), embedder)}
            row = _in_subprocess("query", str(target), embedder)
            rows.append({**row, **built})
    return {
        "embedder": spec_id(embedder),
        "machine": machine(),
        "ingest": ingest,
        "query": rows,
        "note": "rows over the bundled corpus size are synthetic: perturbed copies of real chunks with "
                "vectors derived from the real ones (noise sd 0.05, renormalised)",
        "seconds": round(time.perf_counter() - started, 1),
    }


def _main(argv: list[str]) -> None:
    """Subprocess steps: ``build SRC DST SIZE EMBEDDER`` and ``query INDEX EMBEDDER``."""
    if argv[0] == "build":
        print(json.dumps(build_synthetic(Path(argv[1]), Path(argv[2]), int(argv[3]), argv[4])))
    elif argv[0] == "query":
        print(json.dumps(query_row(Path(argv[1]), argv[2])))


if __name__ == "__main__":
    _main(sys.argv[1:])
