"""Open alerts counted by the database, for the badge every page shows; the engine's
messages kept with each stored status, for the person page.

Two rows of store_count (0008_event_counts): `alerts:open` and
`alerts:open-confidential`, the open alerts of current (not merged-away)
persons, by whether a confidential support action raised them. Viewers see
the first, editors and admins the sum (habeas.web.alerts.services
.open_alert_count). Triggers keep them in the transaction of every write:
an alert inserted, deleted, or changed in state, confidentiality or person;
a person merged away or restored (its open alerts leave or rejoin the
count); a person deleted (its alerts, if still there, leave with it) or
inserted after its alerts (a copy loaded in another order: they join).

PersonStatus.notes keeps the alert and conflict messages the timeline engine
gave when the status was computed, so the person page need not run the engine
over every confirmed event of a large file. Rows computed before stay None
until their next recomputation; the page computes those itself.
"""

from __future__ import annotations

from django.db import migrations, models

from habeas.web.store.migrations._vendor import VendorRunSQL

_OPEN = "alerts:open"
# The key of an alert row ({row}: new or old), confidential alerts apart.
_KEY = "'" + _OPEN + "' || CASE WHEN {row}.confidential THEN '-confidential' ELSE '' END"
_CURRENT = (
    "EXISTS (SELECT 1 FROM store_person p WHERE p.id = {row}.person_id"
    " AND p.merged_into_id IS NULL)"
)
# A person's open alerts by key; {sign} is + (they join the count) or - (they leave it).
_PERSON_ALERTS = (
    "SELECT " + _KEY.format(row="a") + " AS key, {sign}count(*) AS n FROM alerts_alert a"  # nosec B608: names and constants only
    " WHERE a.person_id = {person}.id AND a.state = 'open' GROUP BY 1"
)
COUNT_NOW = [
    "INSERT INTO store_count(key, n) SELECT " + _KEY.format(row="a") + ", count(*)"  # nosec B608: names and constants only
    " FROM alerts_alert a WHERE a.state = 'open' AND " + _CURRENT.format(row="a") + " GROUP BY 1"
]


def _sqlite_alert(row: str, sign: str) -> str:
    return (
        "INSERT INTO store_count(key, n) SELECT " + _KEY.format(row=row) + ", " + sign + "1"  # nosec B608: names and constants only
        f" WHERE {row}.state = 'open' AND " + _CURRENT.format(row=row) + ""
        " ON CONFLICT(key) DO UPDATE SET n = n + excluded.n;"
    )


def _sqlite_person(sign: str) -> str:
    person = "new" if sign == "+" else "old"
    return (
        "INSERT INTO store_count(key, n) SELECT key, n FROM ("  # nosec B608: names and constants only
        + _PERSON_ALERTS.format(sign=sign, person=person)
        + ") WHERE true ON CONFLICT(key) DO UPDATE SET n = n + excluded.n;"
    )


SQLITE = [
    "CREATE TRIGGER alert_count_insert AFTER INSERT ON alerts_alert BEGIN "
    + _sqlite_alert("new", "+")
    + " END",
    "CREATE TRIGGER alert_count_delete AFTER DELETE ON alerts_alert BEGIN "
    + _sqlite_alert("old", "-")
    + " END",
    "CREATE TRIGGER alert_count_update AFTER UPDATE OF state, confidential, person_id"
    " ON alerts_alert BEGIN "
    + _sqlite_alert("old", "-")
    + " "
    + _sqlite_alert("new", "+")
    + " END",
    # Merged away: its open alerts leave the count; restored: they come back.
    "CREATE TRIGGER alert_count_person_merged AFTER UPDATE OF merged_into_id ON store_person"
    " WHEN old.merged_into_id IS NULL AND new.merged_into_id IS NOT NULL BEGIN "
    + _sqlite_person("-")
    + " END",
    "CREATE TRIGGER alert_count_person_restored AFTER UPDATE OF merged_into_id ON store_person"
    " WHEN old.merged_into_id IS NOT NULL AND new.merged_into_id IS NULL BEGIN "
    + _sqlite_person("+")
    + " END",
    # A current person inserted after its alerts (a copy loaded in another order): they join.
    "CREATE TRIGGER alert_count_person_insert AFTER INSERT ON store_person"
    " WHEN new.merged_into_id IS NULL BEGIN " + _sqlite_person("+") + " END",
    # A current person deleted before its alerts: they leave the count now, and their own
    # deletes later find no current person.
    "CREATE TRIGGER alert_count_person_delete AFTER DELETE ON store_person"
    " WHEN old.merged_into_id IS NULL BEGIN " + _sqlite_person("-") + " END",
    *COUNT_NOW,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS alert_count_person_delete",
    "DROP TRIGGER IF EXISTS alert_count_person_insert",
    "DROP TRIGGER IF EXISTS alert_count_person_restored",
    "DROP TRIGGER IF EXISTS alert_count_person_merged",
    "DROP TRIGGER IF EXISTS alert_count_update",
    "DROP TRIGGER IF EXISTS alert_count_delete",
    "DROP TRIGGER IF EXISTS alert_count_insert",
    f"DELETE FROM store_count WHERE key LIKE '{_OPEN}%'",  # nosec B608: a constant
]


