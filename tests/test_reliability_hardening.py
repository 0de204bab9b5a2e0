"""Hardening against hostile and careless clients (issue 16): every event by ``fn_index``, run history,
malformed likes, the feedback rate limit, long filter values, and the export folder over many sessions.

A client does not need ``gradio_client`` or the page: it can post to ``/gradio_api/queue/join`` with any
``fn_index``, which reaches the private events too (chat, like, export, theme scan, views). The battery
here calls EVERY event of the app's config that way with malformed payloads, on one ``python app.py``
on 127.0.0.1 with its own Gradio cache folder (``GRADIO_TEMP_DIR``) so that disk use can be measured.
Wanted: 0 tracebacks from the product's code in the server log, no HTTP 5xx, and the app answers after.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import Built
from test_reliability_api import (
    no_product_traceback_in_the_server_log,  # noqa: F401 - autouse fixture, shared
    product_tracebacks,
)
from test_reliability_common import api_ask, app_config, chat_submit_ids, chat_text, count_input, record, ui_event
from test_webapp import start_app

from assistant.settings import FEEDBACK_PER_SESSION, MAX_FILTER_CHARS, MAX_JSON_BYTES

SESSIONS = int(os.environ.get("RELIABILITY_SESSIONS") or 1000)
DISK_TARGET_MB = 50
LONG = "samenwerken met ouders " * 200  # 4,600 characters in every text field at once
EVENT_DATA = {
    "null": None,
    "empty-object": {},
    "list": [],
    "string": "x",
    "index-null": {"index": None, "value": "x", "liked": True},
    "index-empty-list": {"index": [], "value": "x", "liked": True},
    "index-object": {"index": {}, "value": "x", "liked": True},
    "index-huge": {"index": 10**30, "value": "x", "liked": True},
    "index-bool": {"index": True, "value": "x", "liked": True},
    "liked-surrogate": {"index": 1, "value": "x", "liked": "\ud800"},
    "liked-other": {"index": 1, "value": "x", "liked": "Maybe"},
    "liked-object": {"index": 1, "value": "x", "liked": {"a": [1]}},
    "file-path": {"path": "/etc/passwd", "meta": {"_type": "gradio.FileData"}},
}


def payloads(width: int) -> dict[str, object]:
    """Malformed ``data`` for an event with ``width`` inputs."""
    return {
        "no-data": [],
        "nulls": [None] * width,
        "objects": [{"x": [1, {"y": None}]}] * width,
        "file-data": [{"path": "/etc/passwd", "meta": {"_type": "gradio.FileData"}}] * width,
        "long-text": [LONG] * width,
        "lone-surrogates": ["\ud800 overleg \udfff"] * width,
        "numbers": [10**20] * width,
        "too-many": [""] * (width + 5),
        "not-a-list": "x",
    }


class LiveHardening:
    def __init__(self, app, workdir: Path, cache: Path):
        self.app, self.url, self.workdir, self.cache = app, app.url, workdir, cache
        self.log = workdir / "app.log"
        self._seen = 0

    def new_log(self) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace")
        fresh, self._seen = text[self._seen:], len(text)
        return fresh


def start(built: Built, factory, name: str) -> LiveHardening:
    workdir = factory.mktemp(name)
    cache = workdir / "gradio-cache"
    app = start_app(built.index_dir, workdir, {"GRADIO_TEMP_DIR": str(cache)})
    return LiveHardening(app, workdir, cache)


@pytest.fixture(scope="module")
def live(built_index: Built, tmp_path_factory):
    app = start(built_index, tmp_path_factory, "hardening-app")
    yield app
    app.app.stop()


@pytest.fixture(scope="module")
def config(live) -> dict:
    return app_config(live.url)




def events(config: dict) -> list[dict]:
    """Every event of the app: fn_index, first trigger, its event name and number of inputs."""
    found = []
    for index, dep in enumerate(config["dependencies"]):
        target = dep["targets"][0] if dep.get("targets") else [None, "then"]
        found.append({"fn_index": dep.get("id", index), "trigger": target[0], "event": target[1],
                      "inputs": len(dep["inputs"]), "api": dep.get("api_name")})
    return found


def like_ids(config: dict) -> tuple[int, int]:
    found = [e for e in events(config) if e["event"] == "like"]
    assert len(found) == 1, found
    return found[0]["fn_index"], found[0]["trigger"]


def outcome(messages: list[dict]) -> str:
    final = messages[-1] if messages else {}
    if final.get("msg") == "http_error":
        return f"http {final['status']}"
    if final.get("msg") == "process_completed":
        return "completed" if final.get("success") else "refused"
    return str(final.get("msg"))


def logs(messages: list[dict]) -> list[str]:
    return [m.get("log") or m.get("message") or "" for m in messages if m.get("msg") == "log"]


# --------------------------------------------------------------------------- run history


def test_run_history_is_off_and_its_routes_are_gone(live, config):
    for path in ("gradio_api/runs", "gradio_api/runs/"):
        try:
            with urllib.request.urlopen(live.url + path, timeout=30) as response:
                status = response.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        assert status == 404, (path, status)
    request = urllib.request.Request(live.url + "gradio_api/run-history/connect", data=b'{"bucket_id": "a/b"}',
                                     headers={"Content-Type": "application/json", "x-gradio-history-bucket": "a/b"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            connect = response.status
    except urllib.error.HTTPError as exc:
        connect = exc.code
    assert connect in (404, 405), connect
    assert config.get("run_history") is False
    record("hardening", "run_history", {"runs_status": 404, "connect_status": connect})


# --------------------------------------------------------------------------- every event by fn_index


def test_every_event_by_fn_index_survives_malformed_payloads(live, config):
    found = events(config)
    assert len(found) >= 20, "the app's events (chat, like, export, views, theme scan)"
    outcomes: dict[str, int] = {}
    slow: list[tuple[float, str]] = []
    calls = 0
    for event in found:
        variants = {**{k: (v, None) for k, v in payloads(event["inputs"]).items()}}
        if event["event"] == "like":
            variants.update({f"event-{k}": ([None] * event["inputs"], v) for k, v in EVENT_DATA.items()})
        else:
            variants["event-data-object"] = ([None] * event["inputs"], EVENT_DATA["liked-object"])
        for label, (data, event_data) in variants.items():
            started = time.perf_counter()
            messages = ui_event(live.url, event["fn_index"], event["trigger"], data, timeout=180,
                                event_data=event_data)
            slow.append((time.perf_counter() - started, f"{event['fn_index']}:{event['event']}:{label}"))
            result = outcome(messages)
            outcomes[result] = outcomes.get(result, 0) + 1
            calls += 1
            shown = json.dumps(messages[-1], ensure_ascii=False)[:2000] if messages else ""
            count_input("ui-fn-index", f"{event['event']}:{label}", shown)
            assert not result.startswith("http 5"), (event, label, shown)
            assert result in ("completed", "refused") or result.startswith("http 4"), (event, label, shown)
    log = live.new_log()
    tracebacks = log.count("Traceback (most recent call last)")
    record("hardening", "fn_index_battery", {
        "events": len(found), "calls": calls, "outcomes": outcomes, "product_tracebacks": len(product_tracebacks(log)),
        "all_tracebacks_in_log": tracebacks, "slowest": [[round(s, 2), n] for s, n in sorted(slow)[-3:]],
    })
    assert not product_tracebacks(log), product_tracebacks(log)[0]
    ok, shown = chat_text(ui_event(live.url, *chat_submit_ids(config), ["overleg", None, "", "", "", "", "",
                                                                        "answer", "nl"]))
    assert ok and "[1]" in shown, "the app answers after the battery"


# --------------------------------------------------------------------------- likes and feedback


def chat_turn(live, config, session: str) -> None:
    ok, shown = chat_text(ui_event(live.url, *chat_submit_ids(config),
                                   ["waar komt multidisciplinair overleg voor?", None, "", "", "", "", "", "answer",
                                    "nl"],
                                   session=session))
    assert ok and "[1]" in shown


def test_malformed_likes_get_a_friendly_message_and_are_not_stored(live, config):
    session = "likes" + os.urandom(4).hex()
    chat_turn(live, config, session)
    fn_index, trigger = like_ids(config)
    log = live.app.feedback_log
    before = len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0
    friendly = 0
    for label, event_data in EVENT_DATA.items():
        messages = ui_event(live.url, fn_index, trigger, [None, "nl"], event_data=event_data, session=session)
        assert outcome(messages) in ("completed", "refused"), (label, messages[-1])  # Gradio refuses a file path
        shown = logs(messages)
        friendly += any("kon ik niet lezen" in m for m in shown)
        count_input("ui-like", label, json.dumps(messages[-1], ensure_ascii=False))
    after = len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0
    assert after == before, "no malformed like is stored"
    good = ui_event(live.url, fn_index, trigger, [None, "nl"], event_data={"index": 1, "value": "x", "liked": False},
                    session=session)
    assert any("Dank je" in m for m in logs(good)), good
    stored = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert stored[-1]["vote"] == "down" and stored[-1]["question"] == "waar komt multidisciplinair overleg voor?"
    record("hardening", "malformed_likes", {"payloads": len(EVENT_DATA), "friendly_messages": friendly,
                                            "stored": after - before})
    assert friendly >= len(EVENT_DATA) - 1  # the file path is refused by Gradio before the handler


def comment_ids(config: dict) -> tuple[int, int, int]:
    """(fn_index, trigger, inputs) of the thumbs-down comment's send button."""
    return event_by_elem(config, "toelichting-verstuur", "click")


