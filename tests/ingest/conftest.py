"""A real local HTTP server for the capture tests, and a net that stops any
connection to an address other than loopback (the SSRF tests must never send
a packet to 10.x or 169.254.x, even if the guard under test is broken)."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

PAGES = Path(__file__).parent / "pages"
HUGE_SIZE = 2_000_000

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Northwind Courier: detentions</title>
<link>https://courier.example/</link>
<description>Reports</description>
<item>
  <title>Activist Tamsin Orlova detained in Veldgrad</title>
  <link>https://courier.example/orlova</link>
  <guid isPermaLink="false">courier-2025-0313-orlova</guid>
  <pubDate>Thu, 13 Mar 2025 09:30:00 +0000</pubDate>
  <description>&lt;p&gt;Police detained the activist on Saturday.&lt;/p&gt;</description>
</item>
<item>
  <title>Blogger Ostap Miroshnikov fined</title>
  <link>https://courier.example/miroshnikov</link>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Северный вестник</title>
  <id>urn:uuid:4f1c2b2e-0000-4000-8000-000000000001</id>
  <updated>2024-11-02T10:00:00Z</updated>
  <entry>
    <title>В Вельдграде задержан блогер Остап Мирошников</title>
    <link rel="alternate" href="https://vestnik.example/miroshnikov"/>
    <id>tag:vestnik.example,2024:miroshnikov</id>
    <published>2024-11-02T08:15:00+03:00</published>
    <updated>2024-11-02T09:00:00+03:00</updated>
    <summary>Суд назначил блогеру 15 суток ареста.</summary>
  </entry>
</feed>
""".encode()


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    # Called instead of writing `body`, for streamed responses.
    stream: Callable[[BaseHTTPRequestHandler], None] | None = None
    # Seconds to wait before the status line.
    delay: float = 0.0


def _drip(handler: BaseHTTPRequestHandler) -> None:
    for _ in range(40):
        try:
            handler.wfile.write(b"x" * 10)
            handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up, as it should
        time.sleep(0.05)


def _unsized_huge(handler: BaseHTTPRequestHandler) -> None:
    # No Content-Length: only the streamed cap can stop this one.
    chunk = b"y" * 65_536
    for _ in range(HUGE_SIZE // len(chunk) + 1):
        try:
            handler.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            return


def _routes(port: int) -> dict[str, Route]:
    article = (PAGES / "article_en.html").read_bytes()
    html = {"Content-Type": "text/html; charset=utf-8"}
    routes = {
        "/article": Route(body=article, headers=html),
        "/gzip": Route(body=gzip.compress(article), headers={**html, "Content-Encoding": "gzip"}),
        "/to-private": Route(301, headers={"Location": "http://10.0.0.1/admin"}),
        "/to-metadata": Route(302, headers={"Location": "http://169.254.169.254/latest/"}),
        "/to-ftp": Route(302, headers={"Location": "ftp://127.0.0.1/file"}),
        "/loop": Route(302, headers={"Location": "/loop"}),
        "/huge": Route(body=b"z" * HUGE_SIZE, headers={"Content-Type": "text/plain"}),
        "/huge-unsized": Route(headers={"Content-Type": "text/plain"}, stream=_unsized_huge),
        "/slow": Route(body=article, headers=html, delay=1.5),
        "/drip": Route(headers={"Content-Type": "text/plain"}, stream=_drip),
        "/image": Route(body=b"\x89PNG\r\n\x1a\n\x00\x00", headers={"Content-Type": "image/png"}),
        "/gone": Route(410, body=b"gone", headers={"Content-Type": "text/plain"}),
        "/feed.rss": Route(body=RSS, headers={"Content-Type": "application/rss+xml"}),
        "/feed.atom": Route(body=ATOM, headers={"Content-Type": "application/atom+xml"}),
        "/not-a-feed": Route(body=article, headers=html),
    }
    # A chain of three relative and absolute redirects ending at the article.
    routes["/chain/3"] = Route(302, headers={"Location": "/chain/2"})
    routes["/chain/2"] = Route(307, headers={"Location": f"http://127.0.0.1:{port}/chain/1"})
    routes["/chain/1"] = Route(301, headers={"Location": "/article"})
    return routes


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, Route] = {}  # noqa: RUF012  (set per server below)
    seen: list[str] = []  # noqa: RUF012

    def do_GET(self) -> None:
        self.seen.append(self.path)
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        time.sleep(route.delay)
        self.send_response(route.status)
        for name, value in route.headers.items():
            self.send_header(name, value)
        if route.stream is None:
            self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        if route.stream is None:
            self.wfile.write(route.body)
        else:
            route.stream(self)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean


@dataclass
class LocalServer:
    port: int
    seen: list[str]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    handler = type("Handler", (_Handler,), {"routes": {}, "seen": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    port = httpd.server_address[1]
    handler.routes = _routes(port)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalServer(port=port, seen=handler.seen)
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Fail any connection to a non-loopback address, and record all attempts."""
    attempts: list[Any] = []
    real_connect = socket.socket.connect

    def connect(sock: socket.socket, address: Any) -> None:
        attempts.append(address)
        host = address[0] if isinstance(address, tuple) else address
        if host not in {"127.0.0.1", "::1", "localhost"}:
            raise AssertionError(f"test tried to connect to {address!r}")
        real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return attempts