def _pg_alert(row: str, sign: str) -> str:
    return (
        f"  IF {row}.state = 'open' AND " + _CURRENT.format(row=row) + " THEN"
        "   PERFORM store_count_add(" + _KEY.format(row=row) + f", {sign}1); END IF;"
    )


def _pg_person(sign: str, person: str) -> str:
    return (
        "  PERFORM store_count_add(c.key, c.n::integer) FROM ("
        + _PERSON_ALERTS.format(sign=sign, person=person)
        + ") c;"
    )


POSTGRES = [
    "CREATE FUNCTION alert_count_alert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " IF TG_OP IN ('DELETE', 'UPDATE') THEN" + _pg_alert("OLD", "-") + " END IF;"
    " IF TG_OP IN ('INSERT', 'UPDATE') THEN" + _pg_alert("NEW", "") + " END IF;"
    " RETURN NULL; END $$",
    "CREATE TRIGGER alert_count_alert AFTER INSERT OR DELETE"
    " OR UPDATE OF state, confidential, person_id"
    " ON alerts_alert FOR EACH ROW EXECUTE FUNCTION alert_count_alert()",
    "CREATE FUNCTION alert_count_person() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " IF TG_OP = 'DELETE' THEN"
    "  IF OLD.merged_into_id IS NULL THEN" + _pg_person("-", "OLD") + " END IF;"
    " ELSIF TG_OP = 'INSERT' THEN"
    "  IF NEW.merged_into_id IS NULL THEN" + _pg_person("", "NEW") + " END IF;"
    " ELSIF OLD.merged_into_id IS NULL AND NEW.merged_into_id IS NOT NULL THEN"
    + _pg_person("-", "NEW")
    + " ELSIF OLD.merged_into_id IS NOT NULL AND NEW.merged_into_id IS NULL THEN"
    + _pg_person("", "NEW")
    + " END IF;"
    " RETURN NULL; END $$",
    "CREATE TRIGGER alert_count_person AFTER INSERT OR DELETE OR UPDATE OF merged_into_id"
    " ON store_person FOR EACH ROW EXECUTE FUNCTION alert_count_person()",
    # TRUNCATE (a test database's flush) fires no row trigger: the counts go with the rows.
    "CREATE FUNCTION alert_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"  # nosec B608 - constant DDL, no values
    f" DELETE FROM store_count WHERE key LIKE '{_OPEN}%'; RETURN NULL; END $$",
    "CREATE TRIGGER alert_count_truncate AFTER TRUNCATE ON alerts_alert"
    " FOR EACH STATEMENT EXECUTE FUNCTION alert_count_truncate()",
    *COUNT_NOW,
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS alert_count_truncate ON alerts_alert",
    "DROP TRIGGER IF EXISTS alert_count_person ON store_person",
    "DROP TRIGGER IF EXISTS alert_count_alert ON alerts_alert",
    "DROP FUNCTION IF EXISTS alert_count_truncate()",
    "DROP FUNCTION IF EXISTS alert_count_person()",
    "DROP FUNCTION IF EXISTS alert_count_alert()",
    f"DELETE FROM store_count WHERE key LIKE '{_OPEN}%'",  # nosec B608: a constant
]


# Rows counted for the dashboard and the person list: key, table, the condition a row
# ({row}) must meet, and the columns whose change can move it in or out (or to another key).
_ROW_COUNTS = (
    ("'reports'", "store_report", "true", ()),
    ("'persons:current'", "store_person", "{row}.merged_into_id IS NULL", ("merged_into_id",)),
    ("'custody:' || {row}.state", "store_personstatus", "true", ("state",)),
)


