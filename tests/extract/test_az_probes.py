"""Azerbaijani probes: short invented sentences in the style of the press, one per
behaviour of the engine they once broke (fictional people throughout)."""

from __future__ import annotations

from habeas.extract.folding import strip_az_case
from habeas.model import AppealOutcome, PenaltyKind

from .helpers import first, names, person, types
from .test_lexicon_az import az


def test_an_active_verb_reaches_a_long_list_of_objects() -> None:
    r = az("Polis Kamran Rzayevi, Anar Səfərlini və Orxan Babayevi saxlayıb.")
    assert names(r) == {"Kamran Rzayev", "Anar Səfərli", "Orxan Babayev"}
    for name in names(r):
        assert types(person(r, name)) == ["detention"]


def test_taken_by_the_police_from_home_is_a_detention() -> None:
    r = az("Polis əməkdaşları Kamran Rzayevi dünən evindən götürüb.")
    assert types(person(r, "Kamran Rzayev")) == ["detention"]


def test_an_institution_in_the_plural_opening_the_sentence_is_not_part_of_a_name() -> None:
    r = az("Polislər Ramin Məmmədovu döyüb.")
    assert types(person(r, "Ramin Məmmədov")) == ["ill_treatment"]


def test_a_street_named_after_someone_is_not_a_person() -> None:
    r = az(
        "Fəal Fuad Qəniyevin dediyinə görə, Zərifə Əliyeva küçəsində yol gedərkən mülki "
        "geyimli şəxslər onları ağ rəngli avtomobilə mindirərək Binəqədiyə aparıblar."
    )
    assert "Zərifə Əliyeva" not in names(r)


def test_a_predicate_surname_drops_its_copula() -> None:
    assert strip_az_case("Sadıqovdur") == "Sadıqov"
    assert strip_az_case("Həsənlidir") == "Həsənli"


def test_a_name_in_the_genitive_owns_the_role_after_it() -> None:
    r = az("Həbs edilən fəal Ramin Məmmədovun vəkili Elçin Sadıqov bildirib ki, iş siyasidir.")
    assert names(r) == {"Ramin Məmmədov"}


def test_an_owner_of_two_words_before_a_role_keeps_the_list() -> None:
    r = az(
        "Saxlanılan jurnalistlər Ramin Məmmədov və Meydan TV-nin müxbiri Aynur Həsənova "
        "sərbəst buraxılıb."
    )
    for name in ("Ramin Məmmədov", "Aynur Həsənova"):
        assert types(person(r, name)) == ["detention", "release"]


def test_a_dative_ova_before_a_pretrial_order_or_a_charge_is_his() -> None:
    r = az("Ramin Məmmədova 4 ay həbs qətimkan tədbiri seçilib.")
    assert names(r) == {"Ramin Məmmədov"}
    r = az("Ramin Məmmədova ittiham elan olunub.")
    assert names(r) == {"Ramin Məmmədov"}
    r = az("Məhkəmə Ramin Məmmədova 5 il həbs cəzası təyin edib.")
    assert names(r) == {"Ramin Məmmədov"}


def test_a_bare_ova_is_the_man_the_text_names_in_a_mans_form() -> None:
    r = az("Ramin Məmmədova hökm oxunub. Məmmədov 5 il həbs cəzasına məhkum edilib.")
    assert names(r) == {"Ramin Məmmədov"}
    # a woman of the family told in her own case, or beside a man of another name
    r = az("Leyla Məmmədova saxlanılıb. Məmmədovanın vəkili bildirib ki, o, döyülüb.")
    assert names(r) == {"Leyla Məmmədova"}
    r = az("Elnur Məmmədov saxlanılıb. Leyla Məmmədova da saxlanılıb.")
    assert names(r) == {"Elnur Məmmədov", "Leyla Məmmədova"}


def test_an_appeal_that_reduces_a_term_gives_the_new_term() -> None:
    r = az("Bakı Apellyasiya Məhkəməsi Ramin Məmmədovun həbs cəzasını 5 ildən 3 ilə endirib.")
    p = person(r, "Ramin Məmmədov")
    assert first(p, "appeal").outcome is AppealOutcome.REDUCED
    penalty = first(p, "sentence").penalty
    assert penalty is not None and penalty.years == 3