def test_thumbs_down_comment_is_stored_minimised(live, config):
    session = "comment" + os.urandom(4).hex()
    chat_turn(live, config, session)
    fn_index, trigger = like_ids(config)
    down = ui_event(live.url, fn_index, trigger, [None, "nl"], event_data={"index": 1, "value": "x", "liked": False},
                    session=session)
    shown = down[-1]["output"]["data"]
    assert any(isinstance(v, dict) and v.get("visible") is True for v in shown), shown  # the comment box opens
    send, target, width = comment_ids(config)
    empty = ui_event(live.url, send, target, [None, "   ", None, "nl"][:width], session=session)
    assert any("kon ik niet lezen" in m for m in logs(empty)), empty[-1]  # the box stays open for a real one
    text = "Jan Jansen mist B1-K1-W5\u2028bel 0612345678"
    messages = ui_event(live.url, send, target, [None, text, None, "nl"][:width], session=session)
    assert any("Dank je" in m for m in logs(messages)), messages[-1]
    stored = [json.loads(line) for line in live.app.feedback_log.read_text(encoding="utf-8").splitlines()]
    assert stored[-1]["vote"] == "comment" and stored[-1]["comment"] == "[naam] [naam] mist B1-K1-W5 bel [nummer]"
    assert stored[-2]["vote"] == "down"
    again = ui_event(live.url, send, target, [None, "nog een", None, "nl"][:width], session=session)
    assert not logs(again), "after a comment the box closes: nothing to comment on"
    count_input("ui-like", "comment", json.dumps(messages[-1], ensure_ascii=False))
    record("hardening", "comment", {"stored": stored[-1]["comment"], "empty_refused": True})


