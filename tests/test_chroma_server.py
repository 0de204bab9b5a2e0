"""Scale-out: ingest and search against a real ``chroma run`` server on 127.0.0.1.

The server gives the same hits as the embedded store; an unreachable server, a
wrong URL, or a server that stops mid-ingest gives one clear line and leaves
the previous index answering.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from conftest import PROFILE_TEXT, SW_XML, _assistant_command, copy_files, run_cli

CHROMA = shutil.which("chroma") or str(Path(os.sys.executable).parent / "chroma")
QUERIES = (
    "Coachen niveau 2",
    "hoe versterkt de sociaal werker het netwerk van mensen?",
    "B1-K1-W5",
    "where does the social worker report to colleagues?",
)

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(path: Path, port: int) -> subprocess.Popen:
    """Start ``chroma run`` and wait until it answers its heartbeat."""
    proc = subprocess.Popen(
        [CHROMA, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
        start_new_session=True,
    )
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1):
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("chroma run did not start within 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture
def server(tmp_path: Path):
    port = free_port()
    proc = start_server(tmp_path / "chroma-data", port)
    yield f"http://127.0.0.1:{port}", proc
    stop_server(proc)


def hits_of(index_dir: Path, query: str, env: dict[str, str]) -> list[tuple[str, float]]:
    code, out, err = run_cli("search", query, "--json", "-k", "8", "--index", str(index_dir), env=env)
    assert code == 0, err
    return [(h["id"], h["score"]) for h in json.loads(out)["hits"]]


def test_server_gives_the_same_results_as_the_embedded_store(server, fresh_index: Path, tmp_path: Path):
    url, _ = server
    docs = copy_files([SW_XML, PROFILE_TEXT], tmp_path / "docs")
    embedded = tmp_path / "embedded-index"
    shutil.copytree(fresh_index, embedded)
    code, out, err = run_cli("ingest", str(docs), "--index", str(embedded), "--json")
    assert code == 0, err
    code, out, err = run_cli("ingest", str(docs), "--index", str(fresh_index), "--json",
                             env={"ASSISTANT_CHROMA_URL": url})
    assert code == 0, err
    report = json.loads(out)
    manifest = json.loads(next((fresh_index / "builds").glob("*/manifest.json")).read_text())
    assert manifest["store"]["mode"] == "server"
    assert not (fresh_index / "builds" / manifest["build"] / "chroma").exists()
    assert report["chunks"] > 50
    for query in QUERIES:
        local = hits_of(embedded, query, {})
        remote = hits_of(fresh_index, query, {"ASSISTANT_CHROMA_URL": url})
        assert [i for i, _ in local] == [i for i, _ in remote], query
        # the same scores up to float noise between the two stores' HNSW builds (seen: 63.5702 vs 63.5707)
        assert [s for _, s in local] == pytest.approx([s for _, s in remote], abs=0.01), query


def test_a_server_index_needs_the_url(server, fresh_index: Path, tmp_path: Path):
    url, _ = server
    docs = copy_files([PROFILE_TEXT], tmp_path / "docs")
    assert run_cli("ingest", str(docs), "--index", str(fresh_index), env={"ASSISTANT_CHROMA_URL": url})[0] == 0
    code, _, err = run_cli("search", "Coachen", "--index", str(fresh_index))
    assert code == 1 and "ASSISTANT_CHROMA_URL" in err


def test_unreachable_server_and_wrong_url(index_copy: Path):
    before = (index_copy / "CURRENT").read_text()
    dead = f"http://127.0.0.1:{free_port()}"
    for url in (dead, "not-a-url"):
        code, _, err = run_cli("ingest", str(PROFILE_TEXT), "--index", str(index_copy), "--json",
                                 env={"ASSISTANT_CHROMA_URL": url})
        assert code == 1
        assert url in err and len(err.strip().splitlines()) == 1
        assert (index_copy / "CURRENT").read_text() == before


def test_server_stopping_mid_ingest_keeps_the_previous_index(fresh_index: Path, tmp_path: Path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = start_server(tmp_path / "chroma-data", port)
    try:
        docs = copy_files([PROFILE_TEXT], tmp_path / "docs")
        env = {"ASSISTANT_CHROMA_URL": url}
        assert run_cli("ingest", str(docs), "--index", str(fresh_index), env=env)[0] == 0
        before = hits_of(fresh_index, "Coachen niveau 2", env)
        pointer = (fresh_index / "CURRENT").read_text()
        shutil.copy2(SW_XML, docs / SW_XML.name)  # new work: embeds, then writes to the server
        ingest = subprocess.Popen(
            [*_assistant_command(), "ingest", str(docs), "--index", str(fresh_index), "--json"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, **env},
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and ingest.poll() is None:
            if any((fresh_index / "builds").glob("*/")) and len(list((fresh_index / "builds").iterdir())) > 1:
                break
            time.sleep(0.05)
        stop_server(proc)
        _, err = ingest.communicate(timeout=180)
        assert "Traceback" not in err
        if ingest.returncode == 0:
            pytest.skip("the ingest finished before the server stopped")
        assert ingest.returncode == 1 and len(err.strip().splitlines()) == 1
        assert (fresh_index / "CURRENT").read_text() == pointer
        proc = start_server(tmp_path / "chroma-data", port)
        assert hits_of(fresh_index, "Coachen niveau 2", env) == before
    finally:
        stop_server(proc)
