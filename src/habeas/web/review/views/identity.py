"""Who is who in the web app: "possibly the same as …", merge, "not the same" and undo.

Every change goes through habeas.web.store.merges (merge_persons, undo_merge),
so the web app and `habeas people` make the same versioned, undoable change.
Viewers see the suggestions and the merge history; only editors get buttons,
and a viewer's POST is refused (403).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from habeas.errors import HabeasError, InputError
from habeas.web.accounts.roles import Role, can, editor_post, requires
from habeas.web.store.merges import merge_persons, undo_merge
from habeas.web.store.models import Judgement, Merge, Person, Verdict
from habeas.web.store.queries import find_persons

WHY_LIMIT = 500


@dataclass(frozen=True, slots=True)
class PossibleMatch:
    """Another person who may be this one, and the engine's reasons."""

    other: Any
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MergeEntry:
    """One merge into a person's file, as the history shows it."""

    merge: Any
    absorbed_name: str
    kept_name: str
    by: str
    why: str
    undone: bool


def current_person_id(person: Any) -> int:
    """The id of the file a person's names and events now live in (following merges)."""
    seen = {person.pk}
    current = person
    while current.merged_into_id is not None and current.merged_into_id not in seen:
        seen.add(current.merged_into_id)
        current = Person.objects.only("pk", "merged_into_id").get(pk=current.merged_into_id)
    return int(current.pk)


def open_matches(person_id: int) -> list[PossibleMatch]:
    """The `unsure` judgements about a person not yet settled, one per other person.

    A pair is settled once someone judged it `same` or `different` later, or
    once either person has been merged into another file.
    """
    return _open_matches([person_id]).get(person_id, [])


def _open_matches(person_ids: list[int]) -> dict[int, list[PossibleMatch]]:
    # One query for any number of persons: every judgement about them, newest first; the
    # settling ones (same, different) are read from it before the unsure ones are kept.
    wanted = set(person_ids)
    about = Q(person_a_id__in=wanted) | Q(person_b_id__in=wanted)
    judgements = list(
        Judgement.objects.filter(about)
        .select_related("person_a", "person_b")
        .order_by("-created_at", "-id")
    )
    settled: dict[tuple[int, int], int] = {}  # (person, other): newest settling judgement id
    for judgement in judgements:
        if judgement.verdict not in (Verdict.SAME, Verdict.DIFFERENT):
            continue
        a, b = judgement.person_a_id, judgement.person_b_id
        for me, other in ((a, b), (b, a)):
            if me in wanted:
                settled[me, other] = max(settled.get((me, other), 0), judgement.pk)
    found: dict[int, dict[int, PossibleMatch]] = {pid: {} for pid in wanted}
    for judgement in judgements:
        if judgement.verdict != Verdict.UNSURE:
            continue
        pairs = ((judgement.person_a, judgement.person_b), (judgement.person_b, judgement.person_a))
        for me, other in pairs:
            if me.pk not in wanted:
                continue
            mine = found[me.pk]
            if other.pk == me.pk or other.merged_into_id is not None or other.pk in mine:
                continue
            # An unsure judgement made after the settling one (a new report) asks again.
            if settled.get((me.pk, other.pk), 0) > judgement.pk:
                continue
            mine[other.pk] = PossibleMatch(other, tuple(judgement.reasons))
    return {pid: list(matches.values()) for pid, matches in found.items()}


def possibly_same_by_person(person_ids: list[int]) -> dict[int, list[Any]]:
    """For the review queue: each person's unsettled "possibly the same as" persons."""
    return {pid: [m.other for m in ms] for pid, ms in _open_matches(person_ids).items()}


def merge_history(person: Any) -> list[MergeEntry]:
    """The merges into a person's file, newest first, with who made them and why."""
    rows = (
        Merge.objects.filter(kept=person)
        .select_related("absorbed", "kept", "version__user", "judgement")
        .order_by("-id")
    )
    entries = []
    for merge in rows:
        version = merge.version
        by = version.user.get_username() if version.user else version.engine or "the engine"
        reasons = merge.judgement.reasons if merge.judgement else []
        why = "; ".join(str(r) for r in reasons) or version.why
        entries.append(
            MergeEntry(
                merge,
                merge.absorbed.display_name,
                merge.kept.display_name,
                by,
                why,
                merge.undone_by_id is not None,
            )
        )
    return entries


