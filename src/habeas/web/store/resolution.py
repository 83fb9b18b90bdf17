"""Who is who: link an arriving person to a known one, or ask a reviewer.

When a report's persons arrive, each is indexed by its blocking keys and
compared with the candidates that share a key (never with every person).
A candidate whose name matches becomes:

- a link (an engine merge, undoable) only when the evidence is strong: the
  same normalised full name of two words or more, and agreeing context
  (a shared affiliation, event place or dated event; a shared role alone is
  too common to count), and no second candidate as strong;
- otherwise an `unsure` judgement, shown to the reviewer as "possibly the
  same as …" with its reasons; for the MAX_JUDGED best candidates only.

The work per arriving person is bounded, so ingest does not slow down as the
store grows: at most MAX_CANDIDATES candidates, read with their name forms,
roles and affiliations in one query; the places and dated events of those
whose names match in one more, as distinct values. Most candidates share only
a surname: a cheap screen (habeas.identity.match.NameScreen) turns them away
before the full comparison, and never turns away a name the comparison would
accept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from habeas.identity import ALGORITHM, blocking_keys
from habeas.identity.blocking import READ_BUDGET, lookup_order, rank_candidates
from habeas.identity.forms import PreparedName, decode_prepared, prepare_name
from habeas.identity.match import NameScreen, match_prepared
from habeas.web.store.merges import index_person, merge_persons, stored_keys
from habeas.web.store.models import (
    BlockingKey,
    Event,
    EventStatus,
    Judgement,
    NameForm,
    Person,
    Verdict,
)
from habeas.web.store.name_search import index_new

ENGINE = f"resolve.v1/{ALGORITHM}"
# Bounds on the work for one arriving person, whatever the size of the store.
MAX_CANDIDATES = 50  # persons compared, those sharing the most blocking keys first
MAX_JUDGED = 5  # "possibly the same" judgements written, the best candidates first


Context = dict[str, set[str]]


def _rows(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    # The queries of one arriving person run as plain SQL: building them through
    # the ORM cost more CPU than running them, on every report.
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _table(model: Any) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))


def _marks(values: Sequence[Any]) -> str:
    return ", ".join(["%s"] * len(values))


def _json_list(value: Any) -> list[Any]:
    # SQLite hands a JSON column back as text, PostgreSQL (jsonb) as the value.
    return list(json.loads(value) if isinstance(value, str) else value or [])


@dataclass(frozen=True, slots=True)
class Candidate:
    """A known person whose name matches, with the name forms that matched and why."""

    person_id: int
    score: float
    name: str
    known_as: str
    exact_name: bool
    agreements: tuple[str, ...]

    def reasons(self) -> list[str]:
        """The reasons in words, for the reviewer."""
        lines = [f"name {self.name!r} matches {self.known_as!r} (score {self.score:.2f})"]
        return lines + list(self.agreements)


@dataclass(frozen=True, slots=True)
class Resolution:
    """What resolution did with one arriving person."""

    person_id: int
    linked_to: int | None = None
    possibly: tuple[int, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Arriving:
    """A person just stored, as it was written: its names and context, not read back."""

    names: tuple[str, ...]
    context: Context

    @classmethod
    def of(cls, person: Any, names: Iterable[str], events: Iterable[Any]) -> Arriving:
        """From the Person row, its name forms and its (unrejected) Event rows."""
        context: Context = {
            "role": {r.casefold() for r in person.roles},
            "affiliation": {a.casefold() for a in person.affiliations},
            "place": {e.place.casefold() for e in events if e.place},
            "date": set(),
        }
        context["date"] = {f"{e.type} on {e.date_text}" for e in events if e.date_text}
        return cls(tuple(names), context)


def sought_keys(names: Iterable[str]) -> frozenset[str]:
    """The blocking keys to look candidates up by, for every name of one person."""
    keys: set[str] = set()
    for name in names:
        if name.strip():
            keys |= blocking_keys(name).sought
    return frozenset(keys)


# Keys counted in one statement (SQLite allows 500 terms in a UNION ALL).
_COUNTED_AT_ONCE = 200


def block_sizes(keys: list[str], *, cap: int = READ_BUDGET) -> dict[str, int]:
    """How many persons hold each key, counted up to `cap` + 1 (a bounded index read per key)."""
    table = connection.ops.quote_name(BlockingKey._meta.db_table)
    column = connection.ops.quote_name("key")
    sizes: dict[str, int] = {}
    for start in range(0, len(keys), _COUNTED_AT_ONCE):
        chunk = keys[start : start + _COUNTED_AT_ONCE]
        sql = " UNION ALL ".join(
            f"SELECT {i}, COUNT(*) FROM (SELECT 1 FROM {table} WHERE {column} = %s LIMIT %s) b{i}"  # nosec B608: names and constants only; values are parameters
            for i in range(len(chunk))
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [value for key in chunk for value in (key, cap + 1)])
            sizes.update((chunk[i], size) for i, size in cursor.fetchall())
    return sizes


_Found = tuple[dict[str, int], list[str], list[tuple[int, str]]]


def _keyed(names: Iterable[str]) -> _Found | None:
    """Block sizes, the keys to read (`lookup_order`) and the (person, key) rows read."""
    keys = sorted(sought_keys(names))
    if not keys:
        return None
    sizes = block_sizes(keys)
    order = lookup_order(sizes, budget=READ_BUDGET)
    if not order:
        return None
    # By key alone: joined to persons in one query, SQLite walks every
    # current person instead of the key index.
    keys_table = _table(BlockingKey)
    if sizes[order[0]] > READ_BUDGET:
        found = _rows(
            f"SELECT person_id, {connection.ops.quote_name('key')} FROM {keys_table} "  # nosec B608: names only; values are parameters
            f"WHERE {connection.ops.quote_name('key')} = %s ORDER BY id LIMIT %s",
            [order[0], READ_BUDGET],
        )
    else:
        found = _rows(
            f"SELECT person_id, {connection.ops.quote_name('key')} FROM {keys_table} "  # nosec B608: names only; values are parameters
            f"WHERE {connection.ops.quote_name('key')} IN ({_marks(order)})",
            order,
        )
    return sizes, order, found


def _ranked(keyed: _Found, gone: set[int], limit: int) -> list[int]:
    sizes, order, found = keyed
    persons: dict[str, list[int]] = {key: [] for key in order}
    for person_id, key in found:
        if person_id not in gone:
            persons[key].append(person_id)
    return rank_candidates(((sizes[key], persons[key]) for key in order), limit=limit)


def candidate_ids(
    names: Iterable[str], *, exclude: int | None = None, limit: int = MAX_CANDIDATES
) -> list[int]:
    """Ids of current persons sharing a blocking key with any of `names`: at most `limit`.

    The keys are read rarest first within habeas.identity.blocking's
    READ_BUDGET (`lookup_order`), and those sharing the rarest keys come
    first (`rank_candidates`, then the oldest), so the work per arriving
    person stays bounded however large a block grows. When even the rarest
    key is a larger block (a surname alone, or many namesakes), its oldest
    READ_BUDGET persons are read.
    """
    keyed = _keyed(names)
    if keyed is None:
        return []
    gone = {exclude if exclude is not None else -1}
    while True:
        ranked = _ranked(keyed, gone, limit)
        # Merged-away persons keep no keys; this guards against a stale row. A person's
        # rank does not depend on the others, so checking the `limit` ranked (not every
        # person read, up to READ_BUDGET) and ranking again without a stale one gives
        # the same persons.
        stale = (
            {
                pk
                for (pk,) in _rows(
                    f"SELECT id FROM {_table(Person)} "  # nosec B608: names only; values are parameters
                    f"WHERE id IN ({_marks(ranked)}) AND merged_into_id IS NOT NULL",
                    ranked,
                )
            }
            if ranked
            else set()
        )
        if not stale:
            return ranked
        gone |= stale


@dataclass(slots=True)
class _Known:
    """A candidate as read with its name forms: (name, kept prepared form) and its own fields."""

    roles: Any
    affiliations: Any
    forms: list[tuple[str, str]] = field(default_factory=list)


def _known(names: Iterable[str], *, exclude: int, limit: int = MAX_CANDIDATES) -> dict[int, _Known]:
    """The persons `candidate_ids` gives, with their name forms, roles and affiliations.

    One query reads the ranked persons and their forms together, and finds a
    stale key's person there (merged away) instead of in a query of its own.
    """
    keyed = _keyed(names)
    if keyed is None:
        return {}
    gone = {exclude}
    known: dict[int, _Known] = {}
    while True:
        ranked = _ranked(keyed, gone, limit)
        unread = [pk for pk in ranked if pk not in known]
        stale = set()
        if unread:
            sql = (
                f"SELECT p.id, p.merged_into_id, p.roles, p.affiliations, f.name, f.prepared "  # nosec B608: names only; values are parameters
                f"FROM {_table(Person)} p LEFT JOIN {_table(NameForm)} f ON f.person_id = p.id "
                f"WHERE p.id IN ({_marks(unread)}) ORDER BY f.id"
            )
            for pk, merged, roles, affiliations, form, stored in _rows(sql, unread):
                if merged is not None:
                    stale.add(pk)
                    continue
                entry = known.get(pk)
                if entry is None:
                    entry = known[pk] = _Known(roles, affiliations)
                if form is not None:
                    entry.forms.append((form, stored))
        if not stale:
            return {pk: known[pk] for pk in ranked if pk in known}
        gone |= stale


def normalised(name: str) -> tuple[str, ...] | None:
    """The name's word keys in order, or None when it is not a full name of two words or more."""
    if not name.strip():
        return None
    return _normalised(prepare_name(name))


