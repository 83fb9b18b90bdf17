"""Full-text search of reports on PostgreSQL (the SQLite search is the review app's FTS5)."""

from __future__ import annotations

import pytest
from fictional_extractor import FixedNameExtractor

REPORTS = {
    "a.txt": "Ruslan Ostapchuk was detained at a picket in the capital.",
    "b.txt": "Nadira Velikhanli was released after two nights in custody.",
    "c.txt": "Лейла Тарханова задержана у здания суда в понедельник.",
}


@pytest.fixture(autouse=True)
def postgres_only() -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL search needs HABEAS_TEST_DATABASE_URL (.ci/postgres.sh)")


def _ingest() -> dict[str, int]:
    from habeas.web.store.services import ingest_text

    return {
        name: ingest_text(text, name=name, extractor=FixedNameExtractor()).report_id
        for name, text in REPORTS.items()
    }


def test_search_finds_the_report_and_marks_the_words() -> None:
    from habeas.web.store.queries import search_reports_postgres

    ids = _ingest()

    (hit,) = search_reports_postgres("Ostapchuk picket")
    assert hit.pk == ids["a.txt"]
    assert "«Ostapchuk»" in hit.headline and "«picket»" in hit.headline


def test_search_works_in_cyrillic_and_with_exclusions() -> None:
    from habeas.web.store.queries import search_reports_postgres

    ids = _ingest()

    assert [r.pk for r in search_reports_postgres("Тарханова")] == [ids["c.txt"]]
    assert [r.pk for r in search_reports_postgres("detained -Ostapchuk")] == []
    assert search_reports_postgres("   ") == []


def test_the_search_reads_the_words_index_not_every_report() -> None:
    from django.db import connection

    from habeas.web.store.queries import REPORT_WORDS

    _ingest()
    with connection.cursor() as cursor:
        # Three rows: a table scan is cheaper, so ask whether the index can serve at all.
        cursor.execute("SET enable_seqscan = off")
        try:
            cursor.execute(
                f"EXPLAIN SELECT id FROM store_report WHERE ({REPORT_WORDS})"
                " @@ websearch_to_tsquery('simple'::regconfig, %s)",
                ["Ostapchuk"],
            )
            plan = "\n".join(row for (row,) in cursor.fetchall())
        finally:
            cursor.execute("RESET enable_seqscan")
    assert "review_report_words_gin" in plan, plan


def test_the_best_match_comes_first_and_the_limit_holds() -> None:
    from habeas.web.store.queries import search_reports_postgres

    ids = _ingest()
    hits = search_reports_postgres("detained OR released OR задержана", limit=2)
    assert len(hits) == 2
    assert all(hasattr(h, "rank") and h.headline for h in hits)
    ranks = [h.rank for h in hits]
    assert ranks == sorted(ranks, reverse=True)
    assert {h.pk for h in hits} <= set(ids.values())
