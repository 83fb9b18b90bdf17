"""The web app's tests: Django's test client on a real SQLite file, with a fixed test extractor.

The cast: alice is an admin, bob an editor, carol a viewer, dave has no role.
Every person in the reports is invented.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

EXTRACTOR = "web_extractor:WebTestExtractor"


@pytest.fixture(scope="session", autouse=True)
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("habeas-web")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HABEAS_HOME", str(home))
        env.setenv("HABEAS_EXTRACTOR", EXTRACTOR)
        for name in ("HABEAS_DATABASE_URL", "HABEAS_ALLOW_PRIVATE_FETCH", "HABEAS_MAX_BYTES"):
            env.delenv(name, raising=False)
        # CI runs these tests again on PostgreSQL (.ci/postgres.sh).
        server = os.environ.get("HABEAS_TEST_DATABASE_URL")
        if server:
            env.setenv("HABEAS_DATABASE_URL", server)
        from django.test.utils import setup_test_environment

        from habeas.web.bootstrap import setup

        setup()
        # Another test directory may have set it up already in this session.
        with contextlib.suppress(RuntimeError):
            setup_test_environment()
        yield home


@pytest.fixture(autouse=True)
def empty_db(web_db: Path) -> Iterator[None]:
    from django.db import connection
    from django.test import override_settings

    keep = {"django_content_type", "auth_permission"}
    tables = connection.introspection.django_table_names(only_existing=True)
    # Another test directory may have set Django up first: pin what these tests rely on.
    with override_settings(HABEAS_EXTRACTOR=EXTRACTOR, HABEAS_ALLOW_PRIVATE_FETCH=False):
        with connection.constraint_checks_disabled(), connection.cursor() as cursor:
            for statement in connection.ops.sql_flush(
                _NoStyle(), [t for t in tables if t not in keep]
            ):
                cursor.execute(statement)
        # The audit log was emptied: so is the signed checkpoint of its head (a file).
        from habeas.web.audit.checkpoint import checkpoint_path

        checkpoint_path().unlink(missing_ok=True)
        yield


class _NoStyle:
    def __getattr__(self, name: str) -> object:
        return lambda text: text
