"""The case store's tests run on a real database and real local HTTP servers.

The database is a SQLite file in a temporary directory, or the PostgreSQL
server named by HABEAS_TEST_DATABASE_URL when it is set (`.ci/postgres.sh`
starts one and prints its URL). Its tables are emptied before every test.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from store_support import EXTRACTOR, Site

from db_support import empty_audit_log


@pytest.fixture(scope="session", autouse=True)
def django_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("habeas-home")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HABEAS_HOME", str(home))
        env.setenv("HABEAS_EXTRACTOR", EXTRACTOR)
        for name in ("HABEAS_DATABASE_URL", "HABEAS_ALLOW_PRIVATE_FETCH", "HABEAS_MAX_BYTES"):
            env.delenv(name, raising=False)
        server = os.environ.get("HABEAS_TEST_DATABASE_URL")
        if server:
            env.setenv("HABEAS_DATABASE_URL", server)
        from habeas.web.bootstrap import setup

        setup()
        yield home


@pytest.fixture(autouse=True)
def empty_store(django_store: Path) -> Iterator[None]:
    from django.contrib.auth.models import Group, User
    from django.test import override_settings

    from habeas.web.store import models as m
    from habeas.web.store.tasks import queue

    empty_audit_log()
    for model in (m.Evidence, m.Version, m.Event, m.NameForm, m.Person, m.FeedItem, m.Feed):
        model.objects.all().delete()
    m.Source.objects.all().delete()
    m.Report.objects.all().delete()
    User.objects.all().delete()
    Group.objects.all().delete()
    queue().huey.flush()
    # Another test directory may have set Django up first: pin what these tests rely on.
    with override_settings(HABEAS_EXTRACTOR=EXTRACTOR):
        yield


@pytest.fixture
def allow_private() -> Iterator[None]:
    from django.test import override_settings

    with override_settings(HABEAS_ALLOW_PRIVATE_FETCH=True):
        yield


@pytest.fixture
def site() -> Iterator[Site]:
    holder: dict[str, Site] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            s = holder["site"]
            s.hits.append(self.path)
            page = s.pages.get(self.path)
            if page is None:
                self.send_error(404)
                return
            time.sleep(page.delay)
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(len(page.body)))
            self.end_headers()
            self.wfile.write(page.body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder["site"] = Site(port=server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield holder["site"]
    finally:
        server.shutdown()
        server.server_close()
