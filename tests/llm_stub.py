"""A tiny OpenAI-compatible ``/v1/chat/completions`` stub on 127.0.0.1, for tests only.

It streams a fixed answer as server-sent events, or answers HTTP 500, and keeps
every request body it received.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Stub:
    """The stub's behaviour and what it saw."""

    answer: str = "De onderwijsassistent werkt samen met externe deskundigen [1]."
    status: int = 200
    requests: list[dict] = field(default_factory=list)
    headers: list[dict] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        """The base URL to put in ``ASSISTANT_LLM_URL``."""
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        """Shut the server down."""
        if self.server:
            self.server.shutdown()
            self.server.server_close()


def pieces(text: str, size: int = 12) -> list[str]:
    """The answer cut into small pieces, as a model would stream it."""
    return [text[i:i + size] for i in range(0, len(text), size)]


def start(stub: Stub | None = None) -> Stub:
    """Start the stub on a free port of 127.0.0.1 in a daemon thread."""
    stub = stub or Stub()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output quiet
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            stub.requests.append(body)
            stub.headers.append(dict(self.headers))
            if not self.path.endswith("/v1/chat/completions"):
                self.send_error(404)
                return
            if stub.status != 200:
                self.send_response(stub.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"error": {"message": "stub failure"}}')
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            for piece in pieces(stub.answer):
                event = {"id": "x", "object": "chat.completion.chunk", "model": body.get("model"),
                         "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
                self.wfile.flush()
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()

    stub.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=stub.server.serve_forever, daemon=True).start()
    return stub
