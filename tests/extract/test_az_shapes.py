"""Azerbaijani shapes on invented sentences: case endings on surnames, counted
nouns, participle clauses, suspicion frames, embedded media players."""

from __future__ import annotations

from habeas.extract.folding import strip_az_case
from habeas.extract.merge import merge_events
from habeas.extract.sentences import split_sentences
from habeas.model import Event, EventType, PartialDate

from .helpers import first, names, person, types
from .test_lexicon_az import az


def test_an_apostrophe_sets_off_the_case_ending() -> None:
    assert strip_az_case("Hüseynova'nın") == "Hüseynova"
    assert strip_az_case("Quliyev’ə") == "Quliyev"
    assert strip_az_case("O'Neil") == "O'Neil"  # a capital after it is part of the name
    r = az("Fəal Nigar Hüseynova'nın həbsi ilə bağlı etiraz edilib.")
    assert types(person(r, "Nigar Hüseynova")) == ["detention"]


def test_a_dative_ova_is_his_ov_when_the_verb_wants_a_dative() -> None:
    r = az("Məhkəmə Ceyhun Şərifova 30 sutka inzibati həbs verib.")
    assert names(r) == {"Ceyhun Şərifov"}
    r = az("Jurnalist Elnur Quliyeva qarşı cinayət işi açılıb.")
    assert types(person(r, "Elnur Quliyev")) == ["charge"]


def test_a_woman_in_ova_keeps_her_surname() -> None:
    r = az("Jurnalist Aynur Salmanova saxlanılıb, ona 30 sutka inzibati həbs verilib.")
    assert types(person(r, "Aynur Salmanova")) == ["detention", "sentence"]
    r = az("Sevda Nəbiyeva barəsində həbs qətimkan tədbiri seçilib.")
    assert names(r) == {"Sevda Nəbiyeva"}


def test_a_counted_noun_is_not_the_person_named_before() -> None:
    r = az(
        "Millət vəkili Samir Cəfərovun şikayəti əsasında iş açılıb. "
        "Hazırda ölkədə 9 jurnalist həbs olunub."
    )
    assert r.persons == ()


def test_an_outlet_after_a_full_name_is_not_part_of_it() -> None:
    r = az("Fəalın vəkili Tural Həsənli Xəbərlər ə bildirib ki, Orxan Rüstəmli saxlanılıb.")
    assert "Tural Həsənli Xəbərlər" not in names(r)
    assert types(person(r, "Orxan Rüstəmli")) == ["detention"]


def test_a_date_in_a_participle_clause_is_the_detentions() -> None:
    r = az(
        "Noyabrın 11-də aksiya zamanı saxlanan fəal Vüqar Salmanova "
        "30 sutka inzibati həbs cəzası verilib."
    )
    p = person(r, "Vüqar Salmanov")
    assert str(first(p, "detention").date) == "2024-11-11"
    assert first(p, "sentence").date is None


def test_suspected_of_is_a_charge_with_its_offence() -> None:
    r = az("Fəal Kamil Tağıyev qanunsuz sahibkarlıqda şübhəli bilinərək saxlanılıb.")
    p = person(r, "Kamil Tağıyev")
    assert types(p) == ["charge", "detention"]
    assert "sahibkarlıq" in (first(p, "charge").charges[0].label or "")


def test_a_criminal_case_opened_about_someone_is_a_charge() -> None:
    r = az(
        "Jurnalist Səbinə Orucova barəsində Cinayət Məcəlləsinin "
        "206.3.2-ci maddəsi ilə cinayət işi açılıb."
    )
    (charge,) = first(person(r, "Səbinə Orucova"), "charge").charges
    assert (charge.article, charge.code and charge.code.value) == ("206.3.2", "CC")


def test_an_embedded_video_and_its_title_are_not_the_report() -> None:
    text = (
        "Fəal Rauf Əkbərli dünən saxlanılıb.\n\n"
        "Nazir Kamal Əsədova qarşı etiraz aksiyası keçirilib\n"
        "Gözlə\n\nNo media source currently available\n\n0:00 0:03:12 0:00\n\n"
        "Onun vəkili bildirib ki, o, döyülüb."
    )
    kept = [s.text for s in split_sentences(text)]
    assert kept == ["Fəal Rauf Əkbərli dünən saxlanılıb.", "Onun vəkili bildirib ki, o, döyülüb."]
    assert names(az(text)) == {"Rauf Əkbərli"}


def test_juxtaposed_terms_make_one_length() -> None:
    r = az("Jurnalist Aysel Umudova barəsində 3 ay 20 gün müddətinə həbs qətimkan tədbiri seçilib.")
    penalty = first(person(r, "Aysel Umudova"), "pretrial_detention").penalty
    assert penalty is not None and (penalty.months, penalty.days) == (3, 20)
    r = az("Bloger Turan Rəsulov 2 il 3 ay şərti cəza alıb.")
    penalty = first(person(r, "Turan Rəsulov"), "sentence").penalty
    assert penalty is not None and penalty.months == 27
    r = az("Bloger Orxan Sultanlı 1 il 6 ay müddətinə azadlıqdan məhrum edilib.")
    penalty = first(person(r, "Orxan Sultanlı"), "sentence").penalty
    assert penalty is not None and penalty.years == 1.5