def _normalised(prepared: PreparedName) -> tuple[str, ...] | None:
    tokens = prepared.tokens
    if len(tokens) < 2 or any(t.initial for t in tokens):
        return None
    return tuple(sorted(t.key for t in tokens))


def _empty_context() -> Context:
    return {"role": set(), "affiliation": set(), "place": set(), "date": set()}


def _own_context(roles: Any, affiliations: Any) -> Context:
    context = _empty_context()
    context["role"] = {r.casefold() for r in _json_list(roles)}
    context["affiliation"] = {a.casefold() for a in _json_list(affiliations)}
    return context


def contexts(person_ids: Iterable[int]) -> dict[int, Context]:
    """Roles, affiliations, places and dated events of several persons, in two queries.

    Only distinct values are read, never whole event lists, so a candidate
    with thousands of events costs about as much as one with a few.
    """
    ids = sorted(set(person_ids))
    found = {pk: _empty_context() for pk in ids}
    if not ids:
        return found
    for pk, roles, affiliations in _rows(
        f"SELECT id, roles, affiliations FROM {_table(Person)} WHERE id IN ({_marks(ids)})",  # nosec B608: names only; values are parameters
        ids,
    ):
        found[pk] = _own_context(roles, affiliations)
    _add_events(found)
    return found


