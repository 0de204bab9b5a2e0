"""Offline guarantee: ingest, search and serve work with every non-loopback connection blocked,
and nothing tries to reach a model hub, a telemetry service or anything else.

Two ways:

* in this process: ``socket`` is patched (connect, connect_ex, sendto, create_connection,
  getaddrinfo) to refuse and record anything that is not 127.0.0.1/::1/localhost; then an
  ingest of a new file (real embedding), a search, and the app launched on loopback and asked
  through gradio_client;
* in fresh processes, with the environment stripped of the test suite's own safety settings
  (``HF_HUB_OFFLINE``, ``TRANSFORMERS_OFFLINE``, ``ANONYMIZED_TELEMETRY``,
  ``GRADIO_ANALYTICS_ENABLED``): the console script's ingest and search, ``python app.py`` asked
  over loopback, and a sentence-transformers hub name, all under a ``sitecustomize`` guard.

Every recorded attempt is a failure: the lists must be empty.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import Built, _assistant_command
from test_reliability_common import GUARD, api_ask, read_attempts, record, write_guard
from test_webapp import free_port

from assistant.settings import Settings
from assistant.webapp import build_app, launch

ROOT = Path(__file__).resolve().parents[1]
SAFETY = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "ANONYMIZED_TELEMETRY", "GRADIO_ANALYTICS_ENABLED",
          "HF_DATASETS_OFFLINE", "DO_NOT_TRACK")
NEW_KD = """KWALIFICATIEDOSSIER
Offlinetest (01/08/21)

Basisdeel

B1-K1: Werkt zonder netwerk

B1-K1-W1: Bewaakt de privacy van deelnemers

De offlinemedewerker bewaakt de privacy van deelnemers en deelt geen gegevens met externe diensten.
"""


def guarded_env(tmp_path: Path, log: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SAFETY}
    guard = write_guard(tmp_path / "guard")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(guard), env.get("PYTHONPATH", "")) if p)
    env["RELIABILITY_NET_LOG"] = str(log)
    env.update(extra)
    return env


def kd_folder(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / f"{name}.txt").write_text(NEW_KD, encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- in this process


@pytest.fixture
def blocked(monkeypatch, tmp_path: Path) -> Path:
    """Block non-loopback networking in this process for one test; the attempts go to the returned log."""
    log = tmp_path / "net-attempts.jsonl"
    monkeypatch.setenv("RELIABILITY_NET_LOG", str(log))
    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, getattr(socket.socket, name))
    monkeypatch.setattr(socket, "create_connection", socket.create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", socket.getaddrinfo)
    exec(compile(GUARD, "reliability-guard", "exec"), {"__name__": "reliability_guard"})
    with pytest.raises(OSError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)  # the guard works (TEST-NET-1, never routed)
    log.unlink()
    return log


def test_ingest_search_and_serve_in_process_offline(blocked: Path, built_index: Built, tmp_path: Path):
    from conftest import ingest, search_json

    index = tmp_path / "index"
    report = ingest([kd_folder(tmp_path, "offline-kd")], index)
    assert report["failed"] == [] and report["embedded"] >= 1
    top = search_json(index, "privacy van deelnemers bewaken", "-k", "1")["hits"][0]
    assert top["code"] == "B1-K1-W1" and top["dossier"] == "Offlinetest"

    demo = build_app(Settings(index_dir=built_index.index_dir, embedder="use"))
    try:
        port = free_port()
        launch(demo, port=port, prevent_thread_lock=True, quiet=True)
        # plain HTTP: gradio_client itself sends huggingface_hub telemetry when it is created (client side)
        answer = api_ask(f"http://127.0.0.1:{port}/", "waar komt multidisciplinair overleg voor?")
    finally:
        demo.close()
    assert "[1]" in answer
    attempts = read_attempts(blocked)
    record("offline", "in_process_non_loopback_attempts", len(attempts))
    assert attempts == [], attempts[:5]


# --------------------------------------------------------------------------- fresh processes


@pytest.mark.slow
def test_console_script_ingest_and_search_offline(built_index: Built, tmp_path: Path):
    log = tmp_path / "net.jsonl"
    env = guarded_env(tmp_path, log)
    index = tmp_path / "index"
    run = lambda *args: subprocess.run([*_assistant_command(), *args], capture_output=True, text=True,  # noqa: E731
                                       env=env, cwd=tmp_path, timeout=300, check=False)
    done = run("ingest", str(kd_folder(tmp_path, "offline-cli")), "--index", str(index), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["embedded"] >= 1
    found = run("search", "privacy van deelnemers", "--json", "-k", "1", "--index", str(index))
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["hits"][0]["code"] == "B1-K1-W1"
    attempts = read_attempts(log)
    record("offline", "cli_non_loopback_attempts", len(attempts))
    assert attempts == [], attempts[:5]


@pytest.mark.slow
def test_app_serves_offline_without_telemetry(built_index: Built, tmp_path: Path):
    log = tmp_path / "net.jsonl"
    port = free_port()
    env = guarded_env(tmp_path, log, ASSISTANT_INDEX=str(built_index.index_dir), GRADIO_SERVER_PORT=str(port))
    env.pop("GRADIO_SERVER_NAME", None)
    env.pop("ASSISTANT_LLM_URL", None)
    output = open(tmp_path / "app.log", "w")  # closed when the process ends
    app = subprocess.Popen([sys.executable, str(ROOT / "app.py")], env=env, cwd=tmp_path, stdout=output,
                           stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert app.poll() is None, (tmp_path / "app.log").read_text()[-2000:]
            assert time.monotonic() < deadline, "the app did not start in 120 s"
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        answer = api_ask(url, "Coachen niveau 2")
        assert "[1]" in answer
        time.sleep(1.0)  # anything the app does in the background after a request
    finally:
        app.terminate()
        app.wait(timeout=20)
    attempts = read_attempts(log)
    record("offline", "app_non_loopback_attempts", len(attempts))
    assert attempts == [], attempts[:5]


def probe(tmp_path: Path, code: str, strict: bool = False) -> tuple[subprocess.CompletedProcess, list[dict]]:
    """Run ``code`` in a fresh guarded Python without the suite's safety variables."""
    log = tmp_path / "net.jsonl"
    env = guarded_env(tmp_path, log, **({"RELIABILITY_NET_STRICT": "1"} if strict else {}))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False,
                          env=env, cwd=tmp_path)
    return done, read_attempts(log)


