"""``assistant bench``: the JSON it prints, and that it never touches the index (issue 5)."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import _assistant_command, run_cli


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with a hash of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def bench_env(index_copy: Path, tmp_path: Path) -> dict[str, str]:
    """The index the user has, and a private temporary folder to see what the bench leaves."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    return {"ASSISTANT_INDEX": str(index_copy), "TMPDIR": str(scratch)}


@pytest.mark.slow
def test_quick_bench_json(bench_env: dict[str, str], built_index):
    index_dir, scratch = Path(bench_env["ASSISTANT_INDEX"]), Path(bench_env["TMPDIR"])
    before = snapshot(index_dir)
    code, out, err = run_cli("bench", "--quick", "--json", env=bench_env, timeout=600)
    assert code == 0, err
    result = json.loads(out)
    assert set(result) >= {"embedder", "machine", "ingest", "query", "note"}
    assert result["embedder"] == "use-multilingual-v3"
    assert result["machine"]["cores"] == os.cpu_count()
    ingest = result["ingest"]
    assert ingest["chunks"] == built_index.report["chunks"]
    assert ingest["chunks_per_s"] == pytest.approx(ingest["chunks"] / ingest["seconds"], rel=0.02)
    assert 0 < ingest["noop_seconds"] < ingest["seconds"]
    real, synthetic = result["query"]
    assert (real["chunks"], real["synthetic"]) == (ingest["chunks"], False)
    assert (synthetic["chunks"], synthetic["synthetic"]) == (10_000, True)
    for row in (real, synthetic):
        assert row["queries"] >= 100
        assert 0 < row["floor_p50_ms"] and 0 < row["p50_ms"] <= row["p95_ms"]
        assert row["floor_p50_ms"] == pytest.approx(
            row["embed_p50_ms"] + row["vector_p50_ms"] + row["lexical_p50_ms"], abs=0.05
        )
        assert row["rss_mb"] > 50 and row["ready_s"] > 0
    assert "synthetic" in result["note"]
    assert snapshot(index_dir) == before, "the bench changed the index"
    assert list(scratch.iterdir()) == [], "the bench left files behind"


@pytest.mark.slow
def test_quick_bench_table(bench_env: dict[str, str]):
    code, out, err = run_cli("bench", "--quick", env=bench_env, timeout=600)
    assert code == 0, err
    assert "chunks/s" in out and "p50/floor" in out and "synthetic" in out
    assert len([line for line in out.splitlines() if line.strip().endswith(("yes", "no"))]) == 2


def _ctrl_c_as_in_a_terminal() -> None:
    """SIGINT as a terminal delivers it: a test run started in the background (``cmd &``, ``nohup``) inherits
    SIGINT ignored, and so would the bench it starts."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["ingest", "synthetic build"])
def test_interrupted_bench_leaves_nothing_behind(bench_env: dict[str, str], moment: str):
    """Ctrl-C during the ingest or during a subprocess step: one line, index unchanged, no leftovers."""
    index_dir, scratch = Path(bench_env["ASSISTANT_INDEX"]), Path(bench_env["TMPDIR"])
    before = snapshot(index_dir)
    process = subprocess.Popen(
        [*_assistant_command(), "bench", "--quick", "--json"], env={**os.environ, **bench_env},
        cwd=scratch.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_ctrl_c_as_in_a_terminal,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        work = list(scratch.glob("assistant-bench-*"))
        if moment == "ingest" and work and list(work[0].glob("ingest-*")):
            break
        if moment == "synthetic build" and work and (work[0] / "synthetic-10000").exists():
            break
        time.sleep(0.2)
    assert process.poll() is None, "the bench ended before the moment to interrupt it"
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert out == ""
    assert snapshot(index_dir) == before
    assert list(scratch.iterdir()) == [], [p.name for p in scratch.iterdir()]
