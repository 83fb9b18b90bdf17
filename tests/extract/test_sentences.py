from habeas.extract.sentences import split_sentences


def test_offsets_point_into_the_text() -> None:
    text = "Police detained him. He was released.\n\nA court fined her."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Police detained him.",
        "He was released.",
        "A court fined her.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "He was taken to Police Station No. 9 under Art. 510. R. Aliyev was held."
    assert [s.text for s in split_sentences(text)] == [
        "He was taken to Police Station No. 9 under Art. 510.",
        "R. Aliyev was held.",
    ]


def test_russian_article_abbreviations() -> None:
    text = "Его задержали по ч. 1 ст. 20.3.3 КоАП. Потом отпустили."
    assert len(split_sentences(text)) == 2


def test_a_month_abbreviation_before_a_day_does_not_end_a_sentence() -> None:
    text = (
        "Police detained Oren Laskaris on Sept. 14 in the capital. He was held. Court sat in Dec."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Police detained Oren Laskaris on Sept. 14 in the capital.",
        "He was held.",
        "Court sat in Dec.",
    ]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("  \n\n ") == []


def test_language_is_told_by_script_and_letters() -> None:
    from habeas.extract.language import detect_language

    assert detect_language("Police in Baku detained the activist. He is still in custody.") == "en"
    assert detect_language("Полиция задержала активиста в Баку.") == "ru"
    assert detect_language("Fəal Bakıda saxlanılıb və məhkəməyə aparılıb.") == "az"
