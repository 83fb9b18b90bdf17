"""An arriving person among many stored relatives: compared in full with few of them.

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


def _arrive(monkeypatch: pytest.MonkeyPatch) -> int:
    """Ingest a spelling of a stored person; how many name forms were compared in full."""
    from habeas.web.store import resolution

    compared = 0
    compare = resolution.match_prepared

    def counted_compare(*args: Any) -> Any:
        nonlocal compared
        compared += 1
        return compare(*args)

    monkeypatch.setattr(resolution, "match_prepared", counted_compare)
    ingest_lines("Rashad Qodirov, journalist, was detained in Yashil.")
    monkeypatch.undo()
    return compared


def _linked() -> bool:
    from habeas.web.store.models import Person

    own = Person.objects.get(name_forms__name="Rəşad Qodirov")
    forms = set(own.name_forms.values_list("name", flat=True))
    return own.merged_into_id is None and forms == {"Rəşad Qodirov", "Rashad Qodirov"}


@pytest.mark.parametrize("relatives", [3, 40])
def test_a_spelling_variant_is_linked_and_the_relatives_are_not_compared_in_full(
    relatives: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from habeas.web.store.resolution import MAX_CANDIDATES, candidate_ids

    _relatives(relatives)
    ingest_lines("Rəşad Qodirov, journalist, was detained in Yashil.")
    assert len(candidate_ids(["Rashad Qodirov"])) == min(relatives + 1, MAX_CANDIDATES)

    compared = _arrive(monkeypatch)

    assert _linked()
    # Only the person's own name form is compared in full; the relatives stop at the screen.
    assert compared == 1
