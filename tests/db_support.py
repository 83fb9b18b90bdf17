"""Helpers for the test directories whose tests share one database (tests/store, tests/alerts).

On PostgreSQL that database outlives the session (`.ci/postgres.sh` reuses its
server), so a test may find what an earlier session left, written under that
session's own instance keys.
"""

from __future__ import annotations


def empty_audit_log() -> None:
    """Delete every audit entry, the chain's head, its checkpoint file, and every support note."""
    from django.db import connection

    from habeas.web.audit.checkpoint import checkpoint_path
    from habeas.web.audit.models import AuditEntry, AuditHead

    # The app never deletes audit entries (its queryset refuses); tests start afresh with SQL.
    # Entries an earlier session left are keyed with its audit key: a restore here would
    # find entry #1 "altered".
    with connection.cursor() as cursor:
        # Support notes may be left under an earlier session's data key: the ORM would have
        # to decrypt them to delete them (the alerts app's delete signals load each row).
        cursor.execute("DELETE FROM alerts_supportaction")
        for table in (AuditEntry._meta.db_table, AuditHead._meta.db_table):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
    # ...and so does the signed checkpoint of the chain's head, kept outside the database.
    checkpoint_path().unlink(missing_ok=True)
