"""Search: full text over reports, and names over every form a person's name was seen in.

Reports are searched with the SQLite FTS5 index made by the migration
0001_report_search_index, or with PostgreSQL's full-text search; on another
database (or if the index is missing) a case-insensitive substring match is
used instead. Names are found through the identity blocking keys and
verified with the name matcher, across scripts (see search_names).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.db import DatabaseError, connection

from habeas.errors import InputError
from habeas.identity import blocking_keys, match_names
from habeas.web.review.highlight import split_marked
from habeas.web.store.models import BlockingKey, NameForm, Person, Report
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


def fold(text: str) -> str:
    """Lower case without accents: "Heydərov" and "HEYDEROV" fold alike, as do "Гейдаров"s."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("ə", "e").replace("ı", "i")


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
    reports = Report.objects.in_bulk([rowid for rowid, _ in found])
    return [
        ReportHit(reports[rowid], split_marked(snippet, open_mark=_OPEN, close_mark=_CLOSE))
        for rowid, snippet in found
        if rowid in reports
    ]


# At most this many persons sharing a key are verified for one query: a common
# surname alone ("Mammadov") is a large block, and a page shows the first names.
MAX_CANDIDATES = 400


def _word_candidates(word: str) -> set[int]:
    """Current persons with a name word whose blocking key a one-word name `word` seeks."""
    try:
        keys = blocking_keys(word).sought
    except InputError:
        return set()
    if not keys:
        return set()
    rows = BlockingKey.objects.filter(key__in=sorted(keys), person__merged_into__isnull=True)
    return set(rows.values_list("person_id", flat=True).distinct())


def _word_matches(word: str, name: str) -> bool:
    """Whether `word` begins a word of `name` (folded), or names it in another script."""
    folded = fold(word)
    for part in _WORD.findall(name):
        if fold(part).startswith(folded):
            return True
        if len(word) > 1 and len(part) > 1 and match_names(word, part).same:
            return True
    return False


def search_names(query: str, *, limit: int = 50) -> list[PersonHit]:
    """Current persons known by a name that has every word of `query`, in any script.

    Candidates come from the blocking-key index (habeas.identity.blocking's
    keys, one indexed lookup per word), so "Heydarov" finds a person known
    only as «Гейдаров»; each is then verified word by word: a word matches
    when it begins a word of a name form (after folding case and accents)
    or when habeas.identity.match_names calls the two words the same.
    Merged-away persons are never found. Each word needs three letters or
    more to have a key.
    """
    words = _WORD.findall(query)
    if not words:
        return []
    ids: set[int] | None = None
    for word in sorted(set(words), key=len, reverse=True):
        found = _word_candidates(word)
        ids = found if ids is None else ids & found
        if not ids:
            return []
    assert ids is not None
    persons = list(
        Person.objects.filter(pk__in=sorted(ids)).order_by("display_name", "id")[:MAX_CANDIDATES]
    )
    forms: dict[int, list[str]] = {}
    for person_id, name in NameForm.objects.filter(
        person_id__in=[p.pk for p in persons]
    ).values_list("person_id", "name"):
        forms.setdefault(person_id, []).append(name)
    hits = []
    for person in persons:
        names = [person.display_name, *forms.get(person.pk, [])]
        matched = [n for n in names if all(_word_matches(w, n) for w in words)]
        if matched:
            hits.append(PersonHit(person, sorted(set(matched) & set(forms.get(person.pk, [])))))
        if len(hits) == limit:
            break
    return hits
