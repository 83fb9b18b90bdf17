"""A fake model server at the protocol level: an OpenAI-style chat-completions endpoint.

It runs on 127.0.0.1 in a thread and answers each POST with the next canned
reply; a reply may be a message text, an HTTP status, or a delay longer than
the client waits. It records every request body and the most requests it had
in flight at once, so tests can check retries, schemas and concurrency.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    content: str | None = None  # the assistant's message text
    status: int = 200
    delay: float = 0.0
    raw: bytes | None = None  # a body that is not even a chat-completions answer


@dataclass
class FakeModel:
    replies: list[Reply]
    default: Reply | None = None
    requests: list[dict[str, Any]] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def next_reply(self) -> Reply:
        with self.lock:
            if self.replies:
                return self.replies.pop(0)
        assert self.default is not None, "the fake model ran out of canned replies"
        return self.default


def answer(persons: list[dict[str, Any]]) -> Reply:
    return Reply(content=json.dumps({"persons": persons}, ensure_ascii=False))


@contextmanager
def fake_model(replies: list[Reply], *, default: Reply | None = None) -> Iterator[FakeModel]:
    state = FakeModel(list(replies), default)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with state.lock:
                state.requests.append(body)
                state.in_flight += 1
                state.most_in_flight = max(state.most_in_flight, state.in_flight)
            try:
                reply = state.next_reply()
                if reply.delay:
                    time.sleep(reply.delay)
                if self.path != "/v1/chat/completions":
                    reply = Reply(status=404, raw=b"{}")
                if reply.raw is not None:
                    data = reply.raw
                else:
                    data = json.dumps(
                        {
                            "id": "chatcmpl-fake",
                            "object": "chat.completion",
                            "choices": [
                                {
                                    "index": 0,
                                    "message": {"role": "assistant", "content": reply.content},
                                    "finish_reason": "stop",
                                }
                            ],
                        }
                    ).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting, as a timeout test wants
            finally:
                with state.lock:
                    state.in_flight -= 1

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
