"""Alerts in the navigation with their count, kept current by facts entered by hand, and the
person page's way to support tracking."""

from __future__ import annotations

from web_support import client_for, day, user

from habeas import model


def test_a_sentence_entered_by_hand_that_has_ended_shows_an_alert_in_the_navigation() -> None:
    from habeas.web.alerts.models import Alert
    from habeas.web.store import manual

    bob = user("bob")
    person = manual.add_person("Ilaha Mirzayeva", roles=["activist"], user=bob, why="test")
    start = model.PartialDate(day(20).year, day(20).month, day(20).day)
    manual.add_event(
        person, model.Event(type=model.EventType.DETENTION, date=start), user=bob, why="t"
    )
    nav_before = client_for("carol").get("/persons/").content.decode()
    sentence = model.Event(
        type=model.EventType.SENTENCE,
        date=start,
        penalty=model.Penalty(model.PenaltyKind.ADMINISTRATIVE_DETENTION, days=5),
    )

    manual.add_event(person, sentence, user=bob, why="t")  # release was due 15 days ago

    assert Alert.objects.filter(person=person, state="open").exists()  # no command was run
    nav = client_for("carol").get("/persons/").content.decode()
    assert "data-alert-count>" not in nav_before
    assert '<span class="badge" data-alert-count>1</span>' in nav
    assert 'href="/alerts/" data-nav="alerts"' in nav


def test_the_person_page_links_to_support_tracking() -> None:
    from habeas.web.store import manual

    person = manual.add_person("Samir Guliyev", user=user("bob"), why="test")

    page = client_for("carol").get(f"/persons/{person.pk}/").content.decode()

    assert f'href="/alerts/person/{person.pk}/support/" data-link="support"' in page


def test_a_report_offers_to_add_a_person_it_names() -> None:
    from web_support import held_story, store

    result = store(held_story("Zaur Qasimli", "Qasimli"))

    page = client_for("bob").get(f"/reports/{result.report_id}/").content.decode()
    form = client_for("bob").get(f"/persons/add/?report={result.report_id}").content.decode()

    assert f'href="/persons/add/?report={result.report_id}"' in page
    assert f'name="report" value="{result.report_id}"' in form
    assert "Add a person this report names" not in (
        client_for("carol").get(f"/reports/{result.report_id}/").content.decode()
    )
