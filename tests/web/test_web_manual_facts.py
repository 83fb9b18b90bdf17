"""Facts by hand: add a person, an event with every field, a charge and a quoted source;
correct, move and split events. Each is attributed, versioned and all or nothing."""

from __future__ import annotations

from typing import Any

from web_support import client_for, day, held_story, store, user, words

TWO = (
    "Police in Baku detained activist Zaur Qasimli on 3 March 2025. "
    "Police in Baku detained journalist Rena Abbasova on 3 March 2025. "
    "The Sabail District Court sentenced Abbasova to 30 days of administrative detention.\n"
)


def _person(name: str) -> Any:
    from habeas.web.store.models import Person

    return Person.objects.get(display_name=name)


def _event_form(**extra: str) -> dict[str, str]:
    form = {
        "type": "sentence",
        "date_text": "",
        "place": "",
        "authority": "",
        "penalty_kind": "",
        "penalty_term": "",
        "penalty_unit": "days",
        "penalty_amount": "",
        "penalty_currency": "",
        "charges": "",
        "duration_hours": "",
        "outcome": "",
        "detail": "",
        "why": "the extractor missed it",
    }
    return form | extra


def test_an_editor_adds_a_person_with_roles_and_the_history_names_them() -> None:
    from habeas.web.store.models import BlockingKey, Version

    response = client_for("bob").post(
        "/persons/add/",
        {"name": "  Ilaha   Mirzayeva ", "roles": "activist, Opposition member", "why": "named"},
    )

    person = _person("Ilaha Mirzayeva")
    assert response.status_code == 302 and response["Location"] == f"/persons/{person.pk}/"
    assert person.roles == ["activist", "opposition_member"]
    assert person.confidential
    assert list(person.name_forms.values_list("name", "script")) == [("Ilaha Mirzayeva", "latin")]
    assert BlockingKey.objects.filter(person=person).exists()  # search and identity find it
    version = Version.objects.get(object_type="person", object_id=person.pk)
    assert (version.user.username, version.why) == ("bob", "named")
    page = client_for("carol").get(f"/persons/{person.pk}/").content.decode()
    assert "activist, opposition member" in page and "opposition_member" not in page


def test_a_viewer_cannot_add_anything() -> None:
    from habeas.web.store.models import Person

    store(held_story("Zaur Qasimli", "Qasimli"))
    person = _person("Zaur Qasimli")
    carol = client_for("carol")

    assert carol.post("/persons/add/", {"name": "Nobody Here"}).status_code == 403
    assert carol.post(f"/persons/{person.pk}/events/add/", {}).status_code == 403
    assert Person.objects.count() == 1


def test_an_event_with_every_field_and_a_quoted_source_is_confirmed_as_its_author() -> None:
    from habeas.web.store.models import Version

    result = store(held_story("Zaur Qasimli", "Qasimli", days_ago=5))
    person = _person("Zaur Qasimli")
    form = _event_form(
        type="sentence",
        date_text=str(day(4)),
        place="Baku",
        authority="Sabail District Court",
        penalty_kind="administrative_detention",
        penalty_term="30",
        charges="petty hooliganism (art. 296 CAO)\ndisobeying the police",
        duration_hours="2",
        detail="hearing took two hours",
    )
    form = {f"event-{k}": v for k, v in form.items()} | {
        "source-report": str(result.report_id),
        "source-quote": "the Sabail  District Court sentenced Qasimli",  # spacing differs
        "source-field": "authority",
    }

    response = client_for("bob").post(f"/persons/{person.pk}/events/add/", form)

    assert response.status_code == 302, response.content.decode()[:2000]
    event = person.events.get(made_by_user__username="bob")
    assert event.status == "confirmed"
    assert event.penalty == {"kind": "administrative_detention", "days": 30}
    assert event.charges == [
        {"label": "petty hooliganism", "article": "296", "code": "CAO"},
        {"label": "disobeying the police"},
    ]
    assert (event.duration_hours, event.date_precision, event.place) == (2.0, "day", "Baku")
    (evidence,) = event.evidence.all()
    assert (evidence.field, evidence.added_by.username) == ("authority", "bob")
    assert evidence.quote == "the Sabail District Court sentenced Qasimli"
    assert Version.objects.get(object_type="event", object_id=event.pk).user.username == "bob"
    page = client_for("carol").get(f"/persons/{person.pk}/").content.decode()
    assert "entered by bob" in page
    assert f"held since {words(day(4))}, 30-day administrative detention" in page


def test_a_quote_not_in_the_report_stores_nothing() -> None:
    result = store(held_story("Zaur Qasimli", "Qasimli"))
    person = _person("Zaur Qasimli")
    before = person.events.count()
    form = {f"event-{k}": v for k, v in _event_form(type="release").items()} | {
        "source-report": str(result.report_id),
        "source-quote": "words that are nowhere",
    }

    response = client_for("bob").post(f"/persons/{person.pk}/events/add/", form)

    assert response.status_code == 200
    assert f"the quote is not in report #{result.report_id}" in response.content.decode()
    assert person.events.count() == before


