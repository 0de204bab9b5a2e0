"""Helpers shared by the reliability battery (``tests/test_reliability_*.py``); no tests here.

* :func:`record` keeps the battery's measurable figures (kills, latencies, traceback counts...)
  in a JSON file that ``scripts/reliability_report.py`` turns into ``docs/reliability.md``.
  The file is ``$RELIABILITY_FIGURES`` or ``test-artifacts/reliability-figures.json``.
* :func:`api_ask` calls ``/ask`` over plain HTTP (Gradio's REST protocol), :func:`ui_event` sends
  a chat turn exactly as the browser does (``/gradio_api/queue/join`` + the SSE stream).
* :func:`write_guard` writes a ``sitecustomize.py`` that blocks every non-loopback connection in a
  subprocess and records the attempts.
* :func:`beacon_server` is a loopback HTTP server that records every request it gets: a hit means
  something fetched or rendered a URL it was given.
* :func:`readonly_prefix` is a command prefix under which root really cannot write
  (``setpriv`` drops the capabilities that let root ignore file modes).

Everything talks to 127.0.0.1 only.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIGURES = Path(os.environ.get("RELIABILITY_FIGURES") or ROOT / "test-artifacts" / "reliability-figures.json")
_lock = threading.Lock()
if "RELIABILITY_FIGURES" not in os.environ:  # imported once per test session: the default file holds this run only
    FIGURES.unlink(missing_ok=True)

# ---------------------------------------------------------------------------- figures


def record(section: str, key: str, value: Any) -> None:
    """Store one figure under ``section.key`` (the report script reads them)."""
    with _lock:
        FIGURES.parent.mkdir(parents=True, exist_ok=True)
        data = json.loads(FIGURES.read_text(encoding="utf-8")) if FIGURES.exists() else {}
        data.setdefault(section, {})[key] = value
        FIGURES.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")


@dataclass
class Beacon:
    """A running :func:`beacon_server`: its base URL and the paths requested so far."""

    url: str
    hits: list[str] = field(default_factory=list)


@contextmanager
def beacon_server(body: bytes, content_type: str = "text/plain") -> Iterator[Beacon]:
    """Serve ``body`` for every GET or POST on 127.0.0.1 and record the requested paths."""
    beacon = Beacon("")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            beacon.hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    beacon.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield beacon
    finally:
        server.shutdown()
        server.server_close()


CRASH_MARKS = ("Traceback (most recent call last)", "onverwachte fout (unexpected error)")


def count_input(channel: str, label: str, output: str) -> bool:
    """Count one bad-input check of ``channel`` and whether its output showed a crash (a traceback, or the CLI's
    last-resort 'unexpected error' line for an exception no handler expected); True when clean."""
    traceback = any(mark in output for mark in CRASH_MARKS)
    with _lock:
        FIGURES.parent.mkdir(parents=True, exist_ok=True)
        data = json.loads(FIGURES.read_text(encoding="utf-8")) if FIGURES.exists() else {}
        entry = data.setdefault("inputs", {}).setdefault(channel, {"checked": 0, "tracebacks": 0, "with_traceback": []})
        entry["checked"] += 1
        if traceback:
            entry["tracebacks"] += 1
            entry["with_traceback"] = sorted({*entry["with_traceback"], label})
        FIGURES.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return not traceback


# ---------------------------------------------------------------------------- bad inputs

# Query texts that hold nothing searchable once control/format/surrogate/private characters are gone.
EMPTY_INPUTS: dict[str, str] = {
    "empty": "",
    "whitespace": " \t\n\r\u00a0\u2003\u3000 ",
    "nul": "\x00",
    "control": "\x01\x02\x1b\x7f\x85\x9b",
    "zero-width": "\u200b\u200c\u200d\u2060\ufeff",
    "rtl-marks": "\u202e\u202d\u200f\u200e\u2066\u2069",
    "private-use": "\ue000\uf8ff\U000f0000",
    "unassigned": "\U000e0001\U0010ffff\u0378",
}
# Odd but searchable queries: each must give an answer with citations.
ODD_INPUTS: dict[str, str] = {
    "nul-inside": "kinderen\x00 begeleiden",
    "control-inside": "kinderen\x07\x1b[31m begeleiden\x0b\x0c bij ontwikkeling",
    "rtl-inside": "\u202ekinderen begeleiden\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "zero-width-inside": "kin\u200bderen be\u200dgeleiden\ufeff",
    "emoji": "👩‍🏫 onderwijsassistent 🎉 samenwerken 🤝🏽",
    "emoji-only": "👩‍🏫🎉🤝🏽",
    "combining": "k\u0336i\u0338n\u0335d\u0337e\u0334r\u0338e\u0336n\u0335 begeleiden" + "\u0301" * 500,
    "markup": "<script>alert(1)</script><img src=x onerror=alert(2)> overleg {{7*7}} ${7*7}",
    "sql-ish": "'; DROP TABLE embeddings; -- \" OR 1=1 samenwerken",
    "100k": ("samenwerken met ouders en externe deskundigen " * 2300)[:100_000],
}
# Lone surrogates: a browser's JSON.stringify sends them as "\ud800" escapes.
SURROGATE_INPUTS: dict[str, str] = {
    "lone-surrogate": "\ud800",
    "lone-surrogates-inside": "kinderen \udfff begeleiden \ud800",
}


# ---------------------------------------------------------------------------- HTTP to a live app


class ApiError(Exception):
    """The Gradio API answered with an error event (or an HTTP error)."""


def _post_json(url: str, payload: dict, timeout: float) -> dict:
    import urllib.request

    body = json.dumps(payload).encode("ascii")  # ensure_ascii: lone surrogates travel as \ud800 escapes
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def api_ask(base_url: str, question: str, *filters: str, timeout: float = 120) -> str:
    """``/ask`` through Gradio's REST API (``POST /gradio_api/call/ask`` then its SSE result)."""
    import urllib.error
    import urllib.request

    values = [question, *[*filters, "", "", "", "", ""][:5]]
    try:
        event_id = _post_json(base_url + "gradio_api/call/ask", {"data": values}, timeout)["event_id"]
        with urllib.request.urlopen(f"{base_url}gradio_api/call/ask/{event_id}", timeout=timeout) as response:
            stream = response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as exc:
        raise ApiError(f"HTTP {exc.code}") from None
    event, data = None, None
    for line in stream.splitlines():
        if line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data = line[5:].strip()
    if event != "complete" or data is None:
        raise ApiError(f"event {event}: {data}")
    return json.loads(data)[0]


