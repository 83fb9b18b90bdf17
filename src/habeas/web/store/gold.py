"""The instance's own reviewed reports as gold, so a group can measure an engine on its cases.

A report counts as reviewed when it has at least one event with evidence in
it and none of those is still waiting for review. Its gold is every
confirmed event that points into it, under the person's name as that report
writes it (the name form captured from it, else the person's display name).
Rejected suggestions are simply absent: a fact the reviewers refused is one
an engine should not produce.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from habeas import model
from habeas.web.store.models import Event, EventStatus, NameForm, Report
from habeas.web.store.queries import contract_event


def reviewed_reports() -> list[Any]:
    """Reports with evidence whose suggestions have all been confirmed or rejected."""
    with_evidence = Report.objects.filter(evidence__isnull=False)
    pending = Report.objects.filter(evidence__event__status=EventStatus.SUGGESTED)
    return list(with_evidence.exclude(pk__in=pending).distinct().order_by("id"))


def doc_id_of(report: Any) -> str:
    return f"report-{report.pk}"


def confirmed_gold() -> tuple[list[dict[str, Any]], list[model.Report]]:
    """(gold documents in the contract's form, the reports to run an engine on)."""
    gold: list[dict[str, Any]] = []
    inputs: list[model.Report] = []
    for report in reviewed_reports():
        events = (
            Event.objects.filter(evidence__report=report, status=EventStatus.CONFIRMED)
            .select_related("person")
            .order_by("person_id", "id")
            .distinct()
        )
        by_person: dict[int, list[Any]] = defaultdict(list)
        people: dict[int, Any] = {}
        for row in events:
            # A merged-away person's events live on in the file they were merged into.
            by_person[row.person_id].append(row)
            people[row.person_id] = row.person
        forms = {
            f.person_id: f.name
            for f in NameForm.objects.filter(report=report, person_id__in=list(people))
        }
        persons = [
            {
                "name": forms.get(pid) or people[pid].display_name,
                "roles": list(people[pid].roles or []),
                "events": [model.event_to_json(contract_event(row)) for row in rows],
            }
            for pid, rows in by_person.items()
        ]
        gold.append({"doc_id": doc_id_of(report), "persons": persons})
        inputs.append(
            model.Report(
                doc_id=doc_id_of(report),
                text=report.text,
                published=report.published,
                lang=report.lang or None,
                title=report.title or None,
            )
        )
    return gold, inputs
