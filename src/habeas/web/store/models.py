"""The case store's tables. Write them only through habeas.web.store.services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models

from habeas.identity.forms import encode_prepared, prepare_name
from habeas.model import AppealOutcome, EventType
from habeas.timeline.status import CustodyStatus
from habeas.web.encrypted import EncryptedTextField


class Report(models.Model):  # type: ignore[misc]
    """Text taken from one or more captured sources; the same text twice is one report."""

    text = models.TextField()
    text_sha256 = models.CharField(max_length=64, unique=True)
    title = models.TextField(blank=True, default="")
    published = models.DateField(null=True, blank=True)
    lang = models.CharField(max_length=16, blank=True, default="")
    publisher = models.CharField(max_length=255, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"report #{self.pk}"


class Source(models.Model):  # type: ignore[misc]
    """One capture: the exact bytes (kept as a snapshot) fetched from a URL or uploaded."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="sources")
    url = models.TextField(blank=True, default="")  # empty for uploads
    final_url = models.TextField(blank=True, default="")
    filename = models.CharField(max_length=255, blank=True, default="")  # uploads only
    captured_at = models.DateTimeField()
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    media_type = models.CharField(max_length=127, blank=True, default="")
    sha256 = models.CharField(max_length=64)
    snapshot_path = models.TextField()

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["sha256", "url", "filename"], name="source_unique_bytes_per_origin"
            ),
        )
        indexes = (models.Index(fields=["url"], name="source_url"),)

    def __str__(self) -> str:
        return str(self.url or self.filename)


class Script(models.TextChoices):  # type: ignore[misc]
    LATIN = "latin"
    CYRILLIC = "cyrillic"
    GEORGIAN = "georgian"
    MIXED = "mixed"


class Person(models.Model):  # type: ignore[misc]
    display_name = models.CharField(max_length=255)
    roles = models.JSONField(default=list, blank=True)
    affiliations = models.JSONField(default=list, blank=True)
    # Confidential until an editor decides otherwise (ARCHITECTURE: confidential by default).
    confidential = models.BooleanField(default=True)
    # Set while this person's forms and events live in another person's file
    # after a merge; cleared when the merge is undone.
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="absorbed"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = (
            models.Index(fields=["display_name", "id"], name="person_name_id"),
            models.Index(fields=["merged_into", "display_name", "id"], name="person_current_name"),
        )

    def __str__(self) -> str:
        return str(self.display_name)


class NameForm(models.Model):  # type: ignore[misc]
    """A way a person's name is written in a report (scripts and inflections differ)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_forms")
    name = models.CharField(max_length=255)
    script = models.CharField(max_length=16, choices=Script.choices)
    report = models.ForeignKey(
        Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="name_forms"
    )
    # The name prepared for comparison (habeas.identity.forms.encode_prepared), so
    # identity resolution in a new process reads it instead of preparing it again.
    # Stamped with the identity code it was made by; "" or another stamp is ignored.
    prepared = models.TextField(default="", blank=True, editable=False)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["person", "name"], name="nameform_unique_per_person"),
        )

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save, with the prepared form of the name as it is now."""
        self.prepared = prepared_of(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "prepared"}
        super().save(*args, **kwargs)


def prepared_of(name: str) -> str:
    """The `NameForm.prepared` text of `name` ("" for a blank name)."""
    return encode_prepared(prepare_name(name)) if name.strip() else ""


EventKind = models.TextChoices("EventKind", [(t.name, t.value) for t in EventType])
Outcome = models.TextChoices("Outcome", [(o.name, o.value) for o in AppealOutcome])


class DatePrecision(models.TextChoices):  # type: ignore[misc]
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class EventStatus(models.TextChoices):  # type: ignore[misc]
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class Event(models.Model):  # type: ignore[misc]
    """Something that happened to a person; a suggestion until a person confirms it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(max_length=32, choices=EventKind.choices)
    date_text = models.CharField(max_length=10, blank=True, default="")  # YYYY[-MM[-DD]]
    date_precision = models.CharField(
        max_length=8, choices=DatePrecision.choices, blank=True, default=""
    )
    place = models.TextField(blank=True, default="")
    authority = models.TextField(blank=True, default="")
    duration_hours = models.FloatField(null=True, blank=True)
    penalty = models.JSONField(null=True, blank=True)
    charges = models.JSONField(default=list, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True, default="")
    detail = models.TextField(blank=True, default="")
    status = models.CharField(
        max_length=16, choices=EventStatus.choices, default=EventStatus.SUGGESTED
    )
    made_by_engine = models.CharField(max_length=64, blank=True, default="")
    made_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = (
            models.Index(fields=["status"], name="event_status"),
            models.Index(fields=["status", "created_at", "id"], name="event_status_created"),
            models.Index(fields=["person", "date_text", "id"], name="event_person_date"),
            models.Index(fields=["status", "type", "date_text"], name="event_status_type_date"),
            models.Index(fields=["status", "date_precision", "date_text"], name="event_status_day"),
        )


class Evidence(models.Model):  # type: ignore[misc]
    """The characters of a report that support an event, with a copy of the quote."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="evidence")
    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="evidence")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    # Which field of the event the span supports (e.g. "penalty"); empty for the event as a
    # whole. Hand-attached spans name their field, so the review shows where each fact is from.
    field = models.CharField(max_length=32, blank=True, default="")
    # Who attached it by hand; empty for the engine's evidence.
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )


class VersionedType(models.TextChoices):  # type: ignore[misc]
    PERSON = "person"
    EVENT = "event"


class Version(models.Model):  # type: ignore[misc]
    """A snapshot of a person or an event after a change: who, which engine, when and why."""

    object_type = models.CharField(max_length=16, choices=VersionedType.choices)
    object_id = models.BigIntegerField()
    snapshot = models.JSONField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    engine = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    why = models.TextField(blank=True, default="")

    class Meta:
        indexes = (models.Index(fields=["object_type", "object_id"], name="version_object"),)
        ordering = ("created_at", "id")


class Feed(models.Model):  # type: ignore[misc]
    url = models.TextField(unique=True)
    title = models.TextField(blank=True, default="")
    added_at = models.DateTimeField(auto_now_add=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True, default="")

    def __str__(self) -> str:
        return str(self.url)


class FeedItemState(models.TextChoices):  # type: ignore[misc]
    PENDING = "pending"
    STORED = "stored"
    FAILED = "failed"


class FeedItem(models.Model):  # type: ignore[misc]
    """A feed entry to capture; `pending` rows are what a restarted worker picks up again."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    url = models.TextField()
    entry_id = models.TextField(blank=True, default="")
    title = models.TextField(blank=True, default="")
    published = models.DateField(null=True, blank=True)
    state = models.CharField(
        max_length=16, choices=FeedItemState.choices, default=FeedItemState.PENDING
    )
    report = models.ForeignKey(
        Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    error = models.TextField(blank=True, default="")
    attempts = models.PositiveIntegerField(default=0)
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["feed", "url"], name="feeditem_unique_per_feed"),
        )
        indexes = (models.Index(fields=["state"], name="feeditem_state"),)


class BlockingKey(models.Model):  # type: ignore[misc]
    """One blocking key of one person (habeas.identity.blocking), so candidates are one lookup."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="blocking_keys")
    key = models.CharField(max_length=32)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["person", "key"], name="blockingkey_unique_per_person"),
        )
        indexes = (models.Index(fields=["key"], name="blockingkey_key"),)


class PersonNames(models.Model):  # type: ignore[misc]
    """A current person's name words, folded, and their sound keys, for name search.

    Written by habeas.web.store.name_search.index_names wherever names change;
    searched through the FTS5 table or trigram indexes of 0007_search_index.
    """

    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    words = models.TextField(default="")  # " w1 w2 …": each word once, a space before each
    sounds = models.TextField(default="")  # " s1 s2 …": the words' loose phonetic keys


class Verdict(models.TextChoices):  # type: ignore[misc]
    SAME = "same"
    DIFFERENT = "different"
    UNSURE = "unsure"


