"""Every change to a person or event is kept, and any version can be restored."""

from __future__ import annotations

import pytest
from fictional_extractor import FixedNameExtractor

from habeas.errors import InputError

TEXT = "Officers detained Ruslan Ostapchuk outside the court."


@pytest.fixture
def editor():  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import User

    return User.objects.create_user("alice")


def _stored_event():  # type: ignore[no-untyped-def]
    from habeas.web.store.models import Event
    from habeas.web.store.services import ingest_text

    ingest_text(TEXT, name="t.txt", extractor=FixedNameExtractor())
    return Event.objects.get()


def test_the_engine_writes_the_first_version(editor) -> None:  # type: ignore[no-untyped-def]
    from habeas.web.store.services import history

    event = _stored_event()

    (first,) = history(event)
    assert first.engine == "test.fixed-names.v1"
    assert first.user is None
    assert first.snapshot["status"] == "suggested"
    assert first.snapshot["type"] == "detention"
    assert len(history(event.person)) == 1


def test_confirming_an_event_records_who_and_why(editor) -> None:  # type: ignore[no-untyped-def]
    from habeas.web.store.models import EventStatus
    from habeas.web.store.services import history, set_event_status

    event = _stored_event()
    set_event_status(event, EventStatus.CONFIRMED, user=editor, why="matches the court record")

    event.refresh_from_db()
    assert event.status == EventStatus.CONFIRMED
    latest = history(event)[-1]
    assert (latest.user, latest.why) == (editor, "matches the court record")
    assert latest.snapshot["status"] == "confirmed"


def test_restore_brings_back_an_old_version_as_a_new_one(editor) -> None:  # type: ignore[no-untyped-def]
    from habeas.web.store.models import EventStatus
    from habeas.web.store.services import edit_event, history, restore, set_event_status

    event = _stored_event()
    edit_event(event, {"place": "Central district"}, user=editor, why="added the place")
    set_event_status(event, EventStatus.REJECTED, user=editor, why="wrong person")
    original = history(event)[0]

    restore(original, user=editor, why="rejected by mistake")

    event.refresh_from_db()
    assert (event.status, event.place) == (EventStatus.SUGGESTED, "")
    versions = history(event)
    assert len(versions) == 4
    assert versions[-1].why == "rejected by mistake"
    assert versions[-1].snapshot == original.snapshot


def test_a_person_edit_is_versioned_and_unknown_fields_are_refused(editor) -> None:  # type: ignore[no-untyped-def]
    from habeas.web.store.services import edit_person, history

    person = _stored_event().person
    edit_person(person, {"confidential": False}, user=editor, why="family consented")

    assert [v.snapshot["confidential"] for v in history(person)] == [True, False]
    with pytest.raises(InputError, match="cannot be changed by hand: id"):
        edit_person(person, {"id": 99}, user=editor, why="no")
    assert len(history(person)) == 2
