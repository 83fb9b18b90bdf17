"""Named reads of the case store, for the CLI and the web app."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db.models import Count, Prefetch, Q

from habeas import model
from habeas.errors import HabeasError
from habeas.web.store.models import (
    Event,
    EventStatus,
    Evidence,
    Feed,
    FeedItemState,
    Judgement,
    NameForm,
    Person,
    Report,
    Verdict,
)


@dataclass(frozen=True, slots=True)
class FeedOverview:
    id: int
    url: str
    title: str
    last_polled_at: Any
    last_error: str
    pending: int
    stored: int
    failed: int


def feeds_overview() -> list[FeedOverview]:
    """Every registered feed with how many of its entries are pending, stored or failed."""
    rows = Feed.objects.order_by("id").annotate(
        n_pending=Count("items", filter=Q(items__state=FeedItemState.PENDING)),
        n_stored=Count("items", filter=Q(items__state=FeedItemState.STORED)),
        n_failed=Count("items", filter=Q(items__state=FeedItemState.FAILED)),
    )
    return [
        FeedOverview(
            f.pk,
            f.url,
            f.title,
            f.last_polled_at,
            f.last_error,
            f.n_pending,
            f.n_stored,
            f.n_failed,
        )
        for f in rows
    ]


def report_by_id(report_id: int) -> Any:
    """A report with its sources, or None."""
    return Report.objects.prefetch_related("sources").filter(pk=report_id).first()


def persons_in_report(report: Any) -> list[Any]:
    """The persons first named in a report (through their name forms), in the order stored."""
    return list(Person.objects.filter(name_forms__report=report).distinct().order_by("id"))


class EventFacts(NamedTuple):
    """An event's columns that the timeline reads (contract_event, casefile.confirmed),
    read as a tuple: a fraction of a model instance's cost for a file of thousands of events."""

    pk: int
    status: str
    type: str
    date_text: str
    place: str
    authority: str
    duration_hours: float | None
    penalty: Any
    charges: Any
    outcome: str
    detail: str


def confirmed_facts(person_id: int) -> list[EventFacts]:
    """The confirmed events of a person, as EventFacts, in id order."""
    rows = Event.objects.filter(person_id=person_id, status=EventStatus.CONFIRMED).order_by("id")
    return [EventFacts._make(v) for v in rows.values_list("id", *EventFacts._fields[1:])]


def reports_about(person_id: int, *, limit: int) -> list[Any]:
    """The newest `limit` reports that are evidence for the person's events or name one of its
    name forms, with their sources; the ids come from two indexed reads in one UNION query,
    not an OR join."""
    evidence = Evidence.objects.filter(event__person_id=person_id).values_list("report_id")
    named = NameForm.objects.filter(person_id=person_id, report__isnull=False).values_list(
        "report_id"
    )
    ids = {report_id for (report_id,) in evidence.union(named)}
    return list(
        Report.objects.filter(pk__in=sorted(ids))
        .only("id", "title", "published", "publisher", "lang")
        .prefetch_related("sources")
        .order_by("-published", "-id")[:limit]
    )


# Where `with_evidence` puts each event's evidence: a plain list. A prefetch into the
# `evidence` manager built a filtered queryset per event (50 on the review queue, 1.5 ms
# of CPU even when no event had evidence).
EVIDENCE_LIST = "evidence_list"


def with_evidence(events: Any) -> Any:
    """`events` (a queryset) with each event's evidence read in one more query, as a list in
    the EVIDENCE_LIST attribute (`evidence_of` reads it)."""
    return events.prefetch_related(Prefetch("evidence", to_attr=EVIDENCE_LIST))


def evidence_of(event: Any) -> list[Any]:
    """An event's evidence: the list `with_evidence` read, else read now."""
    found = getattr(event, EVIDENCE_LIST, None)
    return list(event.evidence.all()) if found is None else list(found)


def suggested_events(*, limit: int = 100) -> list[Any]:
    """The oldest events still waiting for review, with their person, evidence (`evidence_of`)
    and its reports (each report loaded once however many cards quote it)."""
    events = Event.objects.filter(status=EventStatus.SUGGESTED).select_related("person")
    return list(
        with_evidence(events)
        .prefetch_related(f"{EVIDENCE_LIST}__report")
        .order_by("created_at", "id")[:limit]
    )


@dataclass(frozen=True, slots=True)
class PersonHit:
    """A person found by name: the form that matched best, its score and why."""

    person_id: int
    display_name: str
    form: str
    score: float
    reasons: tuple[str, ...]


def _current(person_id: int, merged: dict[int, int | None]) -> int:
    # Follow merges to the file a person's forms now live in.
    seen = {person_id}
    while (target := merged.get(person_id)) is not None and target not in seen:
        seen.add(target)
        person_id = target
    return person_id


