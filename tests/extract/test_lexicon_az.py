"""The rule engine with the Azerbaijani lexicon, on short fictional reports (invented people)."""

from __future__ import annotations

from habeas.extract.lexicon import load_lexicon, role_of
from habeas.model import AppealOutcome, LegalCode, PenaltyKind

from .helpers import extract, first, names, person, types


def az(text: str, *, published: str = "2025-03-13"):  # type: ignore[no-untyped-def]
    return extract(text, published=published, lang="az")


def test_the_lexicon_loads_and_has_every_event_type() -> None:
    lex = load_lexicon("az")
    assert lex.lang == "az"
    assert {t.type.value for t in lex.triggers} == {
        "detention",
        "release",
        "disappearance",
        "charge",
        "pretrial_detention",
        "sentence",
        "appeal",
        "protest",
        "ill_treatment",
    }


def test_passive_detention_with_date_and_release_next_day() -> None:
    r = az(
        "Jurnalist Rövşən Qasımlı martın 3-də Bakıda polis tərəfindən saxlanılıb. "
        "Ertəsi gün o, sərbəst buraxılıb."
    )
    p = person(r, "Rövşən Qasımlı")
    assert types(p) == ["detention", "release"]
    assert str(first(p, "detention").date) == "2025-03-03"
    assert first(p, "detention").place == "Bakı"
    assert str(first(p, "release").date) == "2025-03-04"


def test_active_detention_puts_the_accusative_name_in_the_nominative() -> None:
    r = az("Polis fəal Elvin Tağızadəni dünən Gəncədə saxlayıb.")
    p = person(r, "Elvin Tağızadə")
    assert str(first(p, "detention").date) == "2025-03-12"


def test_a_negated_verb_is_no_event() -> None:
    assert az("Jurnalist Tofiq Hüseynli saxlanılmayıb.").persons == ()


def test_weekday_and_numeric_dates() -> None:
    r = az("Bazar ertəsi günü fəal Nihad Məlikli Sumqayıtda saxlanılıb.")
    assert str(first(person(r, "Nihad Məlikli"), "detention").date) == "2025-03-10"
    r = az("Fəal Kamal Əhmədli 2024-cü il dekabrın 20-də əfv sərəncamı ilə azadlığa buraxılıb.")
    assert str(first(person(r, "Kamal Əhmədli"), "release").date) == "2024-12-20"


def test_a_list_of_names_each_gets_the_event() -> None:
    r = az("Jurnalistlər Ülvi Tahirli və Rauf Zeynallı 28.11.2024 tarixində saxlanılıblar.")
    assert names(r) == {"Ülvi Tahirli", "Rauf Zeynallı"}
    for p in r.persons:
        assert str(first(p, "detention").date) == "2024-11-28"


def test_administrative_detention_in_sutka() -> None:
    r = az("Müxalifət fəalı Nurlan Səfərli 15 sutka inzibati həbsə məhkum edilib.")
    e = first(person(r, "Nurlan Səfərli"), "sentence")
    assert e.penalty is not None
    assert (e.penalty.kind, e.penalty.days) == (PenaltyKind.ADMINISTRATIVE_DETENTION, 15)


def test_administrative_arrest_is_a_sentence_not_a_detention() -> None:
    r = az("Jurnalist Emin Məmmədzadə 30 gün inzibati həbs edilib.")
    assert types(person(r, "Emin Məmmədzadə")) == ["sentence"]


def test_prison_term_of_years_and_months() -> None:
    r = az("Bloger Fuad Abbaslı 5 il 6 ay həbs cəzasına məhkum olunub.")
    e = first(person(r, "Fuad Abbaslı"), "sentence")
    assert e.penalty is not None
    assert (e.penalty.kind, e.penalty.years) == (PenaltyKind.PRISON, 5.5)


def test_words_for_numbers() -> None:
    r = az("Fəal Samir Bağırlı on beş gün inzibati həbs cəzasına məhkum edilib.")
    e = first(person(r, "Samir Bağırlı"), "sentence")
    assert e.penalty is not None and e.penalty.days == 15


def test_fine_suspended_and_community_service() -> None:
    fine = first(
        person(az("Fəal Tural Əsədli 500 manat cərimə edilib."), "Tural Əsədli"), "sentence"
    )
    assert fine.penalty is not None
    assert (fine.penalty.kind, fine.penalty.amount, fine.penalty.currency) == (
        PenaltyKind.FINE,
        500,
        "AZN",
    )
    r = az("İqtisadçı Natiq Cəfərli 3 il şərti cəzaya məhkum edilib.")
    suspended = first(person(r, "Natiq Cəfərli"), "sentence")
    assert suspended.penalty is not None
    assert (suspended.penalty.kind, suspended.penalty.years) == (PenaltyKind.SUSPENDED_SENTENCE, 3)
    r = az("Fəal Ceyhun Əlizadə 300 saat ictimai işlər cəzasına məhkum edilib.")
    service = first(person(r, "Ceyhun Əlizadə"), "sentence")
    assert service.penalty is not None
    assert (service.penalty.kind, service.penalty.hours) == (PenaltyKind.COMMUNITY_SERVICE, 300)


def test_pretrial_detention_with_court_and_term() -> None:
    r = az(
        "Nəsimi Rayon Məhkəməsi tələbə Orxan Bağırlı barəsində 3 ay müddətinə həbs qətimkan "
        "tədbiri seçib."
    )
    e = first(person(r, "Orxan Bağırlı"), "pretrial_detention")
    assert e.authority == "Nəsimi Rayon Məhkəməsi"
    assert e.penalty is not None
    assert (e.penalty.kind, e.penalty.months) == (PenaltyKind.PRETRIAL_DETENTION, 3)


