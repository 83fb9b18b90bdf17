"""Full-text search over reports: an SQLite FTS5 index kept in sync by triggers.

On any other database this migration does nothing and search falls back to
a plain substring match (habeas.web.review.search).
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

CREATE = [
    # External-content table: the text lives once, in store_report.
    "CREATE VIRTUAL TABLE review_report_fts USING fts5("
    " title, text, content='store_report', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER review_report_fts_insert AFTER INSERT ON store_report BEGIN"
    " INSERT INTO review_report_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
    " END",
    "CREATE TRIGGER review_report_fts_delete AFTER DELETE ON store_report BEGIN"
    " INSERT INTO review_report_fts(review_report_fts, rowid, title, text)"
    " VALUES ('delete', old.id, old.title, old.text);"
    " END",
    "CREATE TRIGGER review_report_fts_update AFTER UPDATE ON store_report BEGIN"
    " INSERT INTO review_report_fts(review_report_fts, rowid, title, text)"
    " VALUES ('delete', old.id, old.title, old.text);"
    " INSERT INTO review_report_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
    " END",
    # Reports stored before this migration are indexed too.
    "INSERT INTO review_report_fts(review_report_fts) VALUES ('rebuild')",
]
DROP = [
    "DROP TRIGGER IF EXISTS review_report_fts_update",
    "DROP TRIGGER IF EXISTS review_report_fts_delete",
    "DROP TRIGGER IF EXISTS review_report_fts_insert",
    "DROP TABLE IF EXISTS review_report_fts",
]


class SQLiteOnlyRunSQL(migrations.RunSQL):  # type: ignore[misc]
    """RunSQL that applies on SQLite only, so the project still migrates on PostgreSQL."""

    def database_forwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == "sqlite":
            super().database_forwards(app_label, schema_editor, *args)

    def database_backwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == "sqlite":
            super().database_backwards(app_label, schema_editor, *args)


class Migration(migrations.Migration):  # type: ignore[misc]
    dependencies = [("store", "0001_case_store")]  # noqa: RUF012
    operations = [SQLiteOnlyRunSQL(sql=CREATE, reverse_sql=DROP)]  # noqa: RUF012