def app_config(base_url: str) -> dict:
    """The app's ``/config``."""
    import urllib.request

    with urllib.request.urlopen(base_url + "config", timeout=30) as response:
        return json.loads(response.read())


def chat_submit_ids(config: dict) -> tuple[int, int]:
    """(fn_index, trigger id) of the question box's submit event, as the browser sends them."""
    components = {c["id"]: c for c in config["components"]}
    for index, dep in enumerate(config["dependencies"]):
        inputs = [components[i].get("props", {}).get("elem_id") for i in dep["inputs"]]
        if inputs[:1] == ["vraag"] and dep["targets"] and dep["targets"][0][1] == "submit":
            return dep.get("id", index), dep["targets"][0][0]
    raise AssertionError("no submit event on the #vraag box")


def ui_event(base_url: str, fn_index: int, trigger_id: int | None, data: Any, timeout: float = 120,
             event_data: Any = None, session: str | None = None) -> list[dict]:
    """Run one UI event as the browser does (or as a hostile client may: any ``data``/``event_data``);
    every SSE message of it, the last one final. A refused join gives ``[{"msg": "http_error", ...}]``."""
    import urllib.error
    import urllib.request

    session = session or uuid.uuid4().hex[:11]
    payload = {"data": data, "event_data": event_data, "fn_index": fn_index, "trigger_id": trigger_id,
               "session_hash": session}
    try:
        _post_json(base_url + "gradio_api/queue/join", payload, timeout)
    except urllib.error.HTTPError as exc:
        return [{"msg": "http_error", "status": exc.code, "body": exc.read()[:500].decode("utf-8", "replace")}]
    messages: list[dict] = []
    with urllib.request.urlopen(f"{base_url}gradio_api/queue/data?session_hash={session}",
                                timeout=timeout) as response:
        for raw in response:
            line = raw.decode("utf-8", errors="replace").strip()
            if not line.startswith("data:"):
                continue
            message = json.loads(line[5:])
            messages.append(message)
            if message.get("msg") in ("process_completed", "unexpected_error", "close_stream"):
                break
    return messages