def _sqlite_rows(key: str, table: str, where: str, columns: tuple[str, ...]) -> list[str]:
    def add(row: str, sign: str) -> str:
        return (
            "INSERT INTO store_count(key, n) SELECT " + key.format(row=row) + ", " + sign + "1"  # nosec B608: names and constants only
            " WHERE "
            + where.format(row=row)
            + " ON CONFLICT(key) DO UPDATE SET n = n + excluded.n;"
        )

    name = "row_count_" + table
    made = [
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} BEGIN {add('new', '+')} END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} BEGIN {add('old', '-')} END",
    ]
    if columns:
        made.append(
            f"CREATE TRIGGER {name}_update AFTER UPDATE OF {', '.join(columns)} ON {table}"
            f" BEGIN {add('old', '-')} {add('new', '+')} END"
        )
    return made


def _postgres_rows(key: str, table: str, where: str, columns: tuple[str, ...]) -> list[str]:
    def add(row: str, sign: str) -> str:
        return (
            f"  IF {where.format(row=row)} THEN PERFORM store_count_add("
            + key.format(row=row)
            + f", {sign}1); END IF;"
        )

    name = "row_count_" + table
    update = f" OR UPDATE OF {', '.join(columns)}" if columns else ""
    return [
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        " IF TG_OP IN ('DELETE', 'UPDATE') THEN" + add("OLD", "-") + " END IF;"
        " IF TG_OP IN ('INSERT', 'UPDATE') THEN" + add("NEW", "") + " END IF;"
        " RETURN NULL; END $$",
        f"CREATE TRIGGER {name} AFTER INSERT OR DELETE{update} ON {table}"
        f" FOR EACH ROW EXECUTE FUNCTION {name}()",
        f"CREATE FUNCTION {name}_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"  # nosec B608 - constant DDL, no values
        f" DELETE FROM store_count WHERE key LIKE {_prefix(key)}; RETURN NULL; END $$",
        f"CREATE TRIGGER {name}_truncate AFTER TRUNCATE ON {table}"
        f" FOR EACH STATEMENT EXECUTE FUNCTION {name}_truncate()",
    ]


def _prefix(key: str) -> str:
    """The LIKE pattern of a key expression's rows: 'custody:' || ... -> 'custody:%'."""
    return key.split("'")[0] + "'" + key.split("'")[1] + "%'"


def _count_rows_now(key: str, table: str, where: str, _: tuple[str, ...]) -> str:
    return (
        "INSERT INTO store_count(key, n) SELECT " + key.format(row="t") + ", count(*)"  # nosec B608: names and constants only
        f" FROM {table} t WHERE " + where.format(row="t") + " GROUP BY 1"
    )


def _drop_rows(table: str, *, postgres: bool) -> list[str]:
    name = "row_count_" + table
    if postgres:
        return [
            f"DROP TRIGGER IF EXISTS {name}_truncate ON {table}",
            f"DROP TRIGGER IF EXISTS {name} ON {table}",
            f"DROP FUNCTION IF EXISTS {name}_truncate()",
            f"DROP FUNCTION IF EXISTS {name}()",
        ]
    return [f"DROP TRIGGER IF EXISTS {name}_{op}" for op in ("insert", "delete", "update")]


_DROP_ROW_KEYS = [
    f"DELETE FROM store_count WHERE key LIKE {_prefix(k)}"  # nosec B608: constants only
    for k, *_ in _ROW_COUNTS
]
SQLITE += [s for c in _ROW_COUNTS for s in _sqlite_rows(*c)] + [
    _count_rows_now(*c) for c in _ROW_COUNTS
]
SQLITE_DROP += [s for _, t, *_ in _ROW_COUNTS for s in _drop_rows(t, postgres=False)]
SQLITE_DROP += _DROP_ROW_KEYS
POSTGRES += [s for c in _ROW_COUNTS for s in _postgres_rows(*c)] + [
    _count_rows_now(*c) for c in _ROW_COUNTS
]
POSTGRES_DROP += [s for _, t, *_ in _ROW_COUNTS for s in _drop_rows(t, postgres=True)]
POSTGRES_DROP += _DROP_ROW_KEYS


class Migration(migrations.Migration):  # type: ignore[misc]
    dependencies = [  # noqa: RUF012
        ("store", "0009_name_keys_v3"),
        ("alerts", "0003_drop_person_watch"),
    ]

    operations = [  # noqa: RUF012
        VendorRunSQL("sqlite", sql=SQLITE, reverse_sql=SQLITE_DROP),
        VendorRunSQL("postgresql", sql=POSTGRES, reverse_sql=POSTGRES_DROP),
        migrations.AddField(
            model_name="personstatus",
            name="notes",
            field=models.JSONField(blank=True, default=None, null=True),
        ),
    ]
