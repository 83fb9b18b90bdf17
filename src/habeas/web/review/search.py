"""Search: full text over reports, and names over every form a person's name was seen in.

Reports are searched with the SQLite FTS5 index made by the migration
0001_report_search_index, or with PostgreSQL's full-text search; on another
database (or if the index is missing) a case-insensitive substring match is
used instead. Names are found through the name search index, across
scripts (habeas.web.store.name_search).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db import DatabaseError, connection

from habeas.web.review.highlight import split_marked
from habeas.web.store.models import NameForm, Person, Report
from habeas.web.store.name_search import matching_person_ids, word_matches, words_of
from habeas.web.store.queries import search_reports_postgres

_WORD = re.compile(r"\w+", re.UNICODE)
# Marks for where a snippet's matches begin and end; control characters, because
# article text does not use them (a stray one only misplaces a highlight).
_OPEN, _CLOSE = "\x02", "\x03"


@dataclass(frozen=True, slots=True)
class ReportHit:
    report: Any
    snippet: list[tuple[str, bool]]  # (part, is a match) for the template to escape and mark


@dataclass(frozen=True, slots=True)
class PersonHit:
    person: Any
    forms: list[str]  # the name forms that matched


def _fts_query(query: str) -> str:
    # Every word quoted, so FTS5 operators typed by a user are searched as words.
    return " ".join(f'"{w}"*' for w in _WORD.findall(query))


def search_reports(query: str, *, limit: int = 50) -> list[ReportHit]:
    """Reports whose title or text contain every word of `query` (as word prefixes), best first."""
    if not _WORD.search(query):
        return []
    if connection.vendor == "sqlite":
        try:
            return _search_fts(query, limit=limit)
        except DatabaseError:
            pass  # no index on this database: fall back below
    if connection.vendor == "postgresql":
        found = search_reports_postgres(
            " ".join(_WORD.findall(query)), limit=limit, open_mark=_OPEN, close_mark=_CLOSE
        )
        return [
            ReportHit(r, split_marked(r.headline, open_mark=_OPEN, close_mark=_CLOSE))
            for r in found
        ]
    rows = Report.objects.filter(text__icontains=query.strip()).order_by("-id")[:limit]
    return [ReportHit(r, [(r.text[:240], False)]) for r in rows]


def _search_fts(query: str, *, limit: int) -> list[ReportHit]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, snippet(review_report_fts, 1, %s, %s, '…', 24) "
            "FROM review_report_fts WHERE review_report_fts MATCH %s ORDER BY rank LIMIT %s",
            [_OPEN, _CLOSE, _fts_query(query), limit],
        )
        found = cursor.fetchall()
    reports = Report.objects.only("id", "title").in_bulk([rowid for rowid, _ in found])
    return [
        ReportHit(reports[rowid], split_marked(snippet, open_mark=_OPEN, close_mark=_CLOSE))
        for rowid, snippet in found
        if rowid in reports
    ]


def search_names(query: str, *, limit: int = 50) -> list[PersonHit]:
    """Current persons known by a name that has every word of `query`, in any script.

    One indexed query (habeas.web.store.name_search): a word matches when it
    begins a word of a name form (after folding case and accents), or when
    its sound key begins the word's, so "Heydarov" finds a person known only
    as «Гейдаров». Merged-away persons are never found. At most `limit`, in
    display-name order, each with the name forms that matched.
    """
    words = words_of(query)
    ids = matching_person_ids(query, limit=limit)
    if not ids:
        return []
    persons = Person.objects.in_bulk(ids)
    forms: dict[int, list[str]] = {}
    for person_id, name in NameForm.objects.filter(person_id__in=ids).values_list(
        "person_id", "name"
    ):
        forms.setdefault(person_id, []).append(name)
    hits = []
    for pk in ids:
        known = sorted(set(forms.get(pk, [])))
        matched = [n for n in known if all(word_matches(w, n) for w in words)]
        hits.append(PersonHit(persons[pk], matched))
    return hits
