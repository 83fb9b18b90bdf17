"""The shortcuts that make the rule engine faster give what the plain way gives.

Each one is checked against the plain computation it replaces, on invented
reports with fictional people.
"""

from __future__ import annotations

import re

import pytest

from habeas.extract.lexicon import load_lexicon
from habeas.extract.people import People

REPORT_EN = (
    "Police detained the blogger Oren Laskaris outside the court on 3 March. "
    "His lawyer, Mira Taltos, said he was beaten. "
    "Laskaris and the student Ivo Brenner were later sentenced to 15 days each. "
    "They were released on Friday, Taltos told reporters."
)


def test_mentions_in_a_span_are_those_inside_it_in_text_order() -> None:
    people = People(REPORT_EN, load_lexicon("en"))
    assert people.mentions
    edges = sorted(
        {0, len(REPORT_EN)} | {m.start for m in people.mentions} | {m.end for m in people.mentions}
    )
    for start in edges:
        for end in edges:
            plain = [m for m in people.mentions if start <= m.start and m.end <= end]
            assert people.in_span(start, end) == plain


def test_date_shapes_are_kept_per_lexicon_not_per_language() -> None:
    import tomllib
    from importlib import resources

    from habeas.extract.dates import DateKind, find_dates
    from habeas.extract.lexicon import fold_case, parse_lexicon

    data = tomllib.loads(
        (resources.files("habeas.extract") / "lexicons" / "en.toml").read_text(encoding="utf-8")
    )
    del data["dates"]["yesterday"]
    without = parse_lexicon(data, source="en.toml")
    text = fold_case("Oren Laskaris was detained yesterday.")
    assert [d.kind for d in find_dates(text, load_lexicon("en"))] == [DateKind.YESTERDAY]
    assert find_dates(text, without) == []
    assert [d.kind for d in find_dates(text, load_lexicon("en"))] == [DateKind.YESTERDAY]


GATED_TEXTS = {
    "en": [
        "Oren Laskaris was detained on charges of hooliganism and disobeying the police.",
        "He faces up to eight years if convicted of fraud under Article 178.",
        "Police did not detain the blogger Ivo Brenner, who was later accused of tax evasion.",
        "The weather was fine and the market was busy all week.",
    ],
    "ru": [
        "Тимура Ахмедзянова задержали по обвинению в хулиганстве и неповиновении полиции.",
        "Ему грозит от трех до пяти лет, его не арестовали, сообщил адвокат.",
        "Погода была хорошая, и на рынке весь день было много людей.",
    ],
    "az": [
        "Rəşad Quliyev xuliqanlıq ittihamı ilə saxlanılıb, vəkili bildirib.",
        "Ona həbs təhlükəsi ilə hədə gəliblər, o, saxlanılmayıb.",
        "Hava gözəl idi və bazarda bütün gün çoxlu adam var idi.",
    ],
}


def test_a_keyword_gate_finds_what_its_plain_pattern_finds() -> None:
    import re

    from habeas.extract.lexicon import fold_case, keyword_gate

    for lang, texts in GATED_TEXTS.items():
        lex = load_lexicon(lang)
        plain = [p for p in (lex.charge_frame, lex.negation) if isinstance(p, re.Pattern)]
        assert plain
        for pattern in plain:
            gate = keyword_gate(pattern)
            for text in texts:
                low = fold_case(text)
                for cut in range(0, len(low) + 1, 7):
                    window = low[:cut]
                    want = pattern.search(window)
                    got = gate.search(window)
                    assert (got and got.span()) == (want and want.span()), (lang, window)
                    if not gate.possible(window):
                        assert not list(pattern.finditer(window)), (lang, window)


def test_numeric_dates_keep_their_left_edge_with_the_lookbehind_after_the_digits() -> None:
    from habeas.extract.dates import find_dates
    from habeas.extract.lexicon import fold_case

    en = load_lexicon("en")

    def spans(text: str) -> list[tuple[int, int, int | None, int | None, int | None]]:
        return [(d.start, d.end, d.year, d.month, d.day) for d in find_dates(fold_case(text), en)]

    assert spans("Oren Laskaris was detained on 2024-03-08 at dawn.") == [(30, 40, 2024, 3, 8)]
    assert spans("2024-03-08 Oren Laskaris was detained.") == [(0, 10, 2024, 3, 8)]
    assert spans("He was held on 8.3.2024 and again on 11.12.2023.") == [
        (15, 23, 2024, 3, 8),
        (37, 47, 2023, 12, 11),
    ]
    # A digit, a period or a hyphen right before is another number's, not a date's start.
    for text in ("Case 12024-03-08 was heard.", "Ref -2024-03-08 ends.", "Ref 5.8.3.2024 ends."):
        assert not any(d.year for d in find_dates(fold_case(text), en)), text


