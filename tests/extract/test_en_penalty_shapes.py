"""English ways of writing a penalty's term and kind (fictional people)."""

import pytest

from habeas.model import PenaltyKind

from .helpers import extract, first, person


@pytest.mark.parametrize(
    ("told", "kind", "years"),
    [
        ("to 7 1/2 years in prison", PenaltyKind.PRISON, 7.5),
        ('to one year of "freedom limitation"', PenaltyKind.RESTRICTED_FREEDOM, 1),
        ("to two years of limitation of freedom", PenaltyKind.RESTRICTED_FREEDOM, 2),
    ],
)
def test_a_terms_shape_gives_its_kind_and_length(
    told: str, kind: PenaltyKind, years: float
) -> None:
    r = extract(f"A court sentenced Tural Laskaris {told} on 4 October.")
    penalty = first(person(r, "Tural Laskaris"), "sentence").penalty
    assert penalty is not None and (penalty.kind, penalty.years) == (kind, years)