def test_administrative_arrest_told_as_inzibati_qaydada() -> None:
    for text in (
        "Fəal Pərviz Hüseynli 15 gün müddətinə inzibati qaydada həbs edilib.",
        "Fəal Pərviz Hüseynli inzibati qaydada 15 sutka həbs edilib.",
    ):
        p = person(az(text), "Pərviz Hüseynli")
        assert types(p) == ["sentence"]
        penalty = first(p, "sentence").penalty
        assert penalty is not None and (penalty.kind.value, penalty.days) == (
            "administrative_detention",
            15,
        )


def test_a_term_in_months_without_cəza_is_the_pretrial_arrest() -> None:
    r = az("Məhkəmə fəal Vidadi Əsgərovun 4 ay müddətinə həbs edilməsi barədə qərar çıxarıb.")
    penalty = first(person(r, "Vidadi Əsgərov"), "pretrial_detention").penalty
    assert penalty is not None and (penalty.kind.value, penalty.months) == ("pretrial_detention", 4)
    r = az("Fəal Vidadi Əsgərov 3 il 4 ay müddətinə həbs cəzasına məhkum edilib.")
    penalty = first(person(r, "Vidadi Əsgərov"), "sentence").penalty
    assert penalty is not None and (penalty.kind.value, penalty.months) == ("prison", 40)


def test_found_guilty_of_gives_the_offence_to_the_sentence() -> None:
    r = az(
        "Fəal Samirə Həsənova narkotik vasitə saxlamaqda təqsirli bilinib "
        "və 5 il həbs cəzasına məhkum edilib."
    )
    (charge,) = first(person(r, "Samirə Həsənova"), "sentence").charges
    assert "saxlamaq" in (charge.label or "")


def test_the_object_by_the_verb_not_the_genitive_owner_of_its_role() -> None:
    r = az("Polis Arif Hacılının müavini Gözəl Bayramlını saxlayıb.")
    assert names(r) == {"Gözəl Bayramlı"}


def test_last_year_before_an_arrest_is_a_time_not_a_term() -> None:
    r = az("Ötən il həbs olunan jurnalist Hafiz Babalı hələ də həbsdədir.")
    assert types(person(r, "Hafiz Babalı")) == ["detention"]


def test_a_list_with_baş_redaktor_between_names() -> None:
    r = az("Portalın direktoru Ülvi Qənbərli və baş redaktoru Sevinc Əlizadə saxlanılıb.")
    assert names(r) == {"Ülvi Qənbərli", "Sevinc Əlizadə"}


def test_force_used_on_someone_is_ill_treatment_told_once() -> None:
    r = az(
        "Bazar ertəsi polis jurnalist Kənan Rüstəmov saxlayıb. Polislər ona qarşı güc "
        "tətbiq edib. Bölmədə ona ailəsinə zəng etməyə imkan verilməyib."
    )
    p = person(r, "Kənan Rüstəmov")
    assert types(p).count("ill_treatment") == 1


def test_the_end_of_a_day_range_is_no_day() -> None:
    r = az("Xatırladaq ki, 6-8 mart tarixlərində fəal Rəna Cəfərli saxlanılıb.")
    assert str(first(person(r, "Rəna Cəfərli"), "detention").date) == "2025-03"


def test_one_ill_treatment_merges_only_when_asked_and_keeps_the_exact_date() -> None:

    beaten = Event(type=EventType.ILL_TREATMENT, date=PartialDate(2022, 11), detail="döyülüb")
    no_call = Event(
        type=EventType.ILL_TREATMENT,
        date=PartialDate(2022, 11, 11),
        detail="ailə ilə əlaqədən məhrum edilib",
    )
    assert len(merge_events([beaten, no_call])) == 2
    (one,) = merge_events([beaten, no_call], one_ill_treatment=True)
    assert str(one.date) == "2022-11-11"


def test_a_participle_before_a_name_is_said_of_it_though_the_name_speaks() -> None:
    r = az("Bakıda saxlanılan jurnalist Orxan Qənbərov bildirib ki, polis onu döyüb.")
    assert types(person(r, "Orxan Qənbərov")) == ["detention", "ill_treatment"]


def test_an_act_qualified_or_an_arrest_under_an_article_is_a_charge() -> None:
    r = az(
        "Fəal Bəhruz Səmədovun əməli Cinayət Məcəlləsinin 274-cü (dövlətə xəyanət) "
        "maddəsi ilə tövsif edilib."
    )
    (charge,) = first(person(r, "Bəhruz Səmədov"), "charge").charges
    assert charge.article == "274"
    r = az("Jurnalist Ülvi Tahirov xuliqanlıq maddəsi ilə həbs olunub.")
    assert types(person(r, "Ülvi Tahirov")) == ["charge", "detention"]


def test_a_judge_before_the_one_sentenced_with_only_a_role_between_is_no_listmate() -> None:
    r = az("Hakim Rəşad Quliyev jurnalist Elvin Məmmədlini 5 il həbs cəzasına məhkum edib.")
    assert {p.name for p in r.persons} == {"Elvin Məmmədli"}


def test_a_term_asked_for_or_the_most_the_law_allows_is_no_sentence() -> None:
    r = az("Prokuror Elvin Məmmədli üçün 7 il həbs cəzası tələb edib.")
    assert r.persons == ()
    r = az("Elvin Məmmədliyə 8 ilədək həbs cəzası gözləyir.")
    assert r.persons == ()
    r = az("Elvin Məmmədli səhərədək saxlanılıb.")
    assert [p.name for p in r.persons] == ["Elvin Məmmədli"]
