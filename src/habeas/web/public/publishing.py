"""Marking persons, events and reports public (or not), each change kept with who and when.

Every change writes a PublicationChange row, and for persons and events also a
Version (habeas.web.store.versions, which adds the audit-log entry), in one
transaction: the history never misses a publication and never records one
that did not happen.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from habeas.errors import InputError
from habeas.web.store import versions
from habeas.web.store.models import (
    EventPublication,
    PersonProfile,
    PublicationChange,
    PublicationTarget,
    PublishableField,
    ReportPublication,
    SiteSetting,
)

SITE_KEY = "public_site"
CONFIDENTIAL_FIELDS = ("health", "contacts", "lawyer", "private_notes")


def profile_of(person: Any, *, confidential: bool = True) -> Any:
    """The person's profile, made (private, empty) the first time it is asked for.

    With confidential=False the encrypted fields are not loaded (nor decrypted): save
    such a profile with update_fields naming only the fields changed."""
    rows = (
        PersonProfile.objects if confidential else PersonProfile.objects.defer(*CONFIDENTIAL_FIELDS)
    )
    profile, _ = rows.get_or_create(person=person)
    return profile


def _words(public: bool) -> str:
    return "published" if public else "unpublished"


def _log(
    target: str, target_id: int, public: bool, *, user: Any, why: str, fields: list[str]
) -> None:
    PublicationChange.objects.create(
        target=target, target_id=target_id, public=public, fields=fields, user=user, why=why
    )


def set_person_public(
    person: Any,
    public: bool,
    *,
    user: Any,
    fields: Iterable[str] = (),
    country: str | None = None,
    why: str = "",
) -> Any:
    """Publish or withdraw a person, with the fields of theirs that may be shown."""
    chosen = sorted(set(fields))
    allowed = set(PublishableField.values)
    unknown = [f for f in chosen if f not in allowed]
    if unknown:
        raise InputError(f"these fields cannot be published: {', '.join(unknown)}")
    if country is not None and country and not (len(country) == 2 and country.isalpha()):
        raise InputError(f"{country!r} is not a two-letter country code")
    with transaction.atomic():
        profile = profile_of(person, confidential=False)
        profile.public = public
        profile.public_fields = chosen if public else []
        if country is not None:
            profile.country = country.upper()
        profile.published_at = timezone.now() if public else None
        profile.save(update_fields=["public", "public_fields", "country", "published_at"])
        _log(PublicationTarget.PERSON, person.pk, public, user=user, why=why, fields=chosen)
        versions.record(person, user=user, why=f"{_words(public)} {why}".strip())
    return profile


def set_event_public(event: Any, public: bool, *, user: Any, why: str = "") -> Any:
    with transaction.atomic():
        mark, _ = EventPublication.objects.get_or_create(event=event)
        mark.public = public
        mark.published_at = timezone.now() if public else None
        mark.save()
        _log(PublicationTarget.EVENT, event.pk, public, user=user, why=why, fields=[])
        versions.record(event, user=user, why=f"{_words(public)} {why}".strip())
    return mark


def set_report_public(report: Any, public: bool, *, user: Any, why: str = "") -> Any:
    from habeas.web.audit.chain import record as audit
    from habeas.web.audit.models import AuditAction

    with transaction.atomic():
        mark, _ = ReportPublication.objects.get_or_create(report=report)
        mark.public = public
        mark.published_at = timezone.now() if public else None
        mark.save()
        _log(PublicationTarget.REPORT, report.pk, public, user=user, why=why, fields=[])
        audit(user, AuditAction.EDIT, report, {"public": public, "why": why})
    return mark


def set_confidential(person: Any, *, user: Any, **values: str) -> Any:
    """Change a person's confidential fields (health, contacts, lawyer, private notes)."""
    unknown = sorted(set(values) - set(CONFIDENTIAL_FIELDS))
    if unknown:
        raise InputError(f"these are not confidential fields: {', '.join(unknown)}")
    from habeas.web.audit.chain import record as audit
    from habeas.web.audit.models import AuditAction

    with transaction.atomic():
        profile = profile_of(person)
        for name, value in values.items():
            setattr(profile, name, value)
        profile.save()
        # The values stay out of the log: only which fields changed.
        audit(user, AuditAction.EDIT, person, {"confidential_fields": sorted(values)})
    return profile


def publication_history(target: str, target_id: int) -> list[Any]:
    """Every publish and unpublish of one object, oldest first."""
    return list(
        PublicationChange.objects.filter(target=target, target_id=target_id)
        .select_related("user")
        .order_by("id")
    )


def site_is_on() -> bool:
    """Whether the public site answers: HABEAS_PUBLIC_SITE=1, or an admin's stored setting."""
    if getattr(settings, "HABEAS_PUBLIC_SITE", False):
        return True
    row = SiteSetting.objects.filter(key=SITE_KEY).first()
    return row is not None and row.value == "on"


def set_site(on: bool, *, user: Any) -> None:
    """Turn the public site on or off (the stored setting; the variable still wins)."""
    with transaction.atomic():
        SiteSetting.objects.update_or_create(
            key=SITE_KEY, defaults={"value": "on" if on else "off"}
        )
        _log(PublicationTarget.SITE, 0, on, user=user, why="", fields=[])


def publish_case_file(
    person: Any,
    public: bool,
    *,
    user: Any,
    fields: Iterable[str] = (),
    country: str | None = None,
    events: bool = False,
    reports: bool = False,
    why: str = "",
) -> tuple[int, int]:
    """Publish (or withdraw) a person and, if asked, all their confirmed events and their
    source reports, in one transaction; how many events and reports changed."""
    from habeas.web.store.models import EventStatus, Report

    with transaction.atomic():
        set_person_public(person, public, user=user, fields=fields, country=country, why=why)
        chosen = list(person.events.filter(status=EventStatus.CONFIRMED)) if events else []
        for event in chosen:
            set_event_public(event, public, user=user, why=why)
        sources = (
            list(Report.objects.filter(evidence__event__person=person).distinct())
            if reports
            else []
        )
        for report in sources:
            set_report_public(report, public, user=user, why=why)
    return len(chosen), len(sources)
