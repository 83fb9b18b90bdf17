"""The review queue: suggestions beside their escaped evidence; one-click decisions, versioned."""

from __future__ import annotations

from web_support import client_for, held_story, store

SCRIPTED = (
    "Police in Baku detained activist Zaur Qasimli on 3 March 2025 at a picket. "
    "<script>alert('x')</script> Witnesses said officers hit him.\n"
)


def _event(type_: str = "detention") -> object:
    from habeas.web.store.models import Event

    return Event.objects.filter(type=type_).first()


def test_the_evidence_sentence_is_marked_inside_the_report_text() -> None:
    store(held_story("Zaur Qasimli", "Qasimli"))
    event = _event()

    page = client_for("bob").get("/review/").content.decode()

    assert (
        f'<mark class="evidence" data-evidence="event-{event.pk}" title="event-{event.pk}">'
        "Police in Baku detained activist Zaur Qasimli" in page
    )
    assert "1 suggestion" not in page  # two were made: detention and sentence
    assert "2 suggestions waiting" in page


def test_report_text_is_escaped_never_run() -> None:
    store(SCRIPTED)

    page = client_for("bob").get("/review/").content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_confirming_with_htmx_returns_the_updated_card_and_records_who() -> None:
    from habeas.web.store.models import Version

    store(held_story("Zaur Qasimli", "Qasimli"))
    event = _event()

    response = client_for("bob").post(f"/events/{event.pk}/confirm/", HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    card = response.content.decode()
    assert card.lstrip().startswith(f'<article class="suggestion" id="event-{event.pk}"')
    assert '<span class="state confirmed">confirmed</span>' in card
    last = Version.objects.filter(object_type="event", object_id=event.pk).last()
    assert (last.user.username, last.snapshot["status"]) == ("bob", "confirmed")
    assert last.why == "confirmed in the review queue"


def test_rejecting_without_javascript_redirects_back_with_a_message() -> None:
    store(held_story("Zaur Qasimli", "Qasimli"))
    event = _event()

    response = client_for("bob").post(f"/events/{event.pk}/reject/", follow=True)

    assert response.redirect_chain[-1][0] == "/review/"
    assert f"Event #{event.pk} of Zaur Qasimli rejected." in response.content.decode()
    event.refresh_from_db()
    assert event.status == "rejected"


def test_a_decision_needs_post_and_a_known_action() -> None:
    store(held_story("Zaur Qasimli", "Qasimli"))
    event = _event()
    client = client_for("bob")

    assert client.get(f"/events/{event.pk}/confirm/").status_code == 405
    assert client.post(f"/events/{event.pk}/approve/").status_code == 400
    assert client.post("/events/999999/confirm/").status_code == 404


def test_the_csrf_token_is_required() -> None:
    from django.test import Client
    from web_support import user

    store(held_story("Zaur Qasimli", "Qasimli"))
    client = Client(enforce_csrf_checks=True)
    client.force_login(user("bob"))

    response = client.post(f"/events/{_event().pk}/confirm/")

    assert response.status_code == 403


def test_decided_events_leave_the_queue() -> None:
    store(held_story("Zaur Qasimli", "Qasimli"))
    client = client_for("bob")
    for event in __import__("habeas.web.store.models", fromlist=["Event"]).Event.objects.all():
        client.post(f"/events/{event.pk}/confirm/")

    page = client.get("/review/").content.decode()

    assert "Nothing to review" in page