class Judgement(models.Model):  # type: ignore[misc]
    """A decision that two persons are (or may be) one, by a user or an engine, with its reasons.

    Decisions are kept as judgements, never as destructive merges: a `same`
    judgement may come with a Merge, which can be undone.
    """

    person_a = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    verdict = models.CharField(max_length=16, choices=Verdict.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    engine = models.CharField(max_length=64, blank=True, default="")
    reasons = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = (
            models.Index(fields=["person_a", "verdict"], name="judgement_person_a"),
            models.Index(fields=["person_b", "verdict"], name="judgement_person_b"),
        )


class Merge(models.Model):  # type: ignore[misc]
    """One person's file folded into another's: exactly what moved, so an undo can move it back."""

    kept = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    absorbed = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    name_form_ids = models.JSONField(default=list)
    event_ids = models.JSONField(default=list)
    kept_before = models.JSONField()  # the kept person's fields before the merge
    version = models.OneToOneField(
        Version, on_delete=models.CASCADE, related_name="merge"
    )  # the absorbed person's version that records the merge
    judgement = models.ForeignKey(
        Judgement, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    undone_by = models.OneToOneField(
        Version, on_delete=models.SET_NULL, null=True, blank=True, related_name="undid"
    )


CustodyState = models.TextChoices("CustodyState", [(c.name, c.value) for c in CustodyStatus])
# A since day for persons whose status is undated, so they sort last on every database.
UNDATED = dt.date(9999, 12, 31)
# "Compute again at once": earlier than any day a status is computed for.
STALE = dt.date(2000, 1, 1)


class PersonStatus(models.Model):  # type: ignore[misc]
    """A person's custody status and open alerts, kept current by habeas.web.store.status.

    Written in the transaction that changes the person's confirmed facts, and
    again on `look_again_on`, the first day the timeline may answer
    differently (a term ends, a release becomes overdue). Lists, counts and
    the calendar read these rows instead of recomputing every person.
    """

    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, primary_key=True, related_name="custody"
    )
    state = models.CharField(
        max_length=16, choices=CustodyState.choices, default=CustodyStatus.UNKNOWN.value
    )
    since_text = models.CharField(max_length=10, blank=True, default="")  # YYYY[-MM[-DD]]
    since_day = models.DateField(default=UNDATED)  # first day of since_text, for ordering
    expected_release = models.DateField(null=True, blank=True)
    words = models.TextField(blank=True, default="")
    confirmed_events = models.PositiveIntegerField(default=0)
    open_alerts = models.PositiveIntegerField(default=0)
    # What the person page shows under the words: {"alerts": [...], "conflicts": [...]},
    # the engine's messages; None for a row computed before they were kept.
    notes = models.JSONField(null=True, blank=True, default=None)
    computed_on = models.DateField(null=True, blank=True)
    look_again_on = models.DateField(default=STALE)

    class Meta:
        indexes = (
            models.Index(fields=["state", "since_day", "person"], name="status_state_since"),
            models.Index(fields=["look_again_on"], name="status_look_again"),
            models.Index(fields=["state", "expected_release"], name="status_release"),
        )


# ---------------------------------------------------------------- publication (issue 15)
# Nothing is public by default: a person, an event and a report each need an
# editor's mark, kept in these tables (not as columns of the rows they mark, so
# that publishing never rewrites a case file). The confidential fields below
# are encrypted at rest and no public projection ever reads them.


class PublishableField(models.TextChoices):  # type: ignore[misc]
    """The person fields an editor may publish one by one (the name comes with the person)."""

    ROLES = "roles"
    AFFILIATIONS = "affiliations"
    COUNTRY = "country"


class PersonProfile(models.Model):  # type: ignore[misc]
    """A person's publication state and confidential fields (one per person, made on demand).

    The confidential fields are NULL until written, so publishing needs no encryption key.
    """

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="profile")
    public = models.BooleanField(default=False)
    public_fields = models.JSONField(default=list, blank=True)  # PublishableField values
    country = models.CharField(max_length=2, blank=True, default="")  # ISO 3166-1 alpha-2
    health = EncryptedTextField(null=True, blank=True, default=None)
    contacts = EncryptedTextField(null=True, blank=True, default=None)
    lawyer = EncryptedTextField(null=True, blank=True, default=None)
    private_notes = EncryptedTextField(null=True, blank=True, default=None)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = (models.Index(fields=["public"], name="profile_public"),)


class EventPublication(models.Model):  # type: ignore[misc]
    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="publication")
    public = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)


class ReportPublication(models.Model):  # type: ignore[misc]
    """A source report an editor made public: its title, date, publisher and URLs may be linked."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="publication")
    public = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)


class PublicationTarget(models.TextChoices):  # type: ignore[misc]
    PERSON = "person"
    EVENT = "event"
    REPORT = "report"
    SITE = "site"


class PublicationChange(models.Model):  # type: ignore[misc]
    """One publish or unpublish: what, to which state, who and when (never edited)."""

    target = models.CharField(max_length=16, choices=PublicationTarget.choices)
    target_id = models.BigIntegerField()
    public = models.BooleanField()
    fields = models.JSONField(default=list, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    why = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = (models.Index(fields=["target", "target_id"], name="pubchange_target"),)
        ordering = ("created_at", "id")


class SiteSetting(models.Model):  # type: ignore[misc]
    """A setting an admin stores in the database (e.g. `public_site` = `on`)."""

    key = models.CharField(max_length=64, unique=True)
    value = models.TextField(blank=True, default="")
    changed_at = models.DateTimeField(auto_now=True)


class ApiToken(models.Model):  # type: ignore[misc]
    """A secret for the HTTP API with the role it grants; only its SHA-256 is kept."""

    name = models.CharField(max_length=255)
    token_sha256 = models.CharField(max_length=64, unique=True)
    role = models.CharField(max_length=16)  # habeas.web.accounts.roles.Role value
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)


class PrisonerList(models.Model):  # type: ignore[misc]
    """A named list (e.g. "political prisoners") with the criteria its decisions apply."""

    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=255)
    description = models.TextField(blank=True, default="")
    criteria = models.JSONField(default=list)  # [{"key": "a", "text": "..."}]
    public = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.name)


class ListDecisionKind(models.TextChoices):  # type: ignore[misc]
    ADDED = "added"
    REMOVED = "removed"
    RELEASED = "released"


class ListDecision(models.Model):  # type: ignore[misc]
    """One decision about one person on one list; the latest per person is their standing.

    Never edited: a change of mind is a new decision, so the list's history is complete."""

    prisoner_list = models.ForeignKey(
        PrisonerList, on_delete=models.CASCADE, related_name="decisions"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="list_decisions")
    kind = models.CharField(max_length=16, choices=ListDecisionKind.choices)
    criteria_met = models.JSONField(default=list, blank=True)  # keys of the list's criteria
    reasoning = models.TextField()  # internal: never on a public page
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = (models.Index(fields=["prisoner_list", "person"], name="listdecision_person"),)
        ordering = ("decided_on", "id")