def event_by_elem(config: dict, elem_id: str, name: str) -> tuple[int, int, int]:
    """(fn_index, trigger, inputs) of event ``name`` on the component with ``elem_id``."""
    components = {c["id"]: c for c in config["components"]}
    for index, dep in enumerate(config["dependencies"]):
        for target, event in dep.get("targets", []):
            if components.get(target, {}).get("props", {}).get("elem_id") == elem_id and event == name:
                return dep.get("id", index), target, len(dep["inputs"])
    raise AssertionError(f"no {name} event on #{elem_id}")


def served_markdown(messages: list[dict]) -> str:
    data = messages[-1]["output"]["data"]
    urls = [v["value"]["url"] for v in data if isinstance(v, dict) and isinstance(v.get("value"), dict)
            and str(v["value"].get("orig_name", "")).endswith(".md")]
    assert urls, data
    with urllib.request.urlopen(urls[0], timeout=30) as response:
        return response.read().decode("utf-8")


def test_export_the_whole_conversation_and_selected_hits_over_http(live, config):
    session = "export" + os.urandom(4).hex()
    chat_turn(live, config, session)
    ok, _ = chat_text(ui_event(live.url, *chat_submit_ids(config),
                               ["en bij de PMK?", None, "", "", "", "", "", "answer", "nl"], session=session))
    assert ok
    fn_index, trigger, _ = event_by_elem(config, "export-omvang", "input")
    whole = served_markdown(ui_event(live.url, fn_index, trigger, [None, "conversation", [], "nl"], session=session))
    assert whole.startswith("# Gesprek (mbo-assistent)") and "## Vraag 2: " in whole and "Filters: dossier" in whole
    ok, _ = chat_text(ui_event(live.url, *chat_submit_ids(config),  # a lookup: a ranked page of hits to pick from
                               ["Coachen niveau 2", None, "", "", "", "", "", "answer", "nl"], session=session))
    assert ok
    fn_index, trigger, _ = event_by_elem(config, "export-bronnen", "input")
    picked = served_markdown(ui_event(live.url, fn_index, trigger, [None, [1, 3], "nl"], session=session))
    assert picked.count("\n## [") == 2 and "## [3]" in picked
    record("hardening", "export_choices", {"conversation": True, "selected_hits": 2})


