"""Event counts kept by the database, and indexes for the pages of a large store.

store_count holds one row per counted key: `status:<status>` (events by
review status) and `month:<YYYY-MM>` (confirmed detentions dated to the day
or month), kept by triggers on store_event in the transaction of every
insert, update and delete, whoever writes (the app, bulk loads, raw SQL).
It is not a Django model, so backups and `migrate-db` copy the events and
the target's triggers count them again. The dashboard and the review queue
read it (habeas.web.store.counts) instead of counting a million rows.
"""

from __future__ import annotations

from django.db import migrations, models

from habeas.web.store.migrations._vendor import VendorRunSQL

_DETENTION = (
    "{row}.status = 'confirmed' AND {row}.type = 'detention'"
    " AND {row}.date_precision IN ('day', 'month')"
)


# One row's change to the counts; {row} is new or old, {sign} + or -.
_SQLITE_ADD = (
    "INSERT INTO store_count(key, n) VALUES ('status:' || {row}.status, {sign}1)"
    " ON CONFLICT(key) DO UPDATE SET n = n {sign} 1;",
    "INSERT INTO store_count(key, n) SELECT 'month:' || substr({row}.date_text, 1, 7), {sign}1"  # nosec B608: names and constants only; values are parameters
    " WHERE " + _DETENTION + " ON CONFLICT(key) DO UPDATE SET n = n {sign} 1;",  # nosec B608: names and constants only; values are parameters
)


def _sqlite_body(rows: list[tuple[str, str]]) -> str:
    return " ".join(s.format(row=row, sign=sign) for row, sign in rows for s in _SQLITE_ADD)


COUNT_NOW = [
    "INSERT INTO store_count(key, n) SELECT 'status:' || status, count(*) FROM store_event"
    " GROUP BY status",
    "INSERT INTO store_count(key, n) SELECT 'month:' || substr(date_text, 1, 7), count(*)"  # nosec B608: names and constants only; values are parameters
    " FROM store_event WHERE " + _DETENTION.format(row="store_event") + " GROUP BY 1",
]
CREATE_TABLE = "CREATE TABLE store_count (key varchar(64) PRIMARY KEY, n bigint NOT NULL)"
SQLITE = [
    CREATE_TABLE,
    "CREATE TRIGGER store_count_insert AFTER INSERT ON store_event BEGIN "
    + _sqlite_body([("new", "+")])
    + " END",
    "CREATE TRIGGER store_count_delete AFTER DELETE ON store_event BEGIN "
    + _sqlite_body([("old", "-")])
    + " END",
    "CREATE TRIGGER store_count_update AFTER UPDATE OF status, type, date_text, date_precision"
    " ON store_event BEGIN " + _sqlite_body([("old", "-"), ("new", "+")]) + " END",
    *COUNT_NOW,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS store_count_update",
    "DROP TRIGGER IF EXISTS store_count_delete",
    "DROP TRIGGER IF EXISTS store_count_insert",
    "DROP TABLE IF EXISTS store_count",
]
POSTGRES = [
    CREATE_TABLE,
    "CREATE FUNCTION store_count_add(k text, d integer) RETURNS void LANGUAGE sql AS $$"
    " INSERT INTO store_count(key, n) VALUES (k, d)"
    " ON CONFLICT (key) DO UPDATE SET n = store_count.n + d $$",
    "CREATE FUNCTION store_count_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " IF TG_OP IN ('DELETE', 'UPDATE') THEN"
    "  PERFORM store_count_add('status:' || OLD.status, -1);"
    "  IF " + _DETENTION.format(row="OLD") + " THEN"
    "   PERFORM store_count_add('month:' || substr(OLD.date_text, 1, 7), -1); END IF;"
    " END IF;"
    " IF TG_OP IN ('INSERT', 'UPDATE') THEN"
    "  PERFORM store_count_add('status:' || NEW.status, 1);"
    "  IF " + _DETENTION.format(row="NEW") + " THEN"
    "   PERFORM store_count_add('month:' || substr(NEW.date_text, 1, 7), 1); END IF;"
    " END IF;"
    " RETURN NULL; END $$",
    "CREATE TRIGGER store_count_event AFTER INSERT OR DELETE"
    " OR UPDATE OF status, type, date_text, date_precision"
    " ON store_event FOR EACH ROW EXECUTE FUNCTION store_count_event()",
    # TRUNCATE (a test database's flush) fires no row trigger: the counts are emptied with it.
    "CREATE FUNCTION store_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " DELETE FROM store_count; RETURN NULL; END $$",
    "CREATE TRIGGER store_count_truncate AFTER TRUNCATE ON store_event"
    " FOR EACH STATEMENT EXECUTE FUNCTION store_count_truncate()",
    *COUNT_NOW,
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS store_count_truncate ON store_event",
    "DROP TRIGGER IF EXISTS store_count_event ON store_event",
    "DROP FUNCTION IF EXISTS store_count_truncate()",
    "DROP FUNCTION IF EXISTS store_count_event()",
    "DROP FUNCTION IF EXISTS store_count_add(text, integer)",
    "DROP TABLE IF EXISTS store_count",
]


class Migration(migrations.Migration):  # type: ignore[misc]
    dependencies = [("store", "0007_search_index")]  # noqa: RUF012

    operations = [  # noqa: RUF012
        VendorRunSQL("sqlite", sql=SQLITE, reverse_sql=SQLITE_DROP),
        VendorRunSQL("postgresql", sql=POSTGRES, reverse_sql=POSTGRES_DROP),
        # The calendar's coming events; the person list (current persons by name) from
        # the index alone.
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                fields=["status", "date_precision", "date_text"], name="event_status_day"
            ),
        ),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(
                fields=["merged_into", "display_name", "id"], name="person_current_name"
            ),
        ),
    ]