def test_community_service_told_as_drawn_into_public_works() -> None:
    r = az("Ramin Məmmədov 200 saat ictimai işlərə cəlb edilib.")
    penalty = first(person(r, "Ramin Məmmədov"), "sentence").penalty
    assert penalty is not None and penalty.kind is PenaltyKind.COMMUNITY_SERVICE
    assert penalty.hours == 200


def test_taken_away_from_home_or_work_is_a_detention() -> None:
    r = az("Fevralın 20-də fəal Ramin Məmmədov evindən götürülüb.")
    assert types(person(r, "Ramin Məmmədov")) == ["detention"]
    r = az("Jurnalist Ramin Məmmədov dünən iş yerindən aparılıb.")
    assert types(person(r, "Ramin Məmmədov")) == ["detention"]


def test_a_dative_ova_reaches_its_verb_past_the_articles() -> None:
    r = az(
        "Məhkəmə bloger Orxan Rüstəmova xırda xuliqanlıq və polisə tabe olmama "
        "maddələri ilə 30 sutka inzibati həbs verib."
    )
    assert names(r) == {"Orxan Rüstəmov"}
    # her own finite verb and "ona" end her clause: the dative is the pronoun's
    r = az("Jurnalist Aynur Quliyeva təcridxanada döyülüb və ona dərman verilmir.")
    assert names(r) == {"Aynur Quliyeva"}


def test_two_offences_named_side_by_side_are_two_charges() -> None:
    r = az(
        "Sumqayıt Şəhər Məhkəməsi bloger Orxan Rüstəmova xırda xuliqanlıq və polisə "
        "tabe olmama maddələri ilə 30 sutka inzibati həbs verib."
    )
    sentence = first(person(r, "Orxan Rüstəmov"), "sentence")
    labels = [c.label or "" for c in sentence.charges]
    assert any("xuliqanlıq" in x for x in labels) and any("tabe olma" in x for x in labels)


def test_an_arrest_named_as_a_noun_and_condemned_is_a_detention() -> None:
    r = az("Beynəlxalq təşkilatlar jurnalist Ramin Məmmədovun həbsini pisləyib.")
    assert types(person(r, "Ramin Məmmədov")) == ["detention"]
    r = az("Jurnalist Ramin Məmmədovun saxlanılması pislənib.")
    assert types(person(r, "Ramin Məmmədov")) == ["detention"]


def test_a_forced_statement_is_ill_treatment() -> None:
    r = az("Ramin Məmmədovu polis bölməsində ifadə verməyə məcbur ediblər.")
    assert types(person(r, "Ramin Məmmədov")) == ["ill_treatment"]


def test_no_news_of_someone_named_in_the_ablative_is_a_disappearance() -> None:
    r = az("Ramin Məmmədovdan dünəndən bəri xəbər yoxdur.")
    assert types(person(r, "Ramin Məmmədov")) == ["disappearance"]


def test_the_morning_hours_are_of_the_day_told_last() -> None:
    r = az(
        "Jurnalist Ülvi Babayev martın 12-də Bakıda saxlanılıb. Həyat yoldaşı bildirib ki, "
        "Ülvi səhər saatlarında işə gedərkən mülki geyimli şəxslər tərəfindən saxlanılıb.",
        published="2025-03-14",
    )
    (detention,) = person(r, "Ülvi Babayev").events
    assert str(detention.date) == "2025-03-12"
    # with no day told before, the hours are the news day's
    r = az("Jurnalist Ülvi Babayev səhər saatlarında saxlanılıb.", published="2025-03-14")
    assert str(first(person(r, "Ülvi Babayev"), "detention").date) == "2025-03-14"


def test_a_relative_in_the_dative_is_whom_the_denial_reaches() -> None:
    r = az(
        "Jurnalist Ülvi Babayev saxlanılıb. Fəal Rauf Əliyev də saxlanılıb. "
        "Səbinə Babayeva bildirib ki, ərinə vəkil buraxılmır."
    )
    assert types(person(r, "Ülvi Babayev")) == ["detention", "ill_treatment"]
    assert types(person(r, "Rauf Əliyev")) == ["detention"]


def test_a_name_with_its_honorific_before_according_to_is_a_speaker() -> None:
    r = az(
        "Jurnalist Ülvi Babayev martın 12-də saxlanılıb. Həyat yoldaşı Səbinə Babayeva "
        "bunu təsdiqləyib. Səbinə xanımın sözlərinə görə, ərinə vəkil buraxılmır."
    )
    assert names(r) == {"Ülvi Babayev"}