def test_a_term_without_a_kind_of_penalty_is_refused() -> None:
    person = _person_made("Samir Guliyev")
    form = {f"event-{k}": v for k, v in _event_form(penalty_term="10").items()}

    response = client_for("bob").post(f"/persons/{person.pk}/events/add/", form)

    assert "Choose the kind of penalty" in response.content.decode()
    assert not person.events.exists()


def _person_made(name: str) -> Any:
    from habeas.web.store import manual

    return manual.add_person(name, user=user("bob"), why="test")


def test_editing_penalty_and_charges_of_a_suggestion() -> None:
    store(held_story("Zaur Qasimli", "Qasimli"))
    event = _person("Zaur Qasimli").events.get(type="sentence")
    page = client_for("bob").get(f"/events/{event.pk}/edit/").content.decode()
    assert 'value="petty hooliganism"' not in page  # charges are a textarea
    assert ">\npetty hooliganism</textarea>" in page

    form = _event_form(
        type="sentence",
        date_text=event.date_text,
        authority=event.authority,
        penalty_kind="administrative_detention",
        penalty_term="15",
        charges="petty hooliganism (art. 296 CAO)",
        person=str(event.person_id),
        why="the report says 15 days",
    )
    response = client_for("bob").post(f"/events/{event.pk}/edit/", form | {"confirm": "1"})

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.penalty == {"kind": "administrative_detention", "days": 15}
    assert event.charges == [{"label": "petty hooliganism", "article": "296", "code": "CAO"}]
    assert event.status == "confirmed"


def test_an_event_moves_to_another_person_of_its_report_with_its_evidence() -> None:
    from habeas.web.store.models import Version

    store(TWO)
    zaur, rena = _person("Zaur Qasimli"), _person("Rena Abbasova")
    event = rena.events.get(type="sentence")
    evidence = list(event.evidence.values_list("pk", flat=True))
    page = client_for("bob").get(f"/events/{event.pk}/edit/").content.decode()
    assert f'<option value="{zaur.pk}">Zaur Qasimli (#{zaur.pk})</option>' in page

    form = _event_form(
        type="sentence",
        authority=event.authority,
        penalty_kind="administrative_detention",
        penalty_term="30",
        person=str(zaur.pk),
        why="the sentence was Qasimli's",
    )
    response = client_for("bob").post(f"/events/{event.pk}/edit/", form)

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.person_id == zaur.pk
    assert list(event.evidence.values_list("pk", flat=True)) == evidence
    moves = Version.objects.filter(object_type="event", object_id=event.pk, user__username="bob")
    assert {v.snapshot["person_id"] for v in moves} == {zaur.pk}


def test_an_event_cannot_move_to_someone_its_report_does_not_mention() -> None:
    from habeas.errors import InputError
    from habeas.web.store import manual

    store(held_story("Zaur Qasimli", "Qasimli"))
    stranger = _person_made("Samir Guliyev")
    event = _person("Zaur Qasimli").events.first()

    try:
        manual.move_event(event, stranger, user=user("bob"), why="test")
    except InputError as exc:
        assert "not mentioned in the report" in str(exc)
    else:
        raise AssertionError("the move was allowed")
    event.refresh_from_db()
    assert event.person.display_name == "Zaur Qasimli"


def test_splitting_a_suggestion_gives_a_second_event_with_the_same_evidence() -> None:
    store(held_story("Zaur Qasimli", "Qasimli"))
    event = _person("Zaur Qasimli").events.get(type="detention")
    form = _event_form(type="protest", date_text=event.date_text, why="a protest, then arrest")

    response = client_for("bob").post(f"/events/{event.pk}/split/", form)

    assert response.status_code == 302
    new = _person("Zaur Qasimli").events.get(type="protest")
    assert new.status == "suggested"  # a part of a suggestion is still one
    assert [e.quote for e in new.evidence.all()] == [e.quote for e in event.evidence.all()]
    event.refresh_from_db()
    assert event.type == "detention"


def test_a_charge_and_a_source_for_one_field_are_added_and_highlighted() -> None:
    result = store(held_story("Zaur Qasimli", "Qasimli"))
    event = _person("Zaur Qasimli").events.get(type="detention")
    bob = client_for("bob")

    bob.post(f"/events/{event.pk}/charges/", {"charge-charge": "hooliganism (art. 221.1 CC)"})
    bob.post(f"/events/{event.pk}/charges/", {"charge-charge": "hooliganism (art. 221.1 CC)"})
    bob.post(
        f"/events/{event.pk}/sources/",
        {
            "source-report": str(result.report_id),
            "source-quote": "30 days of administrative detention",
            "source-field": "penalty",
        },
    )

    event.refresh_from_db()
    assert event.charges == [{"label": "hooliganism", "article": "221.1", "code": "CC"}]
    page = bob.get(f"/events/{event.pk}/edit/").content.decode()
    assert '<mark class="evidence" data-evidence="penalty" title="penalty">30 days of' in page
    assert '<mark class="evidence" data-evidence="event" title="event">Police in Baku' in page
