"""Merging two persons' files and undoing it, each as a versioned change.

A merge moves the absorbed person's name forms and events (their evidence
stays attached to them) to the kept person and marks the absorbed person
`merged_into` the kept one; nothing is deleted. The Merge row lists exactly
what moved and the kept person's fields before, so an undo puts everything
back as it was. Every merge and undo also leaves a Judgement.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from habeas.errors import InputError
from habeas.identity import blocking_keys
from habeas.web.store.models import (
    BlockingKey,
    Event,
    Judgement,
    Merge,
    NameForm,
    Person,
    PersonNames,
    Verdict,
)
from habeas.web.store.status import facts_changed
from habeas.web.store.versions import record, snapshot_of


def stored_keys(name: str) -> frozenset[str]:
    """The blocking keys to index a name form under (none for a name that cannot be compared)."""
    if not name.strip():
        return frozenset()
    return blocking_keys(name).stored


def index_person(person: Any) -> int:
    """Rewrite a person's blocking keys and name search row from all its name forms; return
    how many keys it has."""
    from habeas.web.store.name_search import index_names

    keys: set[str] = set()
    for name in NameForm.objects.filter(person=person).values_list("name", flat=True):
        keys |= stored_keys(name)
    BlockingKey.objects.filter(person=person).delete()
    BlockingKey.objects.bulk_create([BlockingKey(person=person, key=k) for k in sorted(keys)])
    index_names(person)
    return len(keys)


def _union(first: list[str], second: list[str]) -> list[str]:
    return first + [item for item in second if item not in first]


def _person(person_id: int) -> Any:
    person = Person.objects.select_for_update().filter(pk=person_id).first()
    if person is None:
        raise InputError(f"There is no person #{person_id}.")
    return person


def merge_persons(
    kept_id: int,
    absorbed_id: int,
    *,
    why: str,
    user: Any = None,
    engine: str = "",
    judgement: Any = None,
) -> Any:
    """Fold person `absorbed_id` into `kept_id`; return the Merge (its `version` undoes it).

    Raises InputError when the two are one person, either is unknown or
    already merged into someone, or no reason is given.
    """
    if not why.strip():
        raise InputError("Say why the two persons are the same (a merge needs a reason).")
    if kept_id == absorbed_id:
        raise InputError(f"Person #{kept_id} cannot be merged with itself.")
    with transaction.atomic():
        kept, absorbed = _person(kept_id), _person(absorbed_id)
        for person in (kept, absorbed):
            if person.merged_into_id is not None:
                raise InputError(
                    f"Person #{person.pk} is already merged into #{person.merged_into_id}."
                )
        kept_names = set(NameForm.objects.filter(person=kept).values_list("name", flat=True))
        # A form the kept person already has stays where it is: the name is
        # kept once, and the undo has nothing to separate.
        forms = list(
            NameForm.objects.filter(person=absorbed)
            .exclude(name__in=kept_names)
            .values_list("pk", flat=True)
        )
        events = list(Event.objects.filter(person=absorbed).values_list("pk", flat=True))
        kept_before = snapshot_of(kept)
        NameForm.objects.filter(pk__in=forms).update(person=kept)
        for event in Event.objects.filter(pk__in=events):
            event.person = kept
            event.save(update_fields=["person"])
            record(event, user=user, engine=engine, why=f"moved to person #{kept.pk}: {why}")
        kept.roles = _union(list(kept.roles), list(absorbed.roles))
        kept.affiliations = _union(list(kept.affiliations), list(absorbed.affiliations))
        kept.save(update_fields=["roles", "affiliations"])
        absorbed.merged_into = kept
        absorbed.save(update_fields=["merged_into"])
        version = record(
            absorbed, user=user, engine=engine, why=f"merged into person #{kept.pk}: {why}"
        )
        record(kept, user=user, engine=engine, why=f"person #{absorbed.pk} merged in: {why}")
        if judgement is None:
            judgement = Judgement.objects.create(
                person_a=kept,
                person_b=absorbed,
                verdict=Verdict.SAME,
                user=user,
                engine=engine,
                reasons=[why],
            )
        index_person(kept)
        BlockingKey.objects.filter(person=absorbed).delete()
        PersonNames.objects.filter(person=absorbed).delete()
        facts_changed([kept.pk, absorbed.pk])
        return Merge.objects.create(
            kept=kept,
            absorbed=absorbed,
            name_form_ids=forms,
            event_ids=events,
            kept_before=kept_before,
            version=version,
            judgement=judgement,
        )


def undo_merge(version_id: int, *, why: str, user: Any = None) -> Any:
    """Undo the merge recorded by version `version_id`; return the Merge, now marked undone.

    The name forms and events go back to the absorbed person, the kept
    person's roles and affiliations are restored, and a `different`
    judgement records the decision. Raises InputError when the version is
    not a merge, or the merge was already undone.
    """
    if not why.strip():
        raise InputError("Say why the merge is undone.")
    with transaction.atomic():
        merge = Merge.objects.select_for_update().filter(version_id=version_id).first()
        if merge is None:
            raise InputError(f"Version #{version_id} is not a merge.")
        if merge.undone_by_id is not None:
            raise InputError(f"The merge of version #{version_id} is already undone.")
        kept, absorbed = _person(merge.kept_id), _person(merge.absorbed_id)
        NameForm.objects.filter(pk__in=merge.name_form_ids).update(person=absorbed)
        for event in Event.objects.filter(pk__in=merge.event_ids):
            event.person = absorbed
            event.save(update_fields=["person"])
            record(event, user=user, why=f"moved back to person #{absorbed.pk}: {why}")
        kept.roles = merge.kept_before["roles"]
        kept.affiliations = merge.kept_before["affiliations"]
        kept.save(update_fields=["roles", "affiliations"])
        absorbed.merged_into = None
        absorbed.save(update_fields=["merged_into"])
        merge.undone_by = record(
            absorbed, user=user, why=f"merge into person #{kept.pk} undone: {why}"
        )
        record(kept, user=user, why=f"person #{absorbed.pk} taken out again: {why}")
        merge.save(update_fields=["undone_by"])
        Judgement.objects.create(
            person_a=kept, person_b=absorbed, verdict=Verdict.DIFFERENT, user=user, reasons=[why]
        )
        index_person(kept)
        index_person(absorbed)
        facts_changed([kept.pk, absorbed.pk])
        return merge
