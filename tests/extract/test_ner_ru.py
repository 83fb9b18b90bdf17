"""Russian names read in their sentence (natasha) where the dictionary cannot tell.

Invented sentences and fictional people only.
"""

from __future__ import annotations

import pytest

from habeas.extract import ner_ru
from habeas.extract.lexicon import load_lexicon
from habeas.extract.people import People

pytest.importorskip("natasha", reason="natasha is not installed")


def names(text: str) -> list[str]:
    return [e.name for e in People(text, load_lexicon("ru")).entities]


def test_an_ambiguous_given_name_takes_the_case_of_its_sentence() -> None:
    # «Руслана» is Руслан's genitive or the woman's name Руслана: the verb and
    # «участника» make it a man in the genitive.
    text = "Полиция задержала у здания суда участника пикета Руслана Веткина."
    assert names(text) == ["Руслан Веткин"]


def test_a_woman_in_the_nominative_stays_as_written() -> None:
    text = "В Шымкенте задержана активистка Бахытгуль Серикбаева."
    assert names(text) == ["Бахытгуль Серикбаева"]


def test_a_known_given_name_fixes_the_gender_the_tagger_misreads() -> None:
    text = "29-летнюю Наталью Ветродуеву осудили на восемь месяцев колонии."
    assert names(text) == ["Наталья Ветродуева"]


def test_an_implausible_reading_falls_back_to_the_dictionary() -> None:
    # A masculine nominative cannot end in -ова: the dictionary's genitive stands.
    tokens = ("Асмета", "Кулжибекова")
    by_rules, _ = ner_ru.RussianMorphology.nominative(tokens)
    text = "Суд отправил под арест Асмета Кулжибекова."
    start = text.index("Асмета")
    out, _ = ner_ru.nominative_in_context(text, tokens, start, start + 18)
    assert out in (by_rules, ("Асмет", "Кулжибеков"))
    assert not out[-1].endswith("ова")


def test_the_tagger_is_skipped_for_an_unambiguous_nominative() -> None:
    before = ner_ru.STATS.calls
    assert names("Активист Сергей Морозов провёл одиночный пикет.") == ["Сергей Морозов"]
    assert ner_ru.STATS.calls == before


def test_the_tagger_is_skipped_when_no_reading_could_change_the_name() -> None:
    # «Ильдара» is an oblique form, so the case is open; but it is a man's name
    # only, and every case the tagger could read leads to Ильдар Фахретдинов.
    before = ner_ru.STATS.calls
    text = "Суд арестовал на два месяца Ильдара Фахретдинова."
    assert names(text) == ["Ильдар Фахретдинов"]
    assert ner_ru.STATS.calls == before


def test_the_tagger_is_asked_when_its_reading_decides() -> None:
    ner_ru.tag_sentence.cache_clear()  # another test reads this sentence
    before = ner_ru.STATS.calls
    names("Полиция задержала у здания суда участника пикета Руслана Веткина.")
    assert ner_ru.STATS.calls == before + 1


def test_a_surname_the_dictionary_reads_as_a_plural_keeps_its_ending() -> None:
    # pymorphy3 alone reads «Садыков» as the genitive plural of «Садык».
    assert names("Активист Тимур Садыков провёл одиночный пикет.") == ["Тимур Садыков"]


def test_disabled_tagger_leaves_the_dictionary_reading() -> None:
    ner_ru.ENABLED = False
    try:
        text = "Полиция задержала у здания суда участника пикета Руслана Веткина."
        before = ner_ru.STATS.calls
        names(text)
        assert ner_ru.STATS.calls == before
    finally:
        ner_ru.ENABLED = True


def test_sentence_around_stops_at_sentence_marks() -> None:
    text = "Первое предложение. Второе с именем Ивана Дубова здесь. Третье."
    start = text.index("Ивана")
    offset, sentence = ner_ru.sentence_around(text, start, start + 11)
    assert sentence.strip() == "Второе с именем Ивана Дубова здесь."
    assert text[offset : offset + len(sentence)] == sentence


def test_loading_the_taggers_leaves_openblas_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    # Sentence-sized products on several BLAS threads cost far more CPU than on one.
    import ctypes

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    ner_ru._Models.load()
    if not ner_ru.one_blas_thread():
        pytest.skip("no OpenBLAS with a thread setter is loaded in this process")
    with open("/proc/self/maps", encoding="utf-8") as maps:
        paths = sorted({line.split()[-1] for line in maps if "openblas" in line.casefold()})
    getters = [
        getattr(ctypes.CDLL(p), g, None)
        for p in paths
        for g in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads")
    ]
    counts = [get() for get in getters if get is not None]
    assert counts and set(counts) == {1}
