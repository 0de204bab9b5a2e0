"""Reliability and security of the live app: bad input over HTTP, 200 concurrent ``/ask``, file routes.

One ``python app.py`` on a free port of 127.0.0.1 on the session index (``start_app`` from
test_webapp). Channels: ``/ask`` through gradio_client and through Gradio's plain REST protocol
(which, like a browser's ``JSON.stringify``, can carry lone surrogates as ``\\ud800`` escapes),
and the chat box exactly as the browser drives it (``/gradio_api/queue/join`` + SSE).
Every test also checks the server log: no traceback from the product's own code.

Load: 200 requests from 200 threads, on loopback only, bounded in time; latency p50/p95 are
recorded for docs/reliability.md (measurements, not asserted beyond "no errors").
"""

from __future__ import annotations

import re
import statistics
import threading
import time
import tomllib
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import gradio
import pytest
from conftest import Built
from gradio_client import Client
from test_reliability_common import (
    EMPTY_INPUTS,
    ODD_INPUTS,
    SURROGATE_INPUTS,
    ApiError,
    Beacon,
    api_ask,
    app_config,
    beacon_server,
    chat_submit_ids,
    chat_text,
    count_input,
    record,
    status_of,
    ui_event,
)
from test_webapp import free_port, start_app

from assistant.settings import MAX_FILTER_CHARS, Settings
from assistant.webapp import EMPTY_QUESTION, QUEUE_SIZE, build_app, launch

ROOT = Path(__file__).resolve().parents[1]
FRIENDLY_EMPTY = (EMPTY_QUESTION["nl"], EMPTY_QUESTION["en"], "lege vraag")
LOAD_QUESTIONS = [
    ("where does OA collaborate with external experts?",),
    ("waar komt multidisciplinair overleg voor?",),
    ("Coachen niveau 2", "Sociaalwerker B", "", "", "competentieniveau", "2"),
    ("B1-K1-W5 samenwerken met andere betrokkenen",),
    ("samenwerken met ouders", "", "", "2015-08-01", "werkproces"),
    ("wat hoort bij niveau 3 van plannen en organiseren?",),
    ("welke werkprocessen gaan over kwaliteitszorg?",),
    ("kinderen begeleiden bij hun ontwikkeling", "PW"),
]


@dataclass
class Live:
    url: str
    log: Path
    app: object
    _seen: int = 0

    def new_log(self) -> str:
        """Server output since the last call."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        fresh, self._seen = text[self._seen:], len(text)
        return fresh


def product_tracebacks(log: str) -> list[str]:
    """Tracebacks in a server log that pass through the product's own code (src/assistant, ingest)."""
    blocks = re.split(r"(?=Traceback \(most recent call last\))", log)
    return [b[:3000] for b in blocks if b.startswith("Traceback") and re.search(r"/(assistant|ingest)/\w+\.py", b)]


