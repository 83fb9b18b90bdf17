"""An arriving person among many stored relatives: found in few queries, compared with few.

Every person here is invented. The relatives share the surname and the
given name's first letter, so they share blocking keys with the arriving
person and are all candidates; only the person's own spellings match.
"""

from __future__ import annotations

from typing import Any

import pytest
from store_support import ingest_lines

GIVEN = (
    "Ramil", "Rauf", "Rasim", "Ruslan", "Rustam", "Rufat", "Rovshan", "Ramin",
    "Rafael", "Rahim", "Rasul", "Riyad", "Ramiz", "Rauf", "Rovshana", "Reyhan",
)  # fmt: skip


def _relatives(count: int) -> None:
    for n in range(count):
        given = GIVEN[n % len(GIVEN)]
        surname = "Qodirova" if given.endswith("a") or n % 3 == 0 else "Qodirov"
        ingest_lines(f"{given} {surname}, blogger, was detained in Tepa {n}.")


def _arrive(monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """Ingest a spelling of a stored person; (queries finding candidates, full comparisons)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from habeas.web.store import resolution

    seen: dict[str, int] = {"compared": 0, "queries": 0}
    find, compare = resolution.find_candidates, resolution.match_prepared

    def counted_find(*args: Any, **kwargs: Any) -> Any:
        with CaptureQueriesContext(connection) as queries:
            found = find(*args, **kwargs)
        seen["queries"] += len(queries)
        return found

    def counted_compare(*args: Any) -> Any:
        seen["compared"] += 1
        return compare(*args)

    monkeypatch.setattr(resolution, "find_candidates", counted_find)
    monkeypatch.setattr(resolution, "match_prepared", counted_compare)
    ingest_lines("Rashad Qodirov, journalist, was detained in Yashil.")
    monkeypatch.undo()
    return seen["queries"], seen["compared"]


def _linked() -> bool:
    from habeas.web.store.models import Person

    own = Person.objects.get(name_forms__name="Rəşad Qodirov")
    forms = set(own.name_forms.values_list("name", flat=True))
    return own.merged_into_id is None and forms == {"Rəşad Qodirov", "Rashad Qodirov"}


@pytest.mark.parametrize("relatives", [3, 40])
def test_a_spelling_variant_is_linked_among_relatives_in_four_queries(
    relatives: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from habeas.web.store.resolution import MAX_CANDIDATES, candidate_ids

    _relatives(relatives)
    ingest_lines("Rəşad Qodirov, journalist, was detained in Yashil.")
    assert len(candidate_ids(["Rashad Qodirov"])) == min(relatives + 1, MAX_CANDIDATES)

    queries, compared = _arrive(monkeypatch)

    assert _linked()
    # Block sizes, the keys' persons, the candidates with their name forms, and
    # the events of the one whose name matches: however many relatives there are.
    assert queries == 4
    # Only the person's own name form is compared in full; the relatives stop at the screen.
    assert compared == 1


def test_a_stale_key_of_a_merged_away_person_is_found_in_the_same_query() -> None:
    from habeas.web.store.merges import stored_keys
    from habeas.web.store.models import BlockingKey, NameForm
    from habeas.web.store.models import Person as Row
    from habeas.web.store.resolution import Arriving, find_candidates

    # Three invented namesakes; the oldest was merged into the second but kept its keys.
    persons = Row.objects.bulk_create([Row(display_name="Rufat Sabirli") for _ in range(3)])
    NameForm.objects.bulk_create([NameForm(person=p, name="Rufat Sabirli") for p in persons])
    BlockingKey.objects.bulk_create(
        [BlockingKey(person=p, key=k) for p in persons for k in stored_keys("Rufat Sabirli")]
    )
    Row.objects.filter(pk=persons[0].pk).update(merged_into=persons[1])
    context: dict[str, set[str]] = {
        "role": set(),
        "affiliation": set(),
        "place": set(),
        "date": set(),
    }

    found = find_candidates(-1, arriving=Arriving(("Rufat Sabirli",), context))

    assert [c.person_id for c in found] == [persons[1].pk, persons[2].pk]
