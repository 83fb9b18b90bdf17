"""Azerbaijani quoted charges, disappearance and administrative terms, on invented reports."""

from habeas.extract.attributes import find_charges
from habeas.extract.lexicon import fold_case, load_lexicon
from habeas.model import PenaltyKind

from .helpers import extract, first, person, types


def _labels(text: str) -> list[str | None]:
    return [c.label for c in find_charges(text, fold_case(text), load_lexicon("az"))]


def test_quoted_offences_before_the_frame_word_are_each_a_charge() -> None:
    text = 'Bloqerə qarşı "saxta xəbər yaymaq" və "kütləni qızışdırmaq" ittihamları irəli sürülüb.'
    assert _labels(text) == ["saxta xəbər yaymaq", "kütləni qızışdırmaq"]


def test_a_quoted_offence_that_starts_with_a_capital_is_kept_whole() -> None:
    text = "Fərid Qaraşov «Polisin tələbinə tabe olmamaq» ittihamı ilə məhkəməyə gətirilib."
    assert _labels(text) == ["Polisin tələbinə tabe olmamaq"]


def test_yoxa_cixib_is_a_disappearance() -> None:
    r = extract("Jurnalist Fərid Qaraşov martın 3-də yoxa çıxıb.", lang="az")
    assert "disappearance" in types(person(r, "Fərid Qaraşov"))


def test_a_months_administrative_arrest_spelt_with_an_undotted_i() -> None:
    r = extract(
        "Məhkəmə fəal Fərid Qaraşova bir aylıq inzibatı həbs cəzası verib.",
        lang="az",
    )
    penalty = first(person(r, "Fərid Qaraşov"), "sentence").penalty
    assert penalty is not None
    assert penalty.kind is PenaltyKind.ADMINISTRATIVE_DETENTION
    assert penalty.months == 1


def test_an_offence_whose_final_q_softened_before_a_suffix_is_a_charge() -> None:
    assert _labels("Kamran Vəlisoy xırda xuliqanlığa görə 20 gün inzibati həbs edilib.") == [
        "xırda xuliqanlığa"
    ]
    assert _labels("Fərid Qaraşov dələduzluğa görə saxlanılıb.") == ["dələduzluğa"]


def test_a_hyphened_article_number_is_one_article_of_a_list() -> None:
    text = "Ona Cinayət Məcəlləsinin 206.3.2 və 193-1-ci maddələri ilə ittiham elan edilib."
    got = find_charges(text, fold_case(text), load_lexicon("az"))
    assert [c.article for c in got] == ["206.3.2", "193-1"]


def test_charged_as_the_converb_of_a_verdict_is_its_ground() -> None:
    r = extract(
        "Jurnalist Fərid Qaraşov polisə müqavimətdə ittiham olunaraq 3 il müddətinə "
        "azadlıqdan məhrum edilib.",
        lang="az",
    )
    p = person(r, "Fərid Qaraşov")
    assert types(p) == ["sentence"]
    assert [c.label for c in first(p, "sentence").charges] == ["polisə müqavimətdə"]