def test_likes_are_rate_limited_per_session(live, config):
    session = "rate" + os.urandom(4).hex()
    chat_turn(live, config, session)
    fn_index, trigger = like_ids(config)
    answers = []
    for _ in range(FEEDBACK_PER_SESSION + 3):
        messages = ui_event(live.url, fn_index, trigger, [None, "nl"],
                            event_data={"index": 1, "value": "x", "liked": True}, session=session)
        answers.append("saved" if any("Dank je" in m for m in logs(messages))
                       else "limited" if any("veel feedback" in m for m in logs(messages)) else "other")
    assert answers == ["saved"] * FEEDBACK_PER_SESSION + ["limited"] * 3, answers
    record("hardening", "like_rate_limit", {"per_session": FEEDBACK_PER_SESSION, "sent": len(answers),
                                            "refused": answers.count("limited")})


# --------------------------------------------------------------------------- /ask filter values


def test_ask_filter_value_length_is_limited_and_never_echoed(live):
    for size in (MAX_FILTER_CHARS + 1, 3_000_000):
        text = api_ask(live.url, "samenwerken", "D" * size, timeout=240)
        assert len(text) < 1000 and "DDDDDDDDDD" not in text, text[:300]
        assert f"hoogstens {MAX_FILTER_CHARS} tekens" in text
        count_input("api", f"filter-{size}", text)
    text = api_ask(live.url, "samenwerken", "D" * MAX_FILTER_CHARS)
    assert "onbekend" in text.lower() and len(text) < MAX_FILTER_CHARS + 600
    record("hardening", "filter_length", {"limit": MAX_FILTER_CHARS, "sent_chars": 3_000_000,
                                          "reply_chars": len(api_ask(live.url, "samenwerken", "D" * 3_000_000))})


def test_json_requests_over_the_cap_are_refused_in_one_line(live):
    body = json.dumps({"data": ["samenwerken", "D" * 20_000_000, "", "", "", ""]}).encode()
    request = urllib.request.Request(live.url + "gradio_api/call/ask", data=body,
                                     headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=120)
    reply = caught.value.read()
    assert caught.value.code == 413 and len(reply) < 200 and b"MB" in reply
    record("hardening", "json_cap", {"cap_mb": MAX_JSON_BYTES // 2**20, "sent_mb": 20, "status": 413,
                                     "reply_bytes": len(reply)})


def test_lone_surrogates_in_any_field_keep_the_event_stream_alive(live, config):
    """Gradio echoes a forged dropdown value in its message; a lone surrogate there killed the stream."""
    ok, shown = chat_text(ui_event(live.url, *chat_submit_ids(config),
                                   ["overleg \ud800", None, "Bestaat \udfff Niet", "", "", "", "", "answer", "nl"]))
    assert not ok and "not in the list of choices" in shown and "\ufffd" in shown
    count_input("ui", "surrogate in a dropdown", shown)


# --------------------------------------------------------------------------- export files over many sessions


def disk_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0


@pytest.mark.slow
def test_many_chat_sessions_keep_export_disk_bounded_and_leave_nothing(built_index: Built, tmp_path_factory):
    app = start(built_index, tmp_path_factory, "sessions-app")
    try:
        config = app_config(app.url)
        ids = chat_submit_ids(config)
        questions = ["samenwerken met ouders", "waar komt multidisciplinair overleg voor?", "Coachen niveau 2",
                     "kwaliteitszorg", "where does OA collaborate with external experts?", "veiligheid op de groep"]
        peak = 0
        started = time.perf_counter()

        def one(i: int) -> bool:
            ok, _ = chat_text(ui_event(app.url, *ids, [f"{questions[i % len(questions)]} {i}", None, "", "", "",
                                                       "", "", "answer", "nl"], timeout=300))
            return ok

        done = 0
        with ThreadPoolExecutor(4) as pool:
            for ok in pool.map(one, range(SESSIONS)):
                done += ok
                if done % 50 == 0:
                    peak = max(peak, disk_bytes(app.cache))
        seconds = time.perf_counter() - started
        peak = max(peak, disk_bytes(app.cache))
        folders = list(app.cache.glob("mbo-assistent-export-*"))
        assert len(folders) == 1
        files = sum(1 for p in folders[0].rglob("*") if p.is_file())
    finally:
        app.app.stop()
    left = list(app.cache.glob("mbo-assistent-export-*"))
    after = disk_bytes(app.cache)
    record("hardening", "export_disk", {"sessions": SESSIONS, "answered": done, "peak_mb": round(peak / 2**20, 2),
                                        "files_at_end": files, "left_after_exit": len(left),
                                        "cache_mb_after_exit": round(after / 2**20, 3), "seconds": round(seconds, 1)})
    assert done == SESSIONS
    assert peak <= DISK_TARGET_MB * 2**20, peak
    assert left == [], "the export folder is removed when the app exits"
    assert after < 2**20, after