def test_telemetry_is_off_without_the_suites_settings(tmp_path: Path):
    """Gradio analytics and Chroma telemetry are switched off by the product itself."""
    done, attempts = probe(tmp_path, """
import json, os
import assistant.webapp
from assistant.store import _chroma
_, chroma = _chroma()
print(json.dumps({"gradio_analytics": os.environ.get("GRADIO_ANALYTICS_ENABLED"),
                  "chroma_telemetry": chroma.anonymized_telemetry}))
""")
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    record("offline", "settings", seen)
    assert seen == {"gradio_analytics": "False", "chroma_telemetry": False}
    assert attempts == [], attempts[:3]


HUB_MODEL = """
import json, os, sys
{first}
from assistant import embedders
try:
    embedders.create("st:sentence-transformers/all-MiniLM-L6-v2")
    error = None
except embedders.EmbedderError as exc:
    error = str(exc)
print(json.dumps({{"hf_offline": os.environ.get("HF_HUB_OFFLINE"), "error": error}}))
"""


@pytest.mark.slow
def test_hub_model_name_fails_offline_without_a_connection(tmp_path: Path):
    """ASSISTANT_EMBEDDER=st:<hub name> as the CLI loads it: refused at once, offline, nothing attempted."""
    done, attempts = probe(tmp_path, HUB_MODEL.format(first=""), strict=True)
    record("offline", "hub_name_cli_non_loopback_attempts", len(attempts))
    assert attempts == [], attempts[:3]
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["hf_offline"] == "1" and "offline" in seen["error"]


@pytest.mark.slow
def test_hub_model_name_in_the_web_app_stays_offline(tmp_path: Path):
    done, attempts = probe(tmp_path, HUB_MODEL.format(first="import assistant.webapp  # as app.py: gradio first"),
                           strict=True)
    record("offline", "hub_name_web_app_non_loopback_attempts", len(attempts))
    assert attempts == [], [a["address"] for a in attempts[:3]]
    assert done.returncode == 0, done.stderr[-3000:]
