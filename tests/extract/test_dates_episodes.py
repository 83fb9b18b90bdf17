"""How an event told without a date word takes one from the episode around it."""

from __future__ import annotations

from .helpers import extract, first, person


def test_a_petty_sentence_told_after_a_dated_arrest_is_of_that_day() -> None:
    text = (
        "The blogger Tamar Vekilova was detained on 4 March near the metro. "
        "From the station she was taken to a district court. "
        "The court found her guilty of petty hooliganism and sentenced her to ten days "
        "of administrative arrest."
    )
    p = person(extract(text), "Tamar Vekilova")
    assert str(first(p, "sentence").date) == "2025-03-04"


def test_a_prison_term_told_after_a_dated_arrest_keeps_no_date() -> None:
    text = (
        "The blogger Tamar Vekilova was detained on 4 March near the metro. "
        "From the station she was taken to a district court. "
        "The court found her guilty of fraud and sentenced her to five years in prison."
    )
    p = person(extract(text), "Tamar Vekilova")
    assert first(p, "sentence").date is None


def test_a_petty_sentence_in_another_paragraph_keeps_no_date() -> None:
    text = (
        "The blogger Tamar Vekilova was detained on 4 March near the metro.\n\n"
        "The court sentenced her to ten days of administrative arrest."
    )
    p = person(extract(text), "Tamar Vekilova")
    assert first(p, "sentence").date is None


def test_a_dated_field_of_a_record_dates_the_arrest_it_tells() -> None:
    text = (
        "Rauf Tagiyev, Kanal Z\n\n"
        "Imprisoned: September 7, 2024\n\n"
        "Police in Lankaran arrested Tagiyev on hooliganism charges."
    )
    p = person(extract(text, published="2024-12-01"), "Rauf Tagiyev")
    assert str(first(p, "detention").date) == "2024-09-07"


def test_a_publication_line_is_still_a_dateline() -> None:
    text = (
        "Published: September 7, 2024\n\n"
        "Police in Lankaran arrested the reporter Rauf Tagiyev on hooliganism charges."
    )
    p = person(extract(text, published="2024-12-01"), "Rauf Tagiyev")
    assert first(p, "detention").date is None


def test_dated_fields_in_russian_and_azerbaijani() -> None:
    # Without its label the az line is taken for the page's dateline and the arrest is
    # undated; the ru one is read either way and guards the label against dropping it.
    records = (
        (
            "ru",
            "Руслан Тагиев",
            "Руслан Тагиев, Канал Z\n\nЗадержан: 7 сентября 2024\n\n"
            "Полиция в Ленкорани задержала Тагиева по обвинению в хулиганстве.",
        ),
        (
            "az",
            "Rauf Tağıyev",
            "Rauf Tağıyev, Kanal Z\n\nHəbs tarixi: 7 sentyabr 2024\n\n"
            "Rauf Tağıyev Lənkəranda polis tərəfindən saxlanılıb.",
        ),
    )
    for lang, name, text in records:
        p = person(extract(text, published="2024-12-01", lang=lang), name)
        assert str(first(p, "detention").date) == "2024-09-07", lang


def test_a_decision_told_after_a_dated_sitting_is_of_that_day() -> None:
    text = (
        "The Baku Court of Appeal today examined the complaint of the activist Lala Sadigova. "
        "The judges rejected her appeal."
    )
    p = person(extract(text), "Lala Sadigova")
    assert str(first(p, "appeal").date) == "2025-03-13"


def test_a_decision_two_sentences_after_a_dated_sitting_keeps_no_date() -> None:
    text = (
        "The Baku Court of Appeal today examined the complaint of the activist Lala Sadigova. "
        "Her lawyer spoke for an hour. "
        "The judges rejected her appeal."
    )
    p = person(extract(text), "Lala Sadigova")
    assert first(p, "appeal").date is None


def test_the_day_after_an_arrest_counts_from_the_arrest_told() -> None:
    text = (
        "Police detained the reporter Kamran Valiyev on 3 March. "
        "His colleagues were not told where he was taken. "
        "The day after his arrest, a district court remanded Valiyev in custody "
        "for three months."
    )
    p = person(extract(text), "Kamran Valiyev")
    assert str(first(p, "detention").date) == "2025-03-03"
    assert str(first(p, "pretrial_detention").date) == "2025-03-04"


def test_the_day_after_an_arrest_in_russian_and_azerbaijani() -> None:
    from habeas.extract.dates import DateKind, find_dates
    from habeas.extract.lexicon import fold_case, load_lexicon

    for lang, text in (
        ("ru", "На следующий день после задержания суд арестовал его."),
        ("az", "Saxlanıldıqdan bir gün sonra məhkəmə onu həbs edib."),
    ):
        (found,) = find_dates(fold_case(text), load_lexicon(lang))
        assert found.kind is DateKind.DAY_AFTER_ARREST


def test_ill_treatment_in_a_report_of_one_dated_episode_takes_its_day() -> None:
    text = (
        "Today police detained the activist Nigar Hasanova at a picket in the centre.\n\n"
        "Her friends filmed the scene from across the road.\n\n"
        "The organisers said the picket had been announced online.\n\n"
        "At the station Hasanova was beaten by officers."
    )
    p = person(extract(text), "Nigar Hasanova")
    assert str(first(p, "ill_treatment").date) == "2025-03-13"


def test_a_petty_sentence_told_after_the_scenes_arrest_is_of_the_scenes_day() -> None:
    text = (
        "Today police came to the flat of the activist Elnur Sadigli in Baku. "
        "He was detained at the door, and a district court sentenced him to 30 days "
        "of administrative arrest."
    )
    p = person(extract(text), "Elnur Sadigli")
    assert str(first(p, "detention").date) == "2025-03-13"
    assert str(first(p, "sentence").date) == "2025-03-13"


def test_a_petty_sentence_told_before_the_scenes_release_keeps_no_date() -> None:
    # The release comes after the court, which may have sat days after the arrest.
    text = (
        "В воскресенье полицейские пришли домой к активисту Тимуру Ахмедзянову. "
        "Суд оштрафовал Ахмедзянова на 200 рублей, после чего его освободили."
    )
    p = person(extract(text, lang="ru"), "Тимур Ахмедзянов")
    assert first(p, "sentence").date is None


def test_an_undated_arrest_told_after_a_dated_release_is_another_episode() -> None:
    text = (
        "On 16 March 2017 Elnur Sadigli was released under a pardon. "
        "His party says Sadigli was detained again for his posts on social media."
    )
    p = person(extract(text), "Elnur Sadigli")
    assert str(first(p, "release").date) == "2017-03-16"
    assert first(p, "detention").date is None


def test_an_undated_release_told_after_a_dated_arrest_shares_its_day() -> None:
    text = (
        "On 4 March police detained Elnur Sadigli at a rally in Baku. "
        "He was released at the station after signing a statement."
    )
    p = person(extract(text), "Elnur Sadigli")
    assert str(first(p, "release").date) == "2025-03-04"


def test_a_sentence_going_back_in_time_does_not_take_the_later_scenes_day() -> None:
    text = (
        "On 22 March police detained Anar Sadigli in Baku. On 12 March, a court had "
        "charged Elnur Sadigli, who was already being held in custody since being "
        "questioned on 2 March."
    )
    p = person(extract(text, published="2025-03-25"), "Elnur Sadigli")
    assert first(p, "detention").date is None
