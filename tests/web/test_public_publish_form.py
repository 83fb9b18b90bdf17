"""The editor's publication form at /publish/person/ID/."""

from __future__ import annotations

from django.test import Client, override_settings
from public_support import encryption_key
from web_support import client_for, confirm_all, held_story, store

__all__ = ["encryption_key"]


@override_settings(HABEAS_PUBLIC_SITE=True)
def test_an_editor_publishes_a_person_their_events_and_a_report_through_the_form() -> None:
    from habeas.web.store.models import Event, Person, PublicationChange

    result = store(held_story("Zaur Qasimli", "Qasimli"))
    confirm_all(result.report_id)
    person = Person.objects.get()
    events = list(Event.objects.filter(person=person))
    bob = client_for("bob")
    form = bob.get(f"/publish/person/{person.pk}/")
    assert form.status_code == 200 and b"Publish this person" in form.content

    data = {"public": "on", "fields": ["roles"], "country": "az", "why": "family agreed"}
    data |= {f"event-{e.pk}": "on" for e in events} | {f"report-{result.report_id}": "on"}
    assert bob.post(f"/publish/person/{person.pk}/", data).status_code == 302

    page = Client().get(f"/public/person/{person.pk}/")
    assert page.status_code == 200 and b"held since" in page.content and b"activist" in page.content
    kinds = sorted(PublicationChange.objects.values_list("target", flat=True))
    assert kinds == ["event"] * len(events) + ["person", "report"]

    # Saving the same choices again records nothing new.
    bob.post(f"/publish/person/{person.pk}/", data)
    assert PublicationChange.objects.count() == len(events) + 2

    bob.post(f"/publish/person/{person.pk}/", {"why": "withdrawn"})
    assert Client().get(f"/public/person/{person.pk}/").status_code == 404
    assert client_for("carol").get(f"/publish/person/{person.pk}/").status_code == 403
