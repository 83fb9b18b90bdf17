"""Full-text search over reports on PostgreSQL: a GIN index on the reports' words.

The search (habeas.web.store.queries.search_reports_postgres) matches this
expression exactly; without the index every search computed the words of
every stored report (at 10,000 reports, about 130 ms of the database's time a
search, so 50 searching clients waited seconds). `simple` keeps every
language's words as written. On SQLite this migration does nothing: the FTS5
table of 0001 serves there.
"""

from __future__ import annotations

from django.db import migrations

from habeas.web.store.migrations._vendor import VendorRunSQL

# Must stay the expression of habeas.web.store.queries.REPORT_WORDS, or the index is not used
# (tests/store/test_search_postgres.py reads the query plan).
CREATE = [
    "CREATE INDEX review_report_words_gin ON store_report USING gin (("
    "setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(text, '')), 'B')))",
]
DROP = ["DROP INDEX IF EXISTS review_report_words_gin"]


class Migration(migrations.Migration):  # type: ignore[misc]
    dependencies = [("review", "0001_report_search_index")]  # noqa: RUF012
    operations = [VendorRunSQL("postgresql", sql=CREATE, reverse_sql=DROP)]  # noqa: RUF012