def test_extension_of_pretrial_detention() -> None:
    r = az("Müxbir Səbinə Kərimlinin həbs müddəti daha 2 ay uzadılıb.")
    e = first(person(r, "Səbinə Kərimli"), "pretrial_detention")
    assert e.penalty is not None and e.penalty.months == 2


def test_house_arrest() -> None:
    r = az("Jurnalist Ayxan Vəliyev ev dustaqlığına buraxılıb.")
    e = first(person(r, "Ayxan Vəliyev"), "pretrial_detention")
    assert e.penalty is not None and e.penalty.kind is PenaltyKind.HOUSE_ARREST


def test_disappearance() -> None:
    r = az("Fəal Vüsal Həsənzadə itkin düşüb, onun harada saxlanıldığı məlum deyil.")
    assert "disappearance" in types(person(r, "Vüsal Həsənzadə"))


def test_charge_with_article_code_and_label_in_brackets() -> None:
    r = az(
        "Bloger Cavid Rəhimli saxlanılıb. Ona Cinayət Məcəlləsinin 234.4.3-cü maddəsi "
        "(narkotik vasitələrin qanunsuz saxlanması) ilə ittiham elan olunub."
    )
    e = first(person(r, "Cavid Rəhimli"), "charge")
    assert [(c.article, c.code) for c in e.charges] == [("234.4.3", LegalCode.CRIMINAL)]
    assert e.charges[0].label == "narkotik vasitələrin qanunsuz saxlanması"


def test_administrative_articles_listed_before_the_word_article() -> None:
    r = az(
        "Fəal Orxan Səmədli İnzibati Xətalar Məcəlləsinin 535.1-ci (xırda xuliqanlıq) və 510-cu "
        "(polisin qanuni tələbinə tabe olmama) maddələri ilə 20 gün inzibati həbsə məhkum edilib."
    )
    e = first(person(r, "Orxan Səmədli"), "sentence")
    assert [(c.article, c.code) for c in e.charges] == [
        ("535.1", LegalCode.ADMINISTRATIVE),
        ("510", LegalCode.ADMINISTRATIVE),
    ]
    assert e.charges[0].label == "xırda xuliqanlıq"


def test_charge_label_without_article() -> None:
    r = az("Jurnalist Elnur Mirzəyevə qaçaqmalçılıq ittihamı irəli sürülüb.")
    e = first(person(r, "Elnur Mirzəyev"), "charge")
    assert [c.label for c in e.charges] == ["qaçaqmalçılıq"]


def test_appeal_upheld_and_reduced() -> None:
    r = az(
        "Bakı Apellyasiya Məhkəməsi jurnalist Kənan Əliyarlının şikayətini təmin etməyib, "
        "hökm dəyişməz saxlanılıb."
    )
    p = person(r, "Kənan Əliyarlı")
    assert types(p) == ["appeal"]  # "dəyişməz saxlanılıb" is no detention
    assert first(p, "appeal").outcome is AppealOutcome.UPHELD
    assert first(p, "appeal").authority == "Bakı Apellyasiya Məhkəməsi"
    r = az("Ali Məhkəmə bloger Zamin Kazımlının cəzasını 8 ildən 6 ilə azaldıb.")
    assert first(person(r, "Zamin Kazımlı"), "appeal").outcome is AppealOutcome.REDUCED


def test_protest() -> None:
    r = az("Reper Samir Novruzlu mayın 5-də etiraz aksiyası keçirib.")
    assert str(first(person(r, "Samir Novruzlu"), "protest").date) == "2024-05-05"


def test_ill_treatment_beaten_and_denied_a_lawyer() -> None:
    r = az("Fəal Ramil Qurbanlı polis bölməsində döyülüb.")
    assert first(person(r, "Ramil Qurbanlı"), "ill_treatment").detail == "döyülüb"
    r = az(
        "Hüquq müdafiəçisi Anar Rzalı bildirib ki, jurnalist Rəşid Babalıya vəkillə görüşə "
        "icazə verilməyib."
    )
    assert names(r) == {"Rəşid Babalı"}
    assert (
        first(person(r, "Rəşid Babalı"), "ill_treatment").detail
        == "vəkillə görüşə imkan verilməyib"
    )


def test_a_lawyer_who_speaks_is_not_listed() -> None:
    r = az(
        "Jurnalist Sevinc Əsgərli dünən saxlanılıb. Vəkil Elşən Qarayev bildirib ki, müvəkkili "
        "döyülüb."
    )
    assert names(r) == {"Sevinc Əsgərli"}
    assert types(person(r, "Sevinc Əsgərli")) == ["detention", "ill_treatment"]


def test_duration_in_hours() -> None:
    r = az("Fəal Nərmin Səfərli Sumqayıtda saxlanılıb, lakin üç saat sonra sərbəst buraxılıb.")
    p = person(r, "Nərmin Səfərli")
    assert types(p) == ["detention", "release"]
    assert first(p, "detention").duration_hours == 3


def test_female_surname_in_the_nominative_is_kept() -> None:
    r = az("Fəal Nərgiz Abdullayeva dünən saxlanılıb.")
    assert names(r) == {"Nərgiz Abdullayeva"}


def test_surname_only_mention_skips_a_relative_who_spoke() -> None:
    r = az(
        "Fəal Zaur Bəşirli saxlanılıb. Bu barədə fəalın həyat yoldaşı Aytən Bəşirli məlumat "
        "yayıb. Bəşirli bazar ertəsi saxlanılıb."
    )
    assert names(r) == {"Zaur Bəşirli"}


def test_a_doctor_who_speaks_is_no_victim() -> None:
    lex = load_lexicon("az")
    found = lex.role_any.search("onu müalicə edən həkimi")
    assert found is not None and lex.role_victim[role_of(lex, found)] is False
