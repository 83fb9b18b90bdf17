"""The lists of detained, missing and recently released people, from confirmed events only."""

from __future__ import annotations

from web_support import client_for, confirm_all, day, held_story, store, words

RELEASED = (
    "Police in Ganja detained blogger Samir Guliyev on {d1}. Samir Guliyev was released on {d2}.\n"
)
MISSING = (
    "Journalist Ilaha Mirzayeva was detained in Baku on {d1}. Since then her whereabouts are "
    "unknown, her family said.\n"
)


def _names(path: str) -> str:
    return client_for("carol").get(path).content.decode()


def test_each_person_is_on_the_list_of_their_status() -> None:
    for text in (
        held_story("Zaur Qasimli", "Qasimli"),
        RELEASED.format(d1=words(day(20)), d2=words(day(18))),
        MISSING.format(d1=words(day(6))),
    ):
        confirm_all(store(text, name=text[:20]).report_id)

    detained, missing, released = (
        _names(f"/lists/{w}/") for w in ("detained", "missing", "released")
    )

    assert "Zaur Qasimli" in detained and "Samir Guliyev" not in detained
    assert "Ilaha Mirzayeva" in missing and "Zaur Qasimli" not in missing
    assert "Samir Guliyev" in released and "Ilaha Mirzayeva" not in released


def test_suggestions_alone_put_nobody_on_a_list() -> None:
    store(held_story("Zaur Qasimli", "Qasimli"))

    assert "No one on this list" in _names("/lists/detained/")


def test_filters_narrow_the_list() -> None:
    confirm_all(store(held_story("Zaur Qasimli", "Qasimli", court="Sabail"), name="a").report_id)
    confirm_all(store(held_story("Rena Abbasova", "Abbasova", court="Yasamal"), name="b").report_id)

    by_court = _names("/lists/detained/?authority=yasamal")
    by_role = _names("/lists/detained/?role=journalist")
    by_charge = _names("/lists/detained/?charge=hooliganism")
    by_date = _names(f"/lists/detained/?date_from={day(2).isoformat()}")

    assert "Rena Abbasova" in by_court and "Zaur Qasimli" not in by_court
    assert "No one on this list" in by_role  # both are activists
    assert "Rena Abbasova" in by_charge and "Zaur Qasimli" in by_charge
    assert "No one on this list" in by_date  # both events are older


def test_an_unknown_list_is_a_404() -> None:
    assert client_for("carol").get("/lists/everyone/").status_code == 404
