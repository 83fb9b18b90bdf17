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