def _add_events(found: dict[int, Context]) -> None:
    """Add the distinct places and dated events of the persons of `found`, in one query."""
    ids = sorted(found)
    if not ids:
        return
    marks = _marks(ids)
    events = f"FROM {_table(Event)} WHERE person_id IN ({marks}) AND status <> %s"
    # Distinct places and distinct dated events in one statement (UNION drops repeats).
    union = (
        f"SELECT person_id, '', place {events} AND place <> '' "  # nosec B608: names only; values are parameters
        f"UNION SELECT person_id, type, date_text {events} AND date_text <> ''"
    )
    rejected = str(EventStatus.REJECTED)
    for pk, kind, value in _rows(union, [*ids, rejected, *ids, rejected]):
        if kind:
            found[pk]["date"].add(f"{kind} on {value}")
        else:
            found[pk]["place"].add(value.casefold())


def _shared(a: Context, b: Context) -> tuple[str, ...]:
    return tuple(f"same {kind}: {value}" for kind in a for value in sorted(a[kind] & b[kind]))


def agreeing_context(a_id: int, b_id: int) -> tuple[str, ...]:
    """What two persons' files share besides the name: roles, affiliations, places, dated events."""
    found = contexts([a_id, b_id])
    return _shared(found[a_id], found[b_id])


def _prepared(name: str, stored: str) -> PreparedName:
    # The form kept with the name form saves a new process from preparing every
    # candidate's names again; one made by other identity code is not used.
    if stored:
        kept = decode_prepared(stored)
        if kept is not None:
            return kept
    return prepare_name(name)