def test_a_womans_oblique_form_is_searched_for_only_when_the_text_holds_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """«Ринат Гайсин … Ринат Гайсиной»: the -ой form makes the name a woman's;
    a text without the surname followed by -ой needs no search for it."""
    import re

    from habeas.extract import people as module

    with_form = "Ринат Гайсин вышла на пикет. По словам Ринат Гайсиной, её задержали."
    without = "Ринат Гайсин вышел на пикет. По словам Рината Гайсина, его задержали."
    woman = People(with_form, load_lexicon("ru"))
    assert any(e.name == "Ринат Гайсина" for e in woman.entities)
    searched: list[str] = []
    real_search = re.search

    def spy(pattern: str, text: str, *args: object) -> re.Match[str] | None:
        searched.append(pattern)
        return real_search(pattern, text, *args)

    monkeypatch.setattr(module.re, "search", spy)
    man = People(without, load_lexicon("ru"))
    assert not any(e.name == "Ринат Гайсина" for e in man.entities)
    assert not [p for p in searched if "Гайсиной" in p]


class _Spy:
    """A compiled pattern that records the texts it is searched in."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.searched: list[str] = []

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        self.searched.append(text)
        return self.pattern.search(text, *args)


def test_abbreviations_are_looked_for_only_before_a_period(monkeypatch: pytest.MonkeyPatch) -> None:
    from habeas.extract import sentences

    spies = [_Spy(sentences._ABBREVIATION), _Spy(sentences._MONTH_ABBREVIATION)]
    monkeypatch.setattr(sentences, "_ABBREVIATION", spies[0])
    monkeypatch.setattr(sentences, "_MONTH_ABBREVIATION", spies[1])
    text = "Is Oren Laskaris free? Nobody knows!\nHe was seen on Feb. 13 with Dr. Ivo Brenner."
    found = [s.text for s in sentences.split_sentences(text)]
    assert found == [
        "Is Oren Laskaris free?",
        "Nobody knows!",
        "He was seen on Feb. 13 with Dr. Ivo Brenner.",
    ]
    for spy in spies:
        assert spy.searched and all(t.endswith(".") for t in spy.searched)


def test_a_shared_surname_is_looked_for_only_after_a_conjunction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "Ali and Rauf Sadiqli" are two people; a name after no conjunction
    needs no search for the given name before it."""
    from habeas.extract import people as module

    spies: list[_Spy] = []
    real_compile = re.compile

    def compile_spy(pattern: str, flags: int = 0) -> _Spy | re.Pattern[str]:
        compiled = real_compile(pattern, flags)
        if pattern.startswith(r"(?<!\w)(\w+)"):
            spies.append(_Spy(compiled))
            return spies[-1]
        return compiled

    monkeypatch.setattr(module.re, "compile", compile_spy)
    text = "The brothers Ali and Rauf Sadiqli were detained. Their lawyer Elmar Qasimzadov spoke."
    people = People(text, load_lexicon("en"))
    assert {"Ali Sadiqli", "Rauf Sadiqli"} <= {e.name for e in people.entities}
    searched = [t for spy in spies for t in spy.searched]
    assert searched and all(t.rstrip().endswith(" and") for t in searched)


def test_a_sentences_relative_clauses_are_found_once_for_all_its_hits() -> None:
    from dataclasses import replace

    from habeas.extract.lexicon import fold_case
    from habeas.extract.linking import Linker
    from habeas.extract.sentences import split_sentences

    text = "Oren Laskaris, who was detained on Saturday, was fined on Monday and jailed."
    lex = load_lexicon("en")
    assert lex.relative_clause is not None
    counted: list[str] = []
    real = lex.relative_clause

    class Counted:
        def finditer(self, low: str) -> object:
            counted.append(low)
            return real.finditer(low)

    lex = replace(lex, relative_clause=Counted())  # type: ignore[arg-type]
    sentences = split_sentences(text)
    link = Linker(text, fold_case(text), lex, People(text, lex), sentences)
    first = link.relative_clauses(sentences[0])
    assert first and link.relative_clauses(sentences[0]) == first
    assert len(counted) == 1