@pytest.fixture(scope="module")
def live(built_index: Built, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("reliability-app")
    app = start_app(built_index.index_dir, workdir)
    watched = Live(app.url, workdir / "app.log", app)
    yield watched
    app.stop()


@pytest.fixture(scope="module")
def client(live):
    return Client(live.url, verbose=False)


@pytest.fixture(autouse=True)
def no_product_traceback_in_the_server_log(request):
    """After each test: the server log holds no traceback from the product's code."""
    if "live" not in request.fixturenames:
        yield
        return
    live = request.getfixturevalue("live")
    live.new_log()
    yield
    found = product_tracebacks(live.new_log())
    count_input("server-log", request.node.name, "Traceback (most recent call last)" if found else "")
    assert not found, found[0]


# --------------------------------------------------------------------------- /ask


@pytest.mark.parametrize("label", sorted({*EMPTY_INPUTS, *ODD_INPUTS}))
def test_ask_via_gradio_client(client, label: str):
    text = client.predict(EMPTY_INPUTS.get(label, ODD_INPUTS.get(label)), "", "", "", "", "", api_name="/ask")
    count_input("api", label, text)
    if label in EMPTY_INPUTS:
        assert any(m in text for m in FRIENDLY_EMPTY), text[:300]
    else:
        assert "[1]" in text and "- [1] " in text, text[:300]




@pytest.mark.parametrize("label", sorted(SURROGATE_INPUTS))
def test_ask_with_lone_surrogates_over_rest(live, label: str):
    """gradio_client cannot even encode a lone surrogate; a browser or curl can (as a JSON escape)."""
    text = api_ask(live.url, SURROGATE_INPUTS[label])
    count_input("api", label, text)
    if label == "lone-surrogate":
        assert any(m in text for m in FRIENDLY_EMPTY), text[:300]
    else:
        assert "[1]" in text, text[:300]


@pytest.mark.parametrize(
    "filters",
    [("Bestaat Niet",), ("\x00",), ("\ud800",), ("", "x" * 100_000), ("", "", "\u202e2015"), ("", "", "", "🎉"),
     ("", "", "", "", "drie"), ("", "", "", "", "99999999999999999999")],
    ids=["dossier", "nul", "surrogate", "profile-100k", "version-rtl", "kind-emoji", "level-word", "level-huge"],
)
def test_ask_with_unknown_filters_over_rest(live, filters):
    text = api_ask(live.url, "samenwerken met ouders", *filters)
    count_input("api", f"filter {filters[:1]}", text)
    if any(len(f) > MAX_FILTER_CHARS for f in filters):  # too long: a limit message that does not echo the value
        assert text.startswith("Een filterwaarde mag hoogstens") and "xxxxxxxxxx" not in text, text[:300]
    else:
        assert text.startswith("Dat kan ik zo niet zoeken: onbekend"), text[:300]


def test_ask_with_a_superscript_level_over_rest(live):
    """'²' and '①' pass str.isdigit() but not int(): a friendly message, not an error event."""
    for level in ("²", "①"):
        try:
            text = api_ask(live.url, "samenwerken met ouders", "", "", "", "", level)
        except ApiError as exc:
            count_input("api", f"level {level}", "Traceback (most recent call last)")
            raise AssertionError(f"/ask failed: {exc}") from None
        count_input("api", f"level {level}", text)
        assert text.startswith("Dat kan ik zo niet zoeken: onbekend niveau"), text[:200]


# --------------------------------------------------------------------------- the chat box, as the browser sends it


@pytest.fixture(scope="module")
def submit_ids(live) -> tuple[int, int]:
    return chat_submit_ids(app_config(live.url))


def chat_over_http(live, submit_ids, text: str, filters=("", "", "", "", "")) -> tuple[bool, str, list]:
    messages = ui_event(live.url, *submit_ids, [text, None, *filters, "answer", "nl"])
    ok, shown = chat_text(messages)
    return ok, shown, messages


@pytest.mark.parametrize("label", sorted({*EMPTY_INPUTS, *ODD_INPUTS}))
def test_chat_box_over_http(live, submit_ids, label: str):
    ok, shown, _ = chat_over_http(live, submit_ids, EMPTY_INPUTS.get(label, ODD_INPUTS.get(label)))
    count_input("ui", label, shown)
    assert ok, shown
    if label in EMPTY_INPUTS:
        assert any(m in shown for m in FRIENDLY_EMPTY), shown[:300]
    else:
        assert '<details class="bron"><summary>[1] ' in shown, shown[:300]


@pytest.mark.parametrize("label", sorted(SURROGATE_INPUTS))
def test_chat_box_with_lone_surrogates_over_http(live, submit_ids, label: str):
    """The browser sends lone surrogates as JSON escapes: the turn completes, with the right answer."""
    ok, shown, _ = chat_over_http(live, submit_ids, SURROGATE_INPUTS[label])
    count_input("ui", label, shown if ok else "Traceback (most recent call last)")
    assert ok, shown
    if label == "lone-surrogate":
        assert any(m in shown for m in FRIENDLY_EMPTY), shown[:300]
    else:
        assert '<details class="bron"><summary>[1] ' in shown, shown[:300]


def test_chat_box_with_an_unknown_dropdown_value(live, submit_ids):
    """The browser can only pick listed values; a forged one is refused by Gradio with a message, not a crash."""
    ok, shown, _ = chat_over_http(live, submit_ids, "overleg", ("Bestaat Niet", "", "", "", ""))
    count_input("ui", "forged dropdown value", shown)
    assert not ok and "Bestaat Niet" in shown and "not in the list of choices" in shown
    ok, shown, _ = chat_over_http(live, submit_ids, "overleg")
    assert ok and "[1]" in shown, "the app answers afterwards"


# --------------------------------------------------------------------------- load


def timed_ask(url: str, question: tuple[str, ...]) -> tuple[bool, float, str]:
    started = time.perf_counter()
    try:
        text = api_ask(url, *question, timeout=240)
        ok = "[1]" in text
        return ok, time.perf_counter() - started, "" if ok else text[:200]
    except (ApiError, OSError) as exc:
        return False, time.perf_counter() - started, f"{type(exc).__name__}: {exc}"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@pytest.mark.slow
def test_200_concurrent_requests_no_errors(live):
    """200 requests from 200 threads, at most 48 in flight (the app queues 64): no errors."""
    requests, in_flight = 200, 48
    gate = threading.BoundedSemaphore(in_flight)

    def one(number: int) -> tuple[bool, float, str]:
        with gate:
            return timed_ask(live.url, LOAD_QUESTIONS[number % len(LOAD_QUESTIONS)])

    started = time.perf_counter()
    with ThreadPoolExecutor(requests) as pool:
        results = list(pool.map(one, range(requests)))
    total = time.perf_counter() - started
    latencies = [seconds for _, seconds, _ in results]
    errors = [why for ok, _, why in results if not ok]
    record("load", "bounded", {
        "requests": requests, "threads": requests, "in_flight_max": in_flight, "errors": len(errors),
        "p50_ms": round(percentile(latencies, 0.5) * 1000), "p95_ms": round(percentile(latencies, 0.95) * 1000),
        "max_ms": round(max(latencies) * 1000), "mean_ms": round(statistics.mean(latencies) * 1000),
        "total_s": round(total, 1), "throughput_per_s": round(requests / total, 1), "first_errors": errors[:3],
    })
    assert errors == []
    assert total < 300


def burst(url: str, requests: int) -> list[tuple[bool, float, str]]:
    """``requests`` threads released at the same instant by a barrier."""
    barrier = threading.Barrier(requests)

    def one(number: int) -> tuple[bool, float, str]:
        barrier.wait(timeout=60)
        return timed_ask(url, LOAD_QUESTIONS[number % len(LOAD_QUESTIONS)])

    with ThreadPoolExecutor(requests) as pool:
        return list(pool.map(one, range(requests)))


@pytest.mark.slow
def test_200_simultaneous_requests_no_errors(live):
    started = time.perf_counter()
    results = burst(live.url, 200)
    total = time.perf_counter() - started
    latencies = [seconds for ok, seconds, _ in results if ok]
    errors = [why for ok, _, why in results if not ok]
    record("load", "simultaneous", {
        "requests": 200, "errors": len(errors), "http_503": sum("HTTP 503" in e for e in errors),
        "other_errors": [e for e in errors if "HTTP 503" not in e][:3], "total_s": round(total, 1),
        "p50_ms_answered": round(percentile(latencies, 0.5) * 1000) if latencies else None,
        "p95_ms_answered": round(percentile(latencies, 0.95) * 1000) if latencies else None,
    })
    assert errors == [], f"{len(errors)} of 200 failed, e.g. {errors[0]}"


@pytest.mark.slow
def test_overload_is_refused_cleanly_and_the_app_recovers(live):
    """Past the queue bound: HTTP 503 (never a 500, a hang or a crash), and the app answers right after."""
    results = burst(live.url, QUEUE_SIZE + 56)
    errors = [why for ok, _, why in results if not ok]
    assert all("HTTP 503" in e for e in errors), errors[:5]
    assert sum(ok for ok, _, _ in results) >= QUEUE_SIZE // 2
    ok, _, why = timed_ask(live.url, LOAD_QUESTIONS[0])
    assert ok, why


# --------------------------------------------------------------------------- files: nothing from user input is served


@pytest.fixture(scope="module")
def beacon_hits():
    with beacon_server(b"root:x:0:0:beacon") as server:
        yield server


@pytest.fixture(scope="module")
def beacon(beacon_hits: Beacon) -> str:
    return beacon_hits.url


def file_routes(beacon: str, index: Path) -> list[str]:
    secret = str(ROOT / "app.py")
    return [
        "file=/etc/passwd", "gradio_api/file=/etc/passwd", "gradio_api/file=%2Fetc%2Fpasswd",
        "gradio_api/file=..%2F..%2F..%2F..%2Fetc%2Fpasswd", "gradio_api/file=/tmp/gradio/../../etc/passwd",
        "gradio_api/file=//etc/passwd", "gradio_api/file=file:///etc/passwd", "gradio_api/file=~/.bashrc",
        "gradio_api/file=/proc/self/environ", f"gradio_api/file={secret}", f"gradio_api/file={index}/CURRENT",
        "gradio_api/file=app.py", "gradio_api/file=data/competentieprofiel-sociaalwerker-b.txt",
        f"gradio_api/file={beacon}/ssrf", f"file={beacon}/ssrf", "static/../../../../etc/passwd",
        "static//etc/passwd", "assets/..%2F..%2F..%2Fetc%2Fpasswd", "gradio_api/static//etc/passwd",
        "gradio_api/file=C:%5CWindows%5Cwin.ini", "gradio_api/proxy=" + beacon + "/proxy",
    ]


def test_no_file_path_from_user_input_is_served(live, built_index: Built, beacon, beacon_hits: Beacon):
    app_source = (ROOT / "app.py").read_bytes()[:200]
    seen = {}
    for route in file_routes(beacon, built_index.index_dir):
        status, body, headers = status_of(live.url + route)
        seen[route] = status
        assert status in (400, 403, 404, 405), (route, status, body[:200])
        assert b"root:x:0:0" not in body and app_source not in body, route
        location = headers.get("location") or headers.get("Location") or ""
        assert "127.0.0.1" not in location or location.startswith(live.url), (route, location)
    time.sleep(0.2)
    record("security", "file_routes", seen)
    assert beacon_hits.hits == [], f"the app fetched a URL it was given: {beacon_hits.hits}"


def test_exports_are_served_only_as_the_app_returned_them(live, submit_ids):
    """The chat's CSV is served at the URL the app hands out, from the app's own export folder inside
    Gradio's cache (one copy on disk, bounded by the app); files outside stay unserved."""
    messages = ui_event(live.url, *submit_ids, ["samenwerken met ouders", None, "", "", "", "", "", "answer", "nl"])
    final = messages[-1]
    assert final.get("success"), final
    files = [v for v in final["output"]["data"] if isinstance(v, dict) and str(v.get("orig_name", "")).endswith(".csv")]
    if not files:  # Gradio sends a component update for a DownloadButton
        files = [v["value"] for v in final["output"]["data"]
                 if isinstance(v, dict) and isinstance(v.get("value"), dict) and "url" in v["value"]]
    assert files, final["output"]["data"]
    served = files[0]
    status, body, _ = status_of(served["url"])
    assert status == 200 and body.decode("utf-8-sig").startswith("nr,id,kind")
    import os
    import tempfile

    cache = Path(os.environ.get("GRADIO_TEMP_DIR") or Path(tempfile.gettempdir()) / "gradio")
    originals = list(cache.glob(f"mbo-assistent-export-*/{served['orig_name']}"))
    assert originals, "the export was written to the app's own folder in Gradio's cache"
    assert list(cache.rglob(served["orig_name"])) == originals, "Gradio served it without a second copy"
    status, body, _ = status_of(f"{live.url}gradio_api/file={ROOT / 'app.py'}")
    assert status in (403, 404), status
    record("security", "export_paths", {"served_url_status": 200, "copies_on_disk": len(originals),
                                        "file_outside_status": status})


def test_uploads_are_capped(live):
    """Gradio's upload route exists for every app; anonymous posts are refused (403, assistant.admin.UploadGate)."""
    boundary = "reliabilityboundary"
    payload = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
               "Content-Type: text/plain\r\n\r\n").encode() + b"x" * 2_000_000 + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(live.url + "gradio_api/upload", data=payload,
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    status = _post_status(request)
    if status is None:  # the server refused before the 2 MB were sent and closed the socket: ask again, small
        small = urllib.request.Request(live.url + "gradio_api/upload", data=payload[:200] + payload[-40:],
                                       headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        status = _post_status(small)
    record("security", "upload_2mb_status", status)
    assert status == 403, status


def _post_status(request: urllib.request.Request) -> int | None:
    """The HTTP status of a request, or None when the server closed the connection while it was sent."""
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (BrokenPipeError, ConnectionResetError)):
            return None
        raise


def test_launched_app_keeps_allowed_paths_empty(built_index: Built):
    """The real launch() on a free port: no allowed or extra paths, local only, no share link."""
    demo = build_app(Settings(index_dir=built_index.index_dir, embedder="use"))
    try:
        port = free_port()
        launch(demo, port=port, prevent_thread_lock=True, quiet=True)
        assert demo.allowed_paths == [] and demo.share is False
        assert demo.server_name == "127.0.0.1"
        for route in ("gradio_api/file=/etc/passwd", f"gradio_api/file={ROOT / 'app.py'}"):
            status, body, _ = status_of(f"http://127.0.0.1:{port}/{route}")
            assert status in (403, 404) and b"root:x:0:0" not in body
    finally:
        demo.close()


def test_gradio_is_pinned_above_its_known_advisories():
    """gradio>=6.20.0 fixes the newest file-route advisory found (CVE-2026-59806, open redirect/SSRF via
    /gradio_api/file=, fixed in 6.20.0); older ones: path traversal CVE-2026-49119 (6.16.0), CVE-2026-28414
    (6.7.0), SSRF CVE-2026-28416 (6.6.0), CVE-2024-47167 (5.0), CVE-2024-1183 (4.10), CVE-2023-51449 (4.11)."""

    def version(text: str) -> tuple[int, ...]:
        return tuple(int(x) for x in re.findall(r"\d+", text)[:3])

    pinned = next(d for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
                  if d.startswith("gradio"))
    lower = re.search(r">=\s*([\d.]+)", pinned)
    assert lower and version(lower.group(1)) >= (6, 20, 0), pinned
    assert version(gradio.__version__) >= (6, 20, 0), gradio.__version__
    record("security", "gradio", {"pinned": pinned, "installed": gradio.__version__})
