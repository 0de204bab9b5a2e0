"""A guard in front of the web app's JSON routes: a size cap, and lone surrogates replaced.

Every event reaches the app as JSON (``/gradio_api/queue/join`` with any ``fn_index``, ``/gradio_api/call/…``).
A client can send lone surrogates as ``\\ud800`` escapes; where Gradio echoes a value back (a dropdown's
"not in the list of choices" message), that kills the event stream with a traceback. It can also send a
value of any size, which Gradio may echo back whole. This ASGI middleware reads each JSON POST body
first:

* over :data:`MAX_JSON_BYTES` (``assistant.settings``) it answers 413 with a one-line JSON message;
* otherwise lone surrogates in every string become U+FFFD before Gradio sees the request.

Multipart uploads and every other request pass through untouched.
"""

from __future__ import annotations

import json
import re
from typing import Any

from assistant.settings import MAX_JSON_BYTES

_SURROGATE = re.compile("[\ud800-\udfff]")
DRAIN_FACTOR = 16  # a refused body is read up to 16 x the cap, then the connection is closed
TOO_LARGE = {"error": f"Verzoek te groot (request too large): at most {MAX_JSON_BYTES // 2**20} MB of JSON."}


def clean(value: Any) -> Any:
    """``value`` with lone surrogates replaced by U+FFFD in every string (keys too)."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    return value


def clean_body(body: bytes) -> bytes:
    """A JSON body with lone surrogates replaced; unchanged when it is not JSON or has none."""
    if b"\\ud" not in body.lower():
        return body
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return body  # Gradio answers invalid JSON itself (422)
    return json.dumps(clean(value)).encode("ascii")


class RequestGuard:
    """ASGI middleware: JSON POST bodies capped at ``max_bytes`` and cleaned (see the module docstring)."""

    def __init__(self, app, max_bytes: int = MAX_JSON_BYTES):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope.get("method") != "POST" or not self._is_json(scope):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            more = message.get("more_body", False)
            if size > self.max_bytes:
                await self._drain(receive, more, size)
                await self._refuse(send)
                return
            chunks.append(chunk)
        body = clean_body(b"".join(chunks))
        sent = False

        async def replay():
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await self.app({**scope, "headers": headers}, replay, send)

    @staticmethod
    def _is_json(scope) -> bool:
        for key, value in scope.get("headers", []):
            if key.lower() == b"content-type":
                return b"json" in value.lower()
        return False

    async def _drain(self, receive, more: bool, size: int) -> None:
        """Read (and drop) the rest of a refused body, so that the client gets the 413 and no reset."""
        while more and size <= DRAIN_FACTOR * self.max_bytes:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            size += len(message.get("body", b""))
            more = message.get("more_body", False)

    @staticmethod
    async def _refuse(send) -> None:
        body = json.dumps(TOO_LARGE).encode("ascii")
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