def find_persons(name: str, *, limit: int = 20) -> list[PersonHit]:
    """Persons any of whose known name forms can denote `name`, best first.

    Candidates come from the blocking keys, then every form of each is
    judged by the name matcher; a person merged into another is reported as
    the one it was merged into. Raises InputError when `name` is empty.
    """
    from habeas.identity import match_names
    from habeas.web.store.resolution import candidate_ids

    if not name.strip():
        from habeas.errors import InputError

        raise InputError("A name to search for is empty.")
    ids = candidate_ids([name])
    merged = dict(Person.objects.filter(pk__in=ids).values_list("pk", "merged_into_id"))
    best: dict[int, tuple[float, str, tuple[str, ...]]] = {}
    for pid, form in NameForm.objects.filter(person_id__in=ids).values_list("person_id", "name"):
        result = match_names(name, form)
        if not result.same:
            continue
        owner = _current(pid, merged)
        if owner not in best or result.score > best[owner][0]:
            best[owner] = (result.score, form, result.reasons)
    names = dict(Person.objects.filter(pk__in=best).values_list("pk", "display_name"))
    hits = [
        PersonHit(pid, names.get(pid, ""), form, score, reasons)
        for pid, (score, form, reasons) in best.items()
    ]
    hits.sort(key=lambda h: (-h.score, h.person_id))
    return hits[:limit]


def possible_matches(person_id: int) -> list[Any]:
    """The engine's open "possibly the same as …" judgements about a person, newest first."""
    return list(
        Judgement.objects.filter(verdict=Verdict.UNSURE)
        .filter(Q(person_a_id=person_id) | Q(person_b_id=person_id))
        .select_related("person_a", "person_b")
        .order_by("-created_at", "-id")
    )


# A report's words, the title's weighted above the text's: the expression the GIN
# index of migration review/0002 is built on, written the same way so it is used.
REPORT_WORDS = (
    "setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(text, '')), 'B')"
)


def search_reports_postgres(
    query: str, *, limit: int = 50, open_mark: str = "«", close_mark: str = "»"
) -> list[Any]:
    """Reports matching `query` on PostgreSQL, best first, each with `rank` and `headline`
    (only their id and title are read; other fields load when first used).

    Web-search syntax ("quoted phrase", -exclude, or). The `simple` text search
    configuration is used because reports come in several languages (en, ru, az)
    and a stemmer for one would mangle the others. One query: the index finds
    the matches, and only the `limit` best get a headline. PostgreSQL only: the
    SQLite search uses the FTS5 index instead.
    """
    from django.db import connection

    if not query.strip():
        return []
    options = f'StartSel="{open_mark}", StopSel="{close_mark}", MaxWords=24'
    # Only the constant REPORT_WORDS is put into the text; the user's query is a parameter.
    sql = (
        "WITH q AS (SELECT websearch_to_tsquery('simple'::regconfig, %s) AS query), "  # nosec B608
        "best AS ("
        f" SELECT store_report.id, ts_rank({REPORT_WORDS}, q.query) AS rank"
        f" FROM store_report, q WHERE ({REPORT_WORDS}) @@ q.query"
        " ORDER BY rank DESC, store_report.id DESC LIMIT %s) "
        "SELECT best.id, best.rank,"
        " ts_headline('simple'::regconfig, r.text, q.query, %s)"
        " FROM best JOIN store_report r ON r.id = best.id, q"
        " ORDER BY best.rank DESC, best.id DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [query, limit, options])
        found = cursor.fetchall()
    # The search page shows a hit's number and title: the text stays in the database.
    reports = Report.objects.only("id", "title").in_bulk([pk for pk, _, _ in found])
    out = []
    for pk, rank, headline in found:
        report = reports[pk]
        report.rank, report.headline = rank, headline
        out.append(report)
    return out


def contract_event(row: Any) -> model.Event:
    """A stored event in the extraction contract's form (the timeline engine's input),
    its evidence left out. HabeasError naming the event when a stored value is bad."""
    try:
        return model.Event(
            type=model.EventType(row.type),
            date=model.PartialDate.parse(row.date_text) if row.date_text else None,
            place=row.place or None,
            authority=row.authority or None,
            duration_hours=row.duration_hours,
            penalty=model.penalty_from_json(row.penalty) if row.penalty else None,
            charges=tuple(model.charge_from_json(c) for c in row.charges or ()),
            outcome=model.AppealOutcome(row.outcome) if row.outcome else None,
            detail=row.detail or None,
        )
    except (ValueError, HabeasError) as exc:
        raise HabeasError(f"event #{row.pk} cannot be read: {exc}") from None


def event_fields(facts: model.Event) -> dict[str, Any]:
    """The stored columns of an event with the contract's `facts` (evidence left out);
    the inverse of `contract_event`."""
    return {
        "type": facts.type.value,
        "date_text": str(facts.date) if facts.date else "",
        "date_precision": facts.date.precision if facts.date else "",
        "place": facts.place or "",
        "authority": facts.authority or "",
        "duration_hours": facts.duration_hours,
        "penalty": model.penalty_to_json(facts.penalty) if facts.penalty else None,
        "charges": [model.charge_to_json(c) for c in facts.charges],
        "outcome": facts.outcome.value if facts.outcome else "",
        "detail": facts.detail or "",
    }