def person_context(person: Any) -> dict[str, Any]:
    """What the person page adds about identity: possible matches and merge history."""
    return {"possible": open_matches(person.pk), "merges": merge_history(person)}


def _reason(request: HttpRequest) -> str:
    return str(request.POST.get("why") or "").strip()[:WHY_LIMIT]


def _other_id(request: HttpRequest, field: str) -> int:
    raw = str(request.POST.get(field) or "").strip()
    if not raw.isdigit():
        raise InputError("Choose the other person by their number.")
    return int(raw)


def _back(person_id: int) -> HttpResponse:
    if Person.objects.filter(pk=person_id).exists():
        return redirect("person", person_id=person_id)
    return redirect("person-list")


@requires(Role.VIEWER, methods=("GET", "HEAD", "POST"))
def merge(request: HttpRequest, person_id: int) -> HttpResponse:
    """GET: find persons by name to merge into this file. POST (editors): merge one in."""
    if request.method == "POST":
        if not can(request.user, Role.EDITOR):
            raise PermissionDenied("merging persons needs the editor role")
        return _merge(request, person_id)
    person = get_object_or_404(Person, pk=person_id)
    if person.merged_into_id is not None:
        return redirect("person", person_id=person_id)
    query = str(request.GET.get("q") or person.display_name).strip()
    hits: list[Any] = []
    error = ""
    try:
        hits = [h for h in find_persons(query) if h.person_id != person.pk]
    except HabeasError as exc:
        error = str(exc)
    context = {"person": person, "query": query, "hits": hits, "error": error}
    return render(request, "review/merge.html", context)


def _merge(request: HttpRequest, person_id: int) -> HttpResponse:
    try:
        absorbed_id = _other_id(request, "absorbed")
        done = merge_persons(person_id, absorbed_id, why=_reason(request), user=request.user)
    except HabeasError as exc:
        messages.error(request, f"Nothing was merged: {exc}")
        return _back(person_id)
    messages.success(
        request,
        f"Merged {done.absorbed.display_name} (#{done.absorbed_id}) into this file; "
        "the merge can be undone from the history below.",
    )
    return redirect("person", person_id=person_id)


@editor_post
def not_same(request: HttpRequest, person_id: int) -> HttpResponse:
    """Record that this person and another are different people (a `different` judgement)."""
    try:
        other_id = _other_id(request, "other")
        why = _reason(request) or "judged different on the person page"
        record_different(person_id, other_id, why=why, user=request.user)
    except HabeasError as exc:
        messages.error(request, f"Nothing was recorded: {exc}")
        return _back(person_id)
    messages.success(request, f"Recorded: not the same as person #{other_id}.")
    return redirect("person", person_id=person_id)


def record_different(person_id: int, other_id: int, *, why: str, user: Any) -> Any:
    """Record a `different` judgement between two known persons; raise InputError otherwise."""
    if person_id == other_id:
        raise InputError(f"Person #{person_id} cannot be different from itself.")
    with transaction.atomic():
        found = set(
            Person.objects.filter(pk__in=[person_id, other_id]).values_list("pk", flat=True)
        )
        for pid in (person_id, other_id):
            if pid not in found:
                raise InputError(f"There is no person #{pid}.")
        return Judgement.objects.create(
            person_a_id=person_id,
            person_b_id=other_id,
            verdict=Verdict.DIFFERENT,
            user=user,
            reasons=[why],
        )


@editor_post
def undo(request: HttpRequest, version_id: int) -> HttpResponse:
    """Undo the merge recorded by a version; both persons' files are as they were before."""
    merge_row = Merge.objects.filter(version_id=version_id).first()
    back = merge_row.kept_id if merge_row is not None else 0
    why = _reason(request) or "merge undone on the person page"
    try:
        done = undo_merge(version_id, why=why, user=request.user)
    except HabeasError as exc:
        messages.error(request, f"Nothing was undone: {exc}")
        return _back(back)
    messages.success(
        request,
        f"Merge undone: {done.absorbed.display_name} (#{done.absorbed_id}) has their own "
        "file again.",
    )
    return redirect("person", person_id=done.kept_id)
