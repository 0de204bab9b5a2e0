"""Reliability: a damaged index is refused with one line that says what to run, never a traceback.

Each fault is made on a private copy of the session index. Through the real console script,
``assistant search`` must exit 1 with nothing on stdout and one line on stderr naming the command
to run (``assistant ingest``); in the web app the page must still start and say the same
(``Assistant`` opens the index for the app and ``/ask``).

Already covered elsewhere and not repeated: a missing index directory, ``CURRENT`` naming a
missing build, a garbled ``chunks.jsonl``, a missing lexical index or Chroma directory, and a
search with ``ASSISTANT_EMBEDDER`` set to another model (tests/test_build.py).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import Built, _assistant_command, current_name
from test_reliability_common import count_input, make_readonly, readonly_prefix, record

from assistant.index import BUILDS, CURRENT
from assistant.settings import Settings
from assistant.webapp import Assistant

QUERY = "kinderen begeleiden bij hun ontwikkeling"


def build_dir(index: Path) -> Path:
    return index / BUILDS / current_name(index)


def overwrite(path: Path, data: bytes, offset: int = 0) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def _edit_manifest(index: Path, change: Callable[[dict], object]) -> None:
    path = build_dir(index) / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(change(manifest)), encoding="utf-8")


def _other_embedder(manifest: dict) -> dict:
    manifest["embedder"] = {"id": "e5-small-multilingual-q4", "spec": "e5", "dimension": 384}
    return manifest


def _without_store(manifest: dict) -> dict:
    manifest.pop("store")
    return manifest


def _cut_half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2 + 7)


def _sqlite(index: Path) -> Path:
    return build_dir(index) / "chroma" / "chroma.sqlite3"


FAULTS: dict[str, Callable[[Path], None]] = {
    "empty index directory": lambda ix: (shutil.rmtree(ix), ix.mkdir()),
    "empty CURRENT": lambda ix: (ix / CURRENT).write_text("\n", encoding="utf-8"),
    "CURRENT not UTF-8": lambda ix: (ix / CURRENT).write_bytes(b"\xff\xfe\x00\x9cbuild\n"),
    "CURRENT points outside builds/": lambda ix: (ix / CURRENT).write_text("../../../../etc\n", encoding="utf-8"),
    "CURRENT is a directory": lambda ix: ((ix / CURRENT).unlink(), (ix / CURRENT).mkdir()),
    "Chroma SQLite header overwritten": lambda ix: overwrite(_sqlite(ix), b"\xde\xad\xbe\xef" * 256),
    "Chroma SQLite all random bytes": lambda ix: overwrite(
        _sqlite(ix), random.Random(7).randbytes(_sqlite(ix).stat().st_size)),
    "Chroma SQLite truncated to 0 bytes": lambda ix: _sqlite(ix).write_bytes(b""),
    "manifest from another embedder": lambda ix: _edit_manifest(ix, _other_embedder),
    "manifest without store": lambda ix: _edit_manifest(ix, _without_store),
    "manifest not an object": lambda ix: _edit_manifest(ix, lambda m: [m]),
    "manifest not JSON": lambda ix: (build_dir(ix) / "manifest.json").write_bytes(b"\x00{garbage"),
    "chunks.jsonl cut mid-line": lambda ix: _cut_half(build_dir(ix) / "chunks.jsonl"),
    "chunks.jsonl emptied": lambda ix: (build_dir(ix) / "chunks.jsonl").write_bytes(b""),
    "lexical index garbled": lambda ix: overwrite(build_dir(ix) / "lexical" / "lexical.json", b"\x00garbage{["),
}

@pytest.fixture(scope="module")
def damaged(built_index: Built, tmp_path_factory) -> dict[str, Path]:
    """A damaged copy of the session index per fault."""
    made = {}
    base = tmp_path_factory.mktemp("faults")
    for number, (name, fault) in enumerate(FAULTS.items()):
        target = base / f"f{number:02d}" / "index"
        shutil.copytree(built_index.index_dir, target)
        fault(target)
        made[name] = target
    return made


def run_search(index: Path, prefix: list[str] | None = None) -> tuple[int, str, str]:
    proc = subprocess.run([*(prefix or []), *_assistant_command(), "search", QUERY, "--json", "--index", str(index)],
                          capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=300,
                          check=False, cwd=index.parent)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture(scope="module")
def cli_results(damaged) -> dict[str, tuple[int, str, str]]:
    """``assistant search`` on every damaged index, through the real console script, 3 at a time."""
    with ThreadPoolExecutor(3) as pool:
        results = dict(zip(damaged, pool.map(run_search, damaged.values()), strict=True))
    record("index_faults", "cli", {name: {"exit": code, "stderr": err.strip()[:500], "stdout_bytes": len(out)}
                                   for name, (code, out, err) in results.items()})
    return results


def says_what_to_run(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}: {stderr[-2000:]!r}"
    line = lines[0]
    assert "onverwachte fout" not in line and "unexpected error" not in line, line
    assert "assistant ingest" in line, line
    return line


@pytest.mark.parametrize("name", list(FAULTS))
def test_search_on_a_damaged_index_says_what_to_run(cli_results, name: str):
    code, out, err = cli_results[name]
    count_input("index-faults", name, err)
    assert "Traceback" not in err, err[-3000:]
    assert code == 1, (code, err, out[:300])
    assert out.strip() == ""
    says_what_to_run(err)


@pytest.mark.parametrize("name", list(FAULTS))
def test_web_app_on_a_damaged_index_starts_and_says_what_to_run(damaged, name: str):
    try:
        assistant = Assistant(Settings(index_dir=damaged[name], embedder="use"))
    except Exception as exc:
        count_input("index-faults-web", name, f"Traceback (most recent call last)\n{type(exc).__name__}: {exc}")
        raise
    answer = assistant.ask(QUERY)
    count_input("index-faults-web", name, answer)
    assert assistant.problem, f"the damaged index was accepted; the app answered: {answer[:200]}"
    assert "De index ontbreekt of is niet bruikbaar" in answer and "assistant ingest" in answer


# --------------------------------------------------------------------------- read-only index


@pytest.fixture
def readonly_index(built_index: Built, tmp_path: Path):
    prefix = readonly_prefix()
    if prefix is None:
        pytest.skip("running as root without setpriv: a read-only directory cannot be made to deny root")
    target = tmp_path / "ro" / "index"
    shutil.copytree(built_index.index_dir, target)
    make_readonly(target)
    try:
        denied = subprocess.run([*prefix, "touch", str(target / "probe")], capture_output=True, check=False)
        assert denied.returncode != 0 and not (target / "probe").exists(), "the read-only index is still writable"
        yield target, prefix
    finally:
        make_readonly(target, writable=True)


def test_search_on_a_read_only_index(readonly_index, built_index: Built):
    """Best: the search works (reading needs no writes). Accepted: exit 1 with one line that says the index is
    read-only and what to do about it (Chroma's PersistentClient writes when it opens a database)."""
    target, prefix = readonly_index
    code, out, err = run_search(target, prefix)
    count_input("index-faults", "read-only index", err)
    record("index_faults", "read_only_search", {"exit": code, "stderr": err.strip()[:300]})
    assert "Traceback" not in err
    if code == 1:
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and out.strip() == "", err
        assert "onverwachte fout" not in lines[0] and "unexpected error" not in lines[0], lines[0]
        assert "read-only" in lines[0] or "alleen-lezen" in lines[0], lines[0]
        assert "writable" in lines[0] or "schrijfbaar" in lines[0] or "assistant ingest" in lines[0], lines[0]
        return
    expected = run_search(built_index.index_dir)
    assert (code, out) == (0, expected[1]), err


def test_ingest_into_a_read_only_index_is_refused_in_one_line(readonly_index, tmp_path: Path):
    target, prefix = readonly_index
    before = {p.relative_to(target): p.stat().st_mtime_ns for p in target.rglob("*")}
    folder = tmp_path / "new"
    folder.mkdir()
    shutil.copy2(Path(__file__).resolve().parents[1] / "data" / "competentieprofiel-sociaalwerker-b.txt", folder)
    proc = subprocess.run([*prefix, *_assistant_command(), "ingest", str(folder), "--index", str(target), "--json"],
                          capture_output=True, text=True, timeout=300, check=False, cwd=tmp_path)
    count_input("index-faults", "read-only ingest", proc.stderr)
    record("index_faults", "read_only_ingest", {"exit": proc.returncode, "stderr": proc.stderr.strip()[:300]})
    assert proc.returncode == 1 and proc.stdout.strip() == ""
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert str(target) in lines[0]
    assert {p.relative_to(target): p.stat().st_mtime_ns for p in target.rglob("*")} == before
