"""Name search through the database: PersonNames rows and their indexes.

Every current person gets a row of folded name words and sound keys
(habeas.web.store.name_search). On SQLite an FTS5 table indexes them, kept
in sync by triggers on store_personnames; on PostgreSQL pg_trgm GIN indexes
serve the LIKE query (the extension is created if it is missing; it is a
trusted extension, so the database owner may create it).
"""

from __future__ import annotations

from typing import Any

import django.db.models.deletion
from django.db import migrations, models

from habeas.web.store.migrations._vendor import VendorRunSQL
from habeas.web.store.name_search import index_row, names_by_person

SQLITE = [
    "CREATE VIRTUAL TABLE store_personnames_fts USING fts5("
    " words, sounds, content='store_personnames', content_rowid='person_id',"
    " tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    "CREATE TRIGGER store_personnames_fts_insert AFTER INSERT ON store_personnames BEGIN"
    " INSERT INTO store_personnames_fts(rowid, words, sounds)"
    " VALUES (new.person_id, new.words, new.sounds);"
    " END",
    "CREATE TRIGGER store_personnames_fts_delete AFTER DELETE ON store_personnames BEGIN"
    " INSERT INTO store_personnames_fts(store_personnames_fts, rowid, words, sounds)"
    " VALUES ('delete', old.person_id, old.words, old.sounds);"
    " END",
    "CREATE TRIGGER store_personnames_fts_update AFTER UPDATE ON store_personnames BEGIN"
    " INSERT INTO store_personnames_fts(store_personnames_fts, rowid, words, sounds)"
    " VALUES ('delete', old.person_id, old.words, old.sounds);"
    " INSERT INTO store_personnames_fts(rowid, words, sounds)"
    " VALUES (new.person_id, new.words, new.sounds);"
    " END",
    "INSERT INTO store_personnames_fts(store_personnames_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS store_personnames_fts_update",
    "DROP TRIGGER IF EXISTS store_personnames_fts_delete",
    "DROP TRIGGER IF EXISTS store_personnames_fts_insert",
    "DROP TABLE IF EXISTS store_personnames_fts",
]
POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX store_personnames_words_trgm ON store_personnames USING gin (words gin_trgm_ops)",
    "CREATE INDEX store_personnames_sounds_trgm ON store_personnames"
    " USING gin (sounds gin_trgm_ops)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS store_personnames_sounds_trgm",
    "DROP INDEX IF EXISTS store_personnames_words_trgm",
]


def fill(apps: Any, schema_editor: Any) -> None:
    row_model = apps.get_model("store", "PersonNames")
    names = names_by_person(apps.get_model("store", "Person"), apps.get_model("store", "NameForm"))
    rows = [
        row_model(person_id=pk, words=words, sounds=sounds)
        for pk, known in names.items()
        for words, sounds in [index_row(known)]
    ]
    row_model.objects.bulk_create(rows, batch_size=5000)


class Migration(migrations.Migration):  # type: ignore[misc]
    dependencies = [("store", "0006_blocking_keys_names_v2")]  # noqa: RUF012

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="PersonNames",
            fields=[
                (
                    "person",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="store.person",
                    ),
                ),
                ("words", models.TextField(default="")),
                ("sounds", models.TextField(default="")),
            ],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        VendorRunSQL("sqlite", sql=SQLITE, reverse_sql=SQLITE_DROP),
        VendorRunSQL("postgresql", sql=POSTGRES, reverse_sql=POSTGRES_DROP),
    ]
