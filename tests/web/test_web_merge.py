"""Who is who in the web app: "possibly the same as …", merge, "not the same", undo, roles.

Every person here is invented. Reports go through the store's real ingest
service with a small extractor reading "NAME, ROLE, was detained in PLACE."
so two spellings of one name arrive as two persons the engine is unsure of.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from web_support import client_for, user

from habeas.model import Event, EventType, Extraction, Person, Report

_LINE = re.compile(r"(?P<name>[^,.]+), (?P<role>\w+), was detained in (?P<place>[^.]+)\.")
LATIN = "Zamira Qodirova, journalist, was detained in Yashil."
CYRILLIC = "Замира Кодирова, blogger, was detained in Tepa."


class LineExtractor:
    version = "test.lines.v1"

    def extract(self, report: Report) -> Extraction:
        persons = tuple(
            Person(
                name=m["name"].strip(),
                roles=(m["role"],),
                events=(
                    Event(
                        type=EventType.DETENTION, place=m["place"], evidence=(m.start(), m.end())
                    ),
                ),
            )
            for m in _LINE.finditer(report.text)
        )
        return Extraction(doc_id=report.doc_id, persons=persons, engine=self.version)


def _ingest(text: str) -> int:
    from habeas.web.store.services import ingest_text

    return int(
        ingest_text(text, name=f"{abs(hash(text))}.txt", extractor=LineExtractor()).report_id
    )


def _id(name: str) -> int:
    from habeas.web.store.models import Person as Row

    return int(Row.objects.get(name_forms__name=name).pk)


@pytest.fixture
def pair() -> tuple[int, int]:
    """Two persons the engine thinks possibly the same: (Latin spelling, Cyrillic spelling)."""
    _ingest(LATIN)
    _ingest(CYRILLIC)
    latin, cyrillic = _id("Zamira Qodirova"), _id("Замира Кодирова")
    assert latin != cyrillic
    return latin, cyrillic


def _state() -> dict[str, Any]:
    """Everything a merge may change, to compare before and after."""
    from habeas.web.store.models import Event as EventRow
    from habeas.web.store.models import Merge, NameForm
    from habeas.web.store.models import Person as Row

    return {
        "persons": sorted(
            Row.objects.values_list("pk", "display_name", "merged_into_id", "roles", "affiliations")
        ),
        "forms": sorted(NameForm.objects.values_list("pk", "person_id", "name")),
        "events": sorted(EventRow.objects.values_list("pk", "person_id")),
        "merges": Merge.objects.count(),
    }


def _page(client: Any, person_id: int) -> str:
    response = client.get(f"/persons/{person_id}/", follow=True)
    assert response.status_code == 200
    return str(response.content.decode())


def _merge(client: Any, kept: int, absorbed: Any, why: str = "same journalist, same photo") -> Any:
    return client.post(f"/persons/{kept}/merge/", {"absorbed": absorbed, "why": why}, follow=True)


def test_the_person_page_offers_the_possible_match_with_its_reasons(pair: tuple[int, int]) -> None:
    latin, cyrillic = pair

    page = _page(client_for("bob"), cyrillic)

    assert "Possibly the same as" in page
    assert f'href="/persons/{latin}/">Zamira Qodirova</a>' in page
    assert "matches &#x27;Zamira Qodirova&#x27;" in page  # the reason: which forms matched
    assert "Merge into this file" in page and "Not the same" in page


def test_a_viewer_sees_the_match_and_the_merges_but_no_buttons(pair: tuple[int, int]) -> None:
    from habeas.web.store.merges import merge_persons

    latin, cyrillic = pair
    carol = client_for("carol")
    before = _page(carol, latin)
    merge_persons(latin, cyrillic, why="same newsroom", user=user("bob"))
    after = _page(carol, latin)

    assert "Замира Кодирова" in before and "Merge into this file" not in before
    assert "Not the same" not in before and "Merge another person" not in before
    assert "merged Замира Кодирова" in after and "by bob, same newsroom" in after
    assert 'data-action="undo"' not in after


def test_an_editor_merges_and_the_file_holds_both_names_and_events(pair: tuple[int, int]) -> None:
    latin, cyrillic = pair

    response = _merge(client_for("bob"), latin, cyrillic, why="same journalist, same photo")
    page = response.content.decode()

    assert response.redirect_chain[-1][0] == f"/persons/{latin}/"
    assert "Merged Замира Кодирова" in page
    assert "Zamira Qodirova <span" in page and "Замира Кодирова <span" in page
    assert "“Zamira Qodirova, journalist, was detained in Yashil.”" in page
    assert "“Замира Кодирова, blogger, was detained in Tepa.”" in page
    assert "merged Замира Кодирова (#" in page
    assert "into Zamira Qodirova — by bob, same journalist, same photo" in page
    assert 'data-action="undo"' in page
    assert f'data-possible="{cyrillic}"' not in page  # settled: no longer offered


def test_the_absorbed_persons_address_leads_to_the_kept_file(pair: tuple[int, int]) -> None:
    latin, cyrillic = pair
    bob = client_for("bob")
    _merge(bob, latin, cyrillic)

    response = client_for("carol").get(f"/persons/{cyrillic}/", follow=True)

    assert response.redirect_chain == [(f"/persons/{latin}/", 302)]
    assert f"Замира Кодирова (#{cyrillic}) was merged into this file." in response.content.decode()


def test_undo_restores_both_persons_exactly(pair: tuple[int, int]) -> None:
    from habeas.web.store.models import Merge

    latin, cyrillic = pair
    before = _state()
    bob = client_for("bob")
    _merge(bob, latin, cyrillic)
    merged = _state()
    version = Merge.objects.get().version_id

    response = bob.post(f"/merges/{version}/undo/", {"why": "two cousins"}, follow=True)
    after = _state()

    assert merged["forms"] != before["forms"]
    assert {k: v for k, v in after.items() if k != "merges"} == {
        k: v for k, v in before.items() if k != "merges"
    }
    assert response.redirect_chain[-1][0] == f"/persons/{latin}/"
    page = response.content.decode()
    assert "Merge undone" in page and "Замира Кодирова <span" not in page
    assert "undone</span>" in page
    assert "Замира Кодирова <span" in _page(bob, cyrillic)


def test_an_undone_merge_cannot_be_undone_twice(pair: tuple[int, int]) -> None:
    from habeas.web.store.models import Merge

    latin, cyrillic = pair
    bob = client_for("bob")
    _merge(bob, latin, cyrillic)
    version = Merge.objects.get().version_id
    bob.post(f"/merges/{version}/undo/", {"why": "two cousins"})
    before = _state()

    page = bob.post(f"/merges/{version}/undo/", {"why": "again"}, follow=True).content.decode()

    assert "Nothing was undone: The merge of version" in page and "already undone" in page
    assert _state() == before


def test_not_the_same_records_a_judgement_and_drops_the_suggestion(
    pair: tuple[int, int],
) -> None:
    from habeas.web.store.models import Judgement

    latin, cyrillic = pair
    before = _state()

    response = client_for("bob").post(
        f"/persons/{cyrillic}/not-same/", {"other": latin}, follow=True
    )

    different = Judgement.objects.get(verdict="different")
    assert {different.person_a_id, different.person_b_id} == {latin, cyrillic}
    assert different.user.username == "bob"
    page = response.content.decode()
    assert "Recorded: not the same as person" in page
    assert f'data-possible="{latin}"' not in page
    assert _state() == before  # nothing merged


@pytest.mark.parametrize(
    ("what", "form", "message"),
    [
        ("itself", {"absorbed": "SELF", "why": "x"}, "cannot be merged with itself"),
        ("empty reason", {"absorbed": "OTHER", "why": "   "}, "a merge needs a reason"),
        ("unknown id", {"absorbed": "424242", "why": "x"}, "There is no person #424242."),
        ("no number", {"absorbed": "abc", "why": "x"}, "Choose the other person by their number"),
        ("merged person", {"absorbed": "MERGED", "why": "x"}, "is already merged into"),
    ],
)
def test_bad_merges_say_why_and_change_nothing(
    pair: tuple[int, int], what: str, form: dict[str, str], message: str
) -> None:
    from habeas.web.store.merges import merge_persons

    latin, cyrillic = pair
    _ingest("Zamira Qodirova, teacher, was detained in Olot.")
    (third,) = [p for p in _ids_named("Zamira Qodirova") if p != latin]  # a namesake
    if what == "merged person":
        merge_persons(latin, third, why="setup", user=user("bob"))
    before = _state()
    value = {"SELF": str(cyrillic), "OTHER": str(latin), "MERGED": str(third)}.get(
        form["absorbed"], form["absorbed"]
    )

    response = _merge(client_for("bob"), cyrillic, value, why=form["why"])

    page = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was merged:" in page and message in page
    assert _state() == before


def _ids_named(name: str) -> list[int]:
    from habeas.web.store.models import NameForm

    return sorted(NameForm.objects.filter(name=name).values_list("person_id", flat=True))


def test_merging_into_an_unknown_person_is_a_message(pair: tuple[int, int]) -> None:
    latin, _ = pair
    before = _state()

    response = _merge(client_for("bob"), 424242, latin)

    assert response.redirect_chain[-1][0] == "/persons/"
    assert "Nothing was merged: There is no person #424242." in response.content.decode()
    assert _state() == before


@pytest.mark.parametrize("who", ["carol", "dave"])
def test_only_editors_may_merge_judge_or_undo(pair: tuple[int, int], who: str) -> None:
    from habeas.web.store.merges import merge_persons
    from habeas.web.store.models import Judgement

    latin, cyrillic = pair
    _ingest("Rustam Valiyev, poet, was detained in Tepa.")
    poet = _id("Rustam Valiyev")
    merge = merge_persons(latin, poet, why="setup", user=user("alice"))
    before, judgements = _state(), Judgement.objects.count()
    client = client_for(who)

    answers = [
        _merge(client, latin, cyrillic).status_code,
        client.post(f"/persons/{latin}/not-same/", {"other": cyrillic}).status_code,
        client.post(f"/merges/{merge.version_id}/undo/", {"why": "no"}).status_code,
    ]

    assert answers == [403, 403, 403]
    assert _state() == before and Judgement.objects.count() == judgements


def test_the_merge_page_finds_any_form_of_a_name_and_merges(pair: tuple[int, int]) -> None:
    latin, cyrillic = pair
    bob = client_for("bob")

    found = bob.get(f"/persons/{latin}/merge/", {"q": "Замира Кодирова"}).content.decode()
    response = _merge(bob, latin, cyrillic, why="found by name")

    assert f'data-hit="{cyrillic}"' in found and f'data-hit="{latin}"' not in found
    assert "as “Замира Кодирова”" in found and "Merge into this file" in found
    assert "by bob, found by name" in response.content.decode()


def test_the_merge_page_shows_results_to_a_viewer_without_buttons(pair: tuple[int, int]) -> None:
    latin, cyrillic = pair

    found = client_for("carol").get(f"/persons/{latin}/merge/", {"q": "Kodirova"})

    assert found.status_code == 200
    page = found.content.decode()
    assert f'data-hit="{cyrillic}"' in page and "Merge into this file" not in page


def test_the_merge_page_answers_an_empty_search_in_words(pair: tuple[int, int]) -> None:
    latin, _ = pair

    page = client_for("bob").get(f"/persons/{latin}/merge/", {"q": " "}).content.decode()

    assert "A name to search for is empty." in page


def test_the_review_queue_says_possibly_the_same_with_a_link(pair: tuple[int, int]) -> None:
    from habeas.web.store.models import Event as EventRow

    latin, cyrillic = pair
    event = EventRow.objects.get(person_id=cyrillic).pk

    page = client_for("carol").get("/review/").content.decode()

    card = page[page.index(f'id="event-{event}"') :]
    card = card[: card.index("</article>")]
    assert "possibly the same as" in card
    assert f'<a href="/persons/{latin}/">Zamira Qodirova (#{latin})</a>' in card


def test_the_review_queue_says_nothing_for_a_person_without_doubt() -> None:
    _ingest("Rustam Valiyev, poet, was detained in Tepa.")

    page = client_for("carol").get("/review/").content.decode()

    assert "Rustam Valiyev" in page and "possibly the same as" not in page
