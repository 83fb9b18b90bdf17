"""Each alerts test starts with an empty audit log, even on a database an earlier session used.

`.ci/postgres.sh` reuses its server, so the alerts tests there may find an earlier
session's audit entries and support notes, made under that session's instance
keys. A backup then carried those entries, and its restore refused it ("the
backup's audit log is broken: entry #1 was altered"), while the same test passed
on a fresh database. The first test below leaves what such a session leaves;
the second (pytest runs a file's tests in order) must not see any of it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest


def test_an_earlier_session_leaves_entries_and_notes_under_its_own_keys(
    alice: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from habeas.crypto import generate_key
    from habeas.web.alerts.services import record_support
    from habeas.web.audit.chain import verify
    from habeas.web.audit.models import AuditEntry
    from habeas.web.store.models import Person

    with monkeypatch.context() as other_instance:
        other_instance.setenv("HABEAS_AUDIT_KEY", "the audit key of an earlier session")
        other_instance.setenv("HABEAS_ENCRYPTION_KEYS", generate_key())
        person = Person.objects.create(display_name="Oren Laskaris")
        record_support(
            person,
            kind="lawyer",
            status="assigned",
            user=alice,
            date=dt.date(2025, 4, 2),
            note="a note under another data key",
        )
    assert AuditEntry.objects.exists()
    assert not verify(local=False).ok  # these entries do not hold under this session's key


def test_the_next_test_starts_with_an_empty_audit_log(alice: Any) -> None:
    from habeas.web.alerts.models import SupportAction
    from habeas.web.audit.chain import verify
    from habeas.web.audit.models import AuditEntry

    assert not SupportAction.objects.exists()
    # Only this test's own entries (alice's account and role), keyed with this session's key.
    assert [e.actor for e in AuditEntry.objects.order_by("seq")] == ["system", "system"]
    assert verify().ok
