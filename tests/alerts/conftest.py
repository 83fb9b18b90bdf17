"""The alerts app's tests: a real SQLite file, a real SMTP server, a real HTTP server.

The cast: Alice is an editor, Bob a viewer, Charlie has no role. The detained
persons are invented.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from alerts_support import make_user

from db_support import empty_audit_log

_ENV_TO_CLEAR = (
    "HABEAS_DATABASE_URL",
    "HABEAS_SMTP_HOST",
    "HABEAS_SMTP_PORT",
    "HABEAS_SMTP_USER",
    "HABEAS_SMTP_PASSWORD",
    "HABEAS_SMTP_STARTTLS",
    "HABEAS_MAIL_FROM",
    "HABEAS_WEBHOOK_URL",
)


@pytest.fixture(scope="session", autouse=True)
def alerts_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("habeas-alerts")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HABEAS_HOME", str(home))
        # Django reads its settings once per process; this directory sorts before tests/store,
        # whose tests count on this extractor being configured. The alerts tests never ingest.
        env.setenv("HABEAS_EXTRACTOR", "fictional_extractor:FixedNameExtractor")
        for name in _ENV_TO_CLEAR:
            env.delenv(name, raising=False)
        # CI runs these tests again on PostgreSQL (.ci/postgres.sh).
        server = os.environ.get("HABEAS_TEST_DATABASE_URL")
        if server:
            env.setenv("HABEAS_DATABASE_URL", server)
        from habeas.web.bootstrap import setup

        setup()
        yield home


@pytest.fixture(autouse=True)
def empty_tables(alerts_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.contrib.auth.models import Group, User

    from habeas.web.alerts import models as a
    from habeas.web.store import models as m

    for name in _ENV_TO_CLEAR:
        monkeypatch.delenv(name, raising=False)
    # Each test starts its own audit chain, as on a new instance: on a reused PostgreSQL
    # database the log would otherwise begin with an earlier session's entries.
    empty_audit_log()
    for model in (a.Delivery, a.Alert, a.Subscription):
        model.objects.all().delete()
    for model in (m.Evidence, m.Version, m.Event, m.NameForm, m.Person):
        model.objects.all().delete()
    User.objects.all().delete()
    Group.objects.all().delete()


@pytest.fixture
def alice() -> Any:
    return make_user("alice", "editor")


@pytest.fixture
def bob() -> Any:
    return make_user("bob", "viewer")


@pytest.fixture
def charlie() -> Any:
    return make_user("charlie", None)


# ------------------------------------------------------------------ a real SMTP server


@dataclass
class Mailbox:
    port: int
    messages: list[Any] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Mailbox]:
    """An aiosmtpd server on 127.0.0.1; HABEAS_SMTP_HOST/PORT point at it."""
    from aiosmtpd.controller import Controller

    box = Mailbox(port=_free_port())

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            box.messages.append(envelope)
            await asyncio.sleep(0)
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=box.port)
    controller.start()
    monkeypatch.setenv("HABEAS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("HABEAS_SMTP_PORT", str(box.port))
    monkeypatch.setenv("HABEAS_MAIL_FROM", "alerts@habeas.example")
    # This test server offers no STARTTLS; habeas would refuse to send to it otherwise.
    monkeypatch.setenv("HABEAS_SMTP_STARTTLS", "0")
    try:
        yield box
    finally:
        controller.stop()


# ------------------------------------------------------------------ a real webhook receiver


@dataclass
class Receiver:
    port: int
    # Statuses to answer, in order; 200 once they run out.
    script: list[int] = field(default_factory=list)
    bodies: list[Any] = field(default_factory=list)

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    holder: dict[str, Receiver] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            r = holder["r"]
            length = int(self.headers.get("Content-Length", "0"))
            r.bodies.append(json.loads(self.rfile.read(length)))
            status = r.script.pop(0) if r.script else 200
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder["r"] = Receiver(port=server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield holder["r"]
    finally:
        server.shutdown()
        server.server_close()
