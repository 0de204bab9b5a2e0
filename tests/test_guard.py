"""The request guard (JSON size cap, lone surrogates) and the launch settings (run history off, guard on).

The guard runs as real ASGI middleware in front of a small Starlette app, driven by Starlette's test
client; the launched Gradio app is covered by tests/test_reliability_hardening.py.
"""

from __future__ import annotations

import json

import gradio as gr
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from assistant.guard import RequestGuard, clean, clean_body
from assistant.webapp import launch


async def echo(request: Request) -> JSONResponse:
    body = await request.body()
    return JSONResponse({"length": len(body), "text": body.decode("utf-8", "replace")})


def client(max_bytes: int = 1000) -> TestClient:
    app = Starlette(routes=[Route("/echo", echo, methods=["POST"])],
                    middleware=[Middleware(RequestGuard, max_bytes=max_bytes)])
    return TestClient(app)


def test_clean_replaces_lone_surrogates_everywhere():
    assert clean({"a\ud800": ["x\udfff", 1, None, {"b": "ok 👍"}]}) == {"a\ufffd": ["x\ufffd", 1, None, {"b": "ok 👍"}]}
    assert clean_body(b'{"a": "ok"}') == b'{"a": "ok"}'
    assert json.loads(clean_body(b'{"a": "\\ud800 \\ud83d\\udc4d"}')) == {"a": "\ufffd 👍"}  # a real pair stays
    assert clean_body(b'{"a": "\\ud800"') == b'{"a": "\\ud800"'  # not JSON: left for the app to refuse


def test_guard_cleans_json_and_passes_the_rest():
    with client() as http:
        json_type = {"content-type": "application/json"}
        reply = http.post("/echo", content=b'{"data": ["\\ud800 overleg"]}', headers=json_type)
        assert reply.status_code == 200 and json.loads(reply.json()["text"]) == {"data": ["\ufffd overleg"]}
        raw = b"\\ud800 not json"
        reply = http.post("/echo", content=raw, headers={"content-type": "text/plain"})
        assert reply.json() == {"length": len(raw), "text": raw.decode()}


def test_guard_refuses_json_over_the_cap_in_one_line():
    with client(max_bytes=1000) as http:
        reply = http.post("/echo", content=json.dumps({"x": "y" * 5000}), headers={"content-type": "application/json"})
        assert reply.status_code == 413 and "MB" in reply.json()["error"]
        reply = http.post("/echo", content=json.dumps({"x": "y" * 900}), headers={"content-type": "application/json"})
        assert reply.status_code == 200


def test_launch_turns_run_history_off_and_installs_the_guard(monkeypatch):
    seen = {}
    monkeypatch.setattr(gr.Blocks, "launch", lambda self, **kwargs: seen.update(kwargs))
    launch(gr.Blocks())
    assert seen["run_history"] is False
    middleware = [m.cls for m in seen["app_kwargs"]["middleware"]]
    assert middleware[0] is RequestGuard  # outermost of the app's own: it sees every request first
    assert middleware.count(RequestGuard) == 1