@dataclass(frozen=True, slots=True)
class _Sought:
    """One name of the arriving person, prepared once for all its candidates."""

    name: str
    prepared: PreparedName
    normalised: tuple[str, ...] | None
    screen: NameScreen

    @classmethod
    def of(cls, name: str) -> _Sought:
        prepared = prepare_name(name)
        return cls(name, prepared, _normalised(prepared), NameScreen(prepared))


def _best_match(
    names: list[_Sought], forms: list[tuple[str, str]]
) -> tuple[float, str, str, bool] | None:
    best = None
    for mine in names:
        for form, stored in forms:
            if not form.strip():
                continue
            theirs = _prepared(form, stored)
            # Most candidates share only a surname: the screen turns them away
            # before the full comparison (it never turns away a name that matches).
            if not mine.screen.admits(theirs):
                continue
            result = match_prepared(mine.prepared, theirs)
            if not result.same:
                continue
            exact = mine.normalised is not None and mine.normalised == _normalised(theirs)
            if best is None or (exact, result.score) > (best[3], best[0]):
                best = (result.score, mine.name, form, exact)
    return best


def _specific(agreements: tuple[str, ...]) -> bool:
    # "activist" or "journalist" is shared by thousands; a place, a date or
    # an affiliation is what ties two reports to one person.
    return any(not a.startswith("same role:") for a in agreements)


def find_candidates(person_id: int, *, arriving: Arriving | None = None) -> list[Candidate]:
    """The known persons whose names match this person's names, best first."""
    if arriving is not None:
        names = list(arriving.names)
    else:
        names = list(NameForm.objects.filter(person_id=person_id).values_list("name", flat=True))
    known = _known(names, exclude=person_id)
    sought = [_Sought.of(name) for name in names if name.strip()]
    matched = {}
    context: dict[int, Context] = {}
    for pid, candidate in known.items():
        best = _best_match(sought, candidate.forms)
        if best is not None:
            matched[pid] = best
            context[pid] = _own_context(candidate.roles, candidate.affiliations)
    if arriving is not None:
        # Only the persons whose names match have their events read.
        _add_events(context)
        context[person_id] = arriving.context
    elif matched:
        context |= contexts([person_id, *matched])
    found = []
    for pid, (score, name, form, exact) in matched.items():
        agreements = _shared(context[person_id], context[pid])
        found.append(Candidate(pid, score, name, form, exact, agreements))
    found.sort(key=lambda c: (not c.exact_name, -len(c.agreements), -c.score, c.person_id))
    return found


def resolve_person(person_id: int, *, arriving: Arriving | None = None) -> Resolution:
    """Index an arriving person and link it, or record who it may be; see the module docstring.

    `arriving` is the person as just stored by ingest (no keys yet): its names
    and context are then taken from it instead of being read back.
    """
    if arriving is None:
        index_person(Person.objects.get(pk=person_id))
    else:
        keys = set().union(*(stored_keys(name) for name in arriving.names))
        BlockingKey.objects.bulk_create(
            [BlockingKey(person_id=person_id, key=k) for k in sorted(keys)]
        )
        index_new(person_id, arriving.names)
    candidates = find_candidates(person_id, arriving=arriving)
    strong = [c for c in candidates if c.exact_name and _specific(c.agreements)]
    if len(strong) == 1:
        target = strong[0]
        judgement = Judgement.objects.create(
            person_a_id=target.person_id,
            person_b_id=person_id,
            verdict=Verdict.SAME,
            engine=ENGINE,
            reasons=target.reasons(),
        )
        merge_persons(
            target.person_id,
            person_id,
            why="; ".join(target.reasons()),
            engine=ENGINE,
            judgement=judgement,
        )
        return Resolution(person_id, linked_to=target.person_id)
    # Only the few best are put to a reviewer: a common name would otherwise add
    # a judgement per namesake with every report, a cost that grows with the store.
    judged = []
    for candidate in candidates[:MAX_JUDGED]:
        reasons = candidate.reasons()
        if candidate in strong:
            reasons.append("another known person matches as strongly")
        judged.append(
            Judgement(
                person_a_id=candidate.person_id,
                person_b_id=person_id,
                verdict=Verdict.UNSURE,
                engine=ENGINE,
                reasons=reasons,
            )
        )
    Judgement.objects.bulk_create(judged)
    return Resolution(person_id, possibly=tuple(c.person_id for c in candidates[:MAX_JUDGED]))
