"""Political-prisoner lists: criteria (PACE 1900 (2012) template), decisions, history, pages."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client, override_settings
from public_support import SECRETS, body, encryption_key, leaks, plant
from web_support import user

from habeas.errors import InputError

__all__ = ["encryption_key"]
REASONING = "SECRET-REASONING-a17"


def _list_with_both(public: bool = True) -> tuple[object, int, int]:
    from habeas.web.public import prisoner_lists as pl
    from habeas.web.store.models import Person

    planted = plant()
    plist = pl.create_list("political-prisoners", "Political prisoners", template="pace-1900")
    plist.public = public
    plist.save()
    for pid in (planted.public_id, planted.private_id):
        pl.decide(
            plist,
            Person.objects.get(pk=pid),
            "added",
            criteria_met=["a", "e"],
            reasoning=REASONING,
            user=user("bob"),
            decided_on=dt.date(2025, 3, 10),
        )
    return plist, planted.public_id, planted.private_id


def test_the_pace_template_has_its_five_criteria_and_decisions_are_checked() -> None:
    from habeas.web.public import prisoner_lists as pl

    plist, zaur, _ = _list_with_both()
    from habeas.web.store.models import Person

    person = Person.objects.get(pk=zaur)
    assert [c["key"] for c in plist.criteria] == ["a", "b", "c", "d", "e"]
    with pytest.raises(InputError, match="at least one criterion"):
        pl.decide(plist, person, "added", reasoning="x")
    with pytest.raises(InputError, match="no criteria z"):
        pl.decide(plist, person, "added", criteria_met=["z"], reasoning="x")
    with pytest.raises(InputError, match="reasoning"):
        pl.decide(plist, person, "removed", reasoning=" ")


def test_standing_is_the_latest_decision_and_the_history_is_kept() -> None:
    from habeas.web.public import prisoner_lists as pl
    from habeas.web.store.models import Person

    plist, zaur, rena = _list_with_both()
    pl.decide(
        plist,
        Person.objects.get(pk=zaur),
        "released",
        reasoning="freed",
        user=user("bob"),
        decided_on=dt.date(2025, 5, 2),
    )

    assert set(pl.members(plist)) == {rena}
    assert [d.kind for d in plist.decisions.filter(person_id=zaur)] == ["added", "released"]
    counts = pl.counts_over_time(plist, today=dt.date(2025, 6, 1))
    assert [(c.month, c.members) for c in counts] == [
        ("2025-03", 2),
        ("2025-04", 2),
        ("2025-05", 1),
        ("2025-06", 1),
    ]


@override_settings(HABEAS_PUBLIC_SITE=True)
def test_the_public_list_shows_published_members_with_criteria_never_reasoning_or_who() -> None:
    _list_with_both()
    client = Client()
    page = body(client.get("/public/lists/political-prisoners/"))

    assert "Zaur Qasimli" in page and "criteria met" in page
    assert REASONING not in page and "bob" not in page
    assert leaks(page) == []  # Rena is on the list but not published
    assert "Political prisoners" in body(client.get("/public/lists/"))
    api = json.loads(client.get("/api/lists/political-prisoners").content)
    assert [p["name"] for p in api["items"]] == ["Zaur Qasimli"]
    counts = {x["name"]: x["count"] for x in json.loads(client.get("/api/lists").content)}
    assert counts["political-prisoners"] == 1
    assert REASONING not in body(client.get("/api/lists/political-prisoners"))


@override_settings(HABEAS_PUBLIC_SITE=True)
def test_a_list_not_marked_public_is_not_shown() -> None:
    _list_with_both(public=False)
    client = Client()

    assert client.get("/public/lists/political-prisoners/").status_code == 404
    assert client.get("/api/lists/political-prisoners").status_code == 404
    assert SECRETS["unpublished_person"] not in body(client.get("/public/lists/"))


def test_lists_cli(capsys: pytest.CaptureFixture[str]) -> None:
    from habeas.cli.main import main

    planted = plant()
    assert main(["lists", "create", "pp", "Political prisoners", "--public"]) == 0
    args = ["lists", "decide", "pp", str(planted.public_id), "added", "--criteria", "a"]
    assert main([*args, "--why", "jailed for reporting", "--on", "2025-03-10"]) == 0
    assert main(["lists", "show", "pp"]) == 0
    out = capsys.readouterr().out
    assert "1 members" in out and "2025-03-10\tadded" in out
    assert main(["lists", "decide", "pp", str(planted.public_id), "added", "--why", "x"]) == 2


@override_settings(HABEAS_PUBLIC_SITE=True)
def test_a_public_list_is_paged(monkeypatch: pytest.MonkeyPatch) -> None:
    from habeas.web.public import views
    from habeas.web.public.publishing import set_person_public
    from habeas.web.store.models import Person

    _, _, rena = _list_with_both()
    set_person_public(Person.objects.get(pk=rena), True, user=user("bob"))
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    client = Client()

    first = body(client.get("/public/lists/political-prisoners/"))
    assert "2 persons on the list" in first and "page 1 of 2" in first
    assert "Rena Abbasova" in first and "Zaur Qasimli" not in first
    second = body(client.get("/public/lists/political-prisoners/?page=2"))
    assert "Zaur Qasimli" in second and "Rena Abbasova" not in second
