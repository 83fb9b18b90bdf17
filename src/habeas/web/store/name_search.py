"""The name search index: the words of every name a current person is known by, and their sounds.

One PersonNames row per current person holds, for every word of the
person's display name and name forms, the word folded (lower case, no
accents: "Heydərov" → "heyderov") and its sound key (habeas.identity's
loose phonetic key, the same for "Heydarov" and «Гейдаров»). A query word
matches a name word when it begins the folded word, or, for words of three
letters or more, when its sound key begins the word's sound key.

`index_names` rewrites a person's row; merges.index_person calls it
wherever a person's names change, in the same transaction. The lookup is
indexed: SQLite's FTS5 table store_personnames_fts (kept by triggers on this
table), PostgreSQL's pg_trgm GIN indexes on `words` and `sounds` (LIKE);
migration 0007_search_index makes both. Elsewhere the same LIKE query runs
without an index.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import DatabaseError, connection
from django.db.models import Q

from habeas.identity.forms import prepare_name
from habeas.identity.translit import loose_key

_WORD = re.compile(r"\w+", re.UNICODE)
# A query word shorter than this is matched by its letters only: a sound key
# of one or two letters would match half the store.
SOUND_MIN = 3


def fold(text: str) -> str:
    """Lower case without accents: "Heydərov" and "HEYDEROV" fold alike, as do "Гейдаров"s."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("ə", "e").replace("ı", "i")


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def _sounds(word: str) -> set[str]:
    # Every reading the matcher pairs on: the word's key, its nominatives, and the key
    # without the initial h that Russian spellings drop (Həzi / Ази).
    try:
        tokens = prepare_name(word).tokens
    except Exception:
        return set()
    found: set[str] = set()
    for token in tokens:
        found.add(token.loose)
        found.update(loose for _, loose, _ in token.nominative_forms)
        if token.latin.startswith(("h", "kh", "x")) and len(token.key) > 3:
            found.add(loose_key(token.key[1:]))
    return {s for s in found if s}


def index_row(names: Iterable[str]) -> tuple[str, str]:
    """The `words` and `sounds` columns for a person known by `names`: each a space-led list."""
    names = list(names)
    return _words_column(names), _sounds_column(names)


def _words_column(names: list[str]) -> str:
    folded = {fold(word): None for name in names for word in words_of(name)}
    return "".join(f" {w}" for w in folded)


def _sounds_column(names: list[str]) -> str:
    sounds: dict[str, None] = {}
    for name in names:
        for word in words_of(name):
            for sound in sorted(_sounds(word)):
                sounds.setdefault(sound)
    return "".join(f" {s}" for s in sounds)


def _query_sounds(word: str) -> list[str]:
    if len(word) < SOUND_MIN:
        return []
    # The loose key folds a word's last letter (final devoicing): a prefix leaves it out.
    return sorted({key[:-1] if len(key) >= 4 else key for key in _sounds(word)})


def word_matches(word: str, name: str) -> bool:
    """Whether query `word` matches a word of `name` as the index matches it."""
    # The sounds (the costly half of a row) only when the letters do not match.
    if f" {fold(word)}" in _words_column([name]):
        return True
    row_sounds = _sounds_column([name])
    return any(f" {sound}" in row_sounds for sound in _query_sounds(word))


def index_names(person: Any) -> None:
    """Rewrite the search row of `person` from its display name and name forms (or drop it,
    for a merged-away person)."""
    from habeas.web.store.models import NameForm, PersonNames

    if person.merged_into_id is not None:
        PersonNames.objects.filter(person_id=person.pk).delete()
        return
    forms = NameForm.objects.filter(person=person).values_list("name", flat=True)
    words, sounds = index_row([person.display_name, *forms])
    PersonNames.objects.update_or_create(
        person_id=person.pk, defaults={"words": words, "sounds": sounds}
    )


def index_new(person_id: int, names: Iterable[str]) -> None:
    """Write the search row of a person just stored with `names` (no row exists yet)."""
    from habeas.web.store.models import PersonNames

    words, sounds = index_row(names)
    PersonNames.objects.create(person_id=person_id, words=words, sounds=sounds)


def names_by_person(person_model: Any, form_model: Any) -> dict[int, list[str]]:
    """Every current person's display name and name forms, by id (the models are given so
    that a migration can pass its historical ones)."""
    names: dict[int, list[str]] = {}
    current = person_model.objects.filter(merged_into__isnull=True)
    for pk, display in current.values_list("pk", "display_name").iterator(chunk_size=5000):
        names[pk] = [display]
    forms = form_model.objects.values_list("person_id", "name")
    for pk, name in forms.iterator(chunk_size=5000):
        if pk in names:
            names[pk].append(name)
    return names


def rebuild(*, batch: int = 2000) -> int:
    """Rewrite every current person's row (after a bulk load that bypassed index_names)."""
    from django.db import transaction

    from habeas.web.store.models import NameForm, Person, PersonNames

    names = names_by_person(Person, NameForm)
    with transaction.atomic():
        PersonNames.objects.all().delete()
        rows = [
            PersonNames(person_id=pk, words=w, sounds=s)
            for pk, ns in names.items()
            for w, s in [index_row(ns)]
        ]
        PersonNames.objects.bulk_create(rows, batch_size=batch)
    return len(names)


def _fts_query(words: Sequence[str]) -> str:
    parts = []
    for word in words:
        alternatives = [f'words : "{fold(word)}"*']
        alternatives += [f'sounds : "{sound}"*' for sound in _query_sounds(word)]
        parts.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts)


def _like_condition(words: Sequence[str]) -> Q:
    where = Q()
    for word in words:
        either = Q(words__contains=f" {fold(word)}")
        for sound in _query_sounds(word):
            either |= Q(sounds__contains=f" {sound}")
        where &= either
    return where


def matching_person_ids(query: str, *, limit: int) -> list[int]:
    """Current persons with a name matching every word of `query`, by display name; one query."""
    words = words_of(query)
    if not words:
        return []
    if connection.vendor == "sqlite":
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT p.id FROM store_personnames_fts f"
                    " JOIN store_person p ON p.id = f.rowid"
                    " WHERE store_personnames_fts MATCH %s AND p.merged_into_id IS NULL"
                    " ORDER BY p.display_name, p.id LIMIT %s",
                    [_fts_query(words), limit],
                )
                return [pk for (pk,) in cursor.fetchall()]
        except DatabaseError:
            pass  # no FTS5 table on this database: the LIKE query below
    from habeas.web.store.models import PersonNames

    rows = (
        PersonNames.objects.filter(_like_condition(words), person__merged_into__isnull=True)
        .order_by("person__display_name", "person_id")
        .values_list("person_id", flat=True)[:limit]
    )
    return list(rows)