def chat_text(messages: list[dict]) -> tuple[bool, str]:
    """(success, the last assistant message's text or the error) of a UI chat turn's SSE messages."""
    final = messages[-1] if messages else {}
    if final.get("msg") != "process_completed" or not final.get("success"):
        return False, json.dumps(final, ensure_ascii=False)[:2000]
    history = final["output"]["data"][0]
    content = history[-1]["content"]
    if isinstance(content, list):
        content = " ".join(part.get("text", "") for part in content if isinstance(part, dict))
    return True, str(content)


def status_of(url: str) -> tuple[int, bytes, dict]:
    """(status, body, headers) of a GET, without following redirects, path sent as is."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", url[len(f"{parts.scheme}://{parts.netloc}"):] or "/")
        response = connection.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        connection.close()


# ---------------------------------------------------------------------------- offline guard

GUARD = r'''
"""Installed by the reliability tests: every non-loopback connection is refused and recorded."""
import ipaddress, json, os, socket, traceback

_LOG = os.environ["RELIABILITY_NET_LOG"]
_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex
_sendto, _create_connection, _getaddrinfo = socket.socket.sendto, socket.create_connection, socket.getaddrinfo


def _loopback(host):
    if host is None:
        return True
    host = host.decode() if isinstance(host, bytes) else str(host)
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _note(kind, address):
    stack = [f"{f.filename}:{f.lineno}" for f in traceback.extract_stack()[:-2]][-40:]
    with open(_LOG, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"pid": os.getpid(), "kind": kind, "address": repr(address), "stack": stack}) + "\n")
    if os.environ.get("RELIABILITY_NET_STRICT") == "1":  # stop at the first attempt (no retry loops to wait out)
        os._exit(86)
    return OSError(101, f"network is blocked by the reliability tests: {address!r}")


def _inet(sock, address):
    return sock.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple)


def connect(self, address):
    if _inet(self, address) and not _loopback(address[0]):
        raise _note("connect", address)
    return _connect(self, address)


def connect_ex(self, address):
    if _inet(self, address) and not _loopback(address[0]):
        _note("connect_ex", address)
        return 101
    return _connect_ex(self, address)


def sendto(self, data, *args):
    address = args[-1]
    if _inet(self, address) and not _loopback(address[0]):
        raise _note("sendto", address)
    return _sendto(self, data, *args)


def create_connection(address, *args, **kwargs):
    if not _loopback(address[0]):
        raise _note("create_connection", address)
    return _create_connection(address, *args, **kwargs)


def getaddrinfo(host, *args, **kwargs):
    if not _loopback(host):
        raise _note("getaddrinfo", host)
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto = connect, connect_ex, sendto
socket.create_connection, socket.getaddrinfo = create_connection, getaddrinfo
'''


def write_guard(folder: Path) -> Path:
    """A folder with ``sitecustomize.py`` = :data:`GUARD`; put it on PYTHONPATH of a subprocess."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    return folder


def read_attempts(log: Path) -> list[dict]:
    """The recorded non-loopback attempts."""
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]


# ---------------------------------------------------------------------------- read-only as root

_DROP = "-dac_override,-dac_read_search,-fowner,-linux_immutable"


def readonly_prefix() -> list[str] | None:
    """A command prefix under which file modes really deny writes, or None when there is none.

    Not root: modes already bind, no prefix. Root: ``setpriv`` drops CAP_DAC_OVERRIDE (and friends)
    from the bounding set, so the child is root without the power to ignore ``a-w``.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        return None
    probe = subprocess.run([setpriv, "--bounding-set", _DROP, "--", "true"], capture_output=True, check=False)
    return [setpriv, "--bounding-set", _DROP, "--"] if probe.returncode == 0 else None


def make_readonly(path: Path, writable: bool = False) -> None:
    """chmod -R a-w (or u+w back) on a tree."""
    for root, dirs, files in os.walk(path):
        for name in [*dirs, *files]:
            target = Path(root) / name
            if target.is_symlink():
                continue
            mode = target.stat().st_mode
            target.chmod(mode | 0o200 if writable else mode & ~0o222)
    mode = path.stat().st_mode
    path.chmod(mode | 0o200 if writable else mode & ~0o222)
