"""Editing an event: the change goes through the store, with who and why in the history."""

from __future__ import annotations

from web_support import client_for, held_story, store


def _detention() -> object:
    from habeas.web.store.models import Event

    return Event.objects.get(type="detention")


def test_an_edit_is_saved_confirmed_and_kept_in_the_history() -> None:
    from habeas.web.store.models import Version

    store(held_story("Zaur Qasimli", "Qasimli"))
    event = _detention()
    form = {
        "type": "detention",
        "date_text": "2025-03",
        "place": "Sumgait",
        "authority": "",
        "detail": "",
        "why": "the report names the town wrongly",
        "confirm": "1",
    }

    response = client_for("bob").post(f"/events/{event.pk}/edit/", form)

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.place, event.date_text, event.date_precision, event.status) == (
        "Sumgait",
        "2025-03",
        "month",
        "confirmed",
    )
    last = Version.objects.filter(object_type="event", object_id=event.pk).last()
    assert (last.user.username, last.why) == ("bob", "the report names the town wrongly")


def test_a_bad_date_is_explained_and_nothing_changes() -> None:
    store(held_story("Zaur Qasimli", "Qasimli"))
    event = _detention()
    before = (event.date_text, event.place)
    form = {"type": "detention", "date_text": "2025-02-30", "place": "X", "why": "typo"}

    response = client_for("bob").post(f"/events/{event.pk}/edit/", form)

    assert response.status_code == 200
    assert "is not a real calendar date" in response.content.decode()
    event.refresh_from_db()
    assert (event.date_text, event.place) == before


def test_a_reason_is_required() -> None:
    store(held_story("Zaur Qasimli", "Qasimli"))
    event = _detention()

    response = client_for("bob").post(
        f"/events/{event.pk}/edit/", {"type": "detention", "date_text": "", "why": ""}
    )

    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
