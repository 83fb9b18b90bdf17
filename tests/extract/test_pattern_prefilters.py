"""The shortcuts that let a lexicon pattern skip text never change what it finds.

Each shortcut (the keyword word masks, the word-start scan) is checked against
the plain way of doing the same thing, on invented sentences in the three
languages, including keywords inside longer words, next to digits and hyphens.
"""

from __future__ import annotations

import re

import pytest

from habeas.extract.keywords import needs_digit, required_keywords
from habeas.extract.lexicon import Lexicon, WordPattern, fold_case, load_lexicon

TEXTS = {
    "en": [
        "Police detained the blogger Tom Vale outside the court on 3 March, his lawyer said.",
        "The unrearrested man, a so-called re-detainee, spoke of custody-like conditions today.",
        "A court in the capital sentenced two activists to 15 days of administrative arrest.",
        "Nothing happened here at all; the weather was fine and the market was busy all week.",
        "Her whereabouts remain unknown since Friday; relatives could not reach her by phone.",
        "He was fined 200 manats², released at 10½ hours and said the protest would go on.",
        "The picket-line protesters were held at the station, then freed late on Sunday night.",
    ],
    "ru": [
        "Полиция задержала активиста Петра Орлова у здания суда 3 марта, сообщил его адвокат.",
        "Суд приговорил журналистку к 15 суткам административного ареста за пикет на площади.",
        "Ничего не случилось: погода была хорошая, и на рынке весь день было много людей.",
        "Его местонахождение неизвестно с пятницы, родственники не могут с ним связаться.",
    ],
    "az": [
        "Polis əməkdaşları jurnalist Orxan Vəliyevi martın 3-də saxlayıb, vəkili bildirib.",
        "Məhkəmə fəala 30 gün inzibati həbs cəzası verib, o, etiraz aksiyasında iştirak edib.",
        "Heç nə olmadı: hava gözəl idi və bazarda bütün gün çoxlu adam var idi, deyə bildirib.",
    ],
}


def _patterns(lex: Lexicon) -> list[WordPattern]:
    out: list[WordPattern] = [t.regex for t in lex.triggers]
    out += list(lex.dates.values()) + list(lex.anaphora.values())
    out += [p for p, _ in lex.penalties] + [p for p, _ in lex.charges]
    out += [lex.role_any, lex.group_noun, lex.term_cue, lex.speech]
    out += [*lex.authority, *lex.place, *lex.duration]
    return out


def _cases() -> list[tuple[str, str]]:
    return [(lang, text) for lang, texts in TEXTS.items() for text in texts]


@pytest.mark.parametrize(("lang", "text"), _cases())
def test_word_masks_agree_with_the_keyword_scan(lang: str, text: str) -> None:
    """Never a yes where the keyword scan says no, for keywords of letters (a
    keyword such as "sit-in" is looked up by its letters); never a no where
    the pattern matches."""
    low = fold_case(text)
    for pattern in _patterns(load_lexicon(lang)):
        if pattern.prefilter is None:
            continue
        keywords = required_keywords(pattern.regex.pattern, pattern.regex.flags) or ()
        letters = all(k.isalpha() for k in keywords)
        for sample in (low, low[:40], low + " " + low, low.replace("-", " ")):
            said = pattern.possible(sample)
            where = (pattern.regex.pattern[:60], sample)
            if letters and said:
                assert pattern.prefilter.search(sample) is not None, where
            if pattern.regex.search(sample) is not None:
                assert said, where


def _plain_finditer(pattern: WordPattern, text: str) -> list[tuple[int, int]]:
    """Matches as the original scan found them: every leftmost match, dropping
    the ones that start right after a letter."""
    out: list[tuple[int, int]] = []
    pos = 0
    plain = re.compile(pattern.regex.pattern, pattern.regex.flags)
    while (m := plain.search(text, pos)) is not None:
        start = m.start()
        if pattern.words and start and text[start - 1].isalpha():
            pos = start + 1
            continue
        out.append(m.span())
        pos = m.end() if m.end() > start else start + 1
    return out


@pytest.mark.parametrize(("lang", "text"), _cases())
def test_patterns_find_what_a_plain_scan_finds(lang: str, text: str) -> None:
    low = fold_case(text)
    for pattern in _patterns(load_lexicon(lang)):
        # Words run together, and words after a Georgian letter (a letter the
        # word-start lookbehind does not list) or a superscript (not a letter).
        glued = (low.replace(" ", ""), low.replace(" ", " ა"), low.replace(" ", " ²"))
        for sample in (low, "x" + low, *glued):
            found = [m.span() for m in pattern.finditer(sample)]
            assert found == _plain_finditer(pattern, sample), pattern.regex.pattern[:60]


def test_a_match_inside_a_word_is_not_a_match() -> None:
    detained = next(t.regex for t in load_lexicon("en").triggers if t.regex.search("detained"))
    assert detained.search("he was detained") is not None
    assert detained.search("the undetained") is None


def test_a_phrase_needs_all_its_words_before_the_pattern_runs() -> None:
    pattern = WordPattern(re.compile(r"(?:bundled\s+into\s+a\s+car|taken\s+away)(?!\w)"))
    assert not pattern.possible("he was bundled off by a friend, far from the square")
    assert not pattern.possible("she was taken to hospital")
    assert pattern.possible("he was bundled into a car outside the court")
    assert pattern.search("he was bundled into a car outside the court") is not None


def test_a_run_of_letters_longer_than_any_word_rules_nothing_out() -> None:
    pattern = next(t.regex for t in load_lexicon("en").triggers if t.regex.search("detained"))
    text = "x" * 100 + " police detained him"
    assert pattern.possible(text)
    assert pattern.search(text) is not None


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"(\d{1,2})\s+марта", True),
        (r"(?:19|20)\d{2}", True),
        (r"(?:[0-9]+|\d)\s*days", True),
        (r"(\d+|two)\s+days", False),  # "two days" has no digit
        (r"(?P<day>\d{1,2})?\s*may", False),
        (r"[0-9a]", False),
        (r"(?=\d)\w+", False),  # lookarounds are not counted on
    ],
)
def test_a_pattern_needs_a_digit_only_when_every_match_holds_one(pattern: str, needs: bool) -> None:
    assert needs_digit(pattern) is needs


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_a_pattern_that_needs_a_digit_finds_nothing_without_one(lang: str) -> None:
    patterns = [p for p in _patterns(load_lexicon(lang)) if p.digit]
    assert patterns  # the dates of every lexicon have some
    for text in TEXTS[lang]:
        low = fold_case(text)
        # Arabic-Indic digits are digits to the regex too: they keep the pattern on.
        for sample in (re.sub(r"\d", "", low), re.sub(r"\d", "x", low)):
            for pattern in patterns:
                assert not pattern.possible(sample)
                assert pattern.regex.search(sample) is None, (pattern.regex.pattern[:60], sample)
        eastern = low.replace("3", "\u0663")
        assert all(p.possible(eastern) for p in patterns if p.regex.search(eastern))


@pytest.mark.parametrize(("lang", "text"), _cases())
def test_cased_patterns_skip_only_text_they_cannot_match(lang: str, text: str) -> None:
    """Courts and places are matched on the text as written: the prefilter must
    not take "Court" and "court" for one word, nor skip a text the pattern matches."""
    lex = load_lexicon(lang)
    for pattern in [*lex.authority, *lex.place]:
        for sample in (text, text.upper(), text.lower(), "In the City Court of X. " + text):
            first = pattern.regex.search(sample)
            got = pattern.search(sample)
            assert (got and got.span()) == (first and first.span()), pattern.regex.pattern[:60]


def test_an_inline_caseless_group_gives_no_keywords() -> None:
    assert required_keywords(r"(?i:court)\s+of") is None
    assert WordPattern(re.compile(r"(?i:court)"), words=False).search("the COURT") is not None


@pytest.mark.parametrize(
    ("pattern", "keywords"),
    [
        # a stem too short to be a keyword, spelled out with its endings
        (r"(\d{1,2})\s+ма[йяе]", ("мае", "май", "мая")),
        (r"(\d+)\s+дн(?:я|ей)", ("дней", "дня")),
        # a spelling that holds another one adds nothing to the test
        (r"(\d+)\s+(?:sep(?:t(?:ember)?|\.)?)", ("sep",)),
        (r"kal(?:a|e)?\s+\d", ("kal",)),
    ],
)
def test_a_short_stem_is_spelled_out_with_its_endings(
    pattern: str, keywords: tuple[str, ...]
) -> None:
    assert required_keywords(pattern) == keywords


def test_a_spelled_out_stem_rules_out_a_sentence_without_it() -> None:
    pattern = WordPattern(re.compile(r"(?P<day>\d{1,2})\s+ма[йяе](?!\w)"))
    assert not pattern.possible("его задержали 5 марта у здания суда")
    assert pattern.possible("его задержали 5 мая у здания суда")
    assert pattern.search("его задержали 5 мая у здания суда") is not None


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:(?P<aux>was|were)\s+|got\s+)(?P<verb>detained|held)",
        r"(?:(?:в|во)\s+)?(?P<day>\d{1,2})\s+(?:марта|мая)",
        r"(?:(?:polis|məhkəmə)\w*|dtx)\s+(?:onu\s+)?saxlay",
        r"(?<!not\s)(?:released|freed)(?:\s+on\s+bail)?",
    ],
)
def test_a_start_set_in_the_compiled_pattern_finds_what_a_lookahead_finds(pattern: str) -> None:
    """The first characters go into the compiled pattern, not into its text."""
    from habeas.extract.keywords import WORD_START, compile_for_search, with_start_guard

    texts = [
        "Oren Laskaris was detained; two were held, one was not released but later freed.",
        "Его задержали 5 мая, а в 12 марта — ещё раз; во 2 мая никого.",
        "Polis əməkdaşları onu saxlayıb; məhkəmənin qərarı ilə saxlayıblar.",
        "",
        "x",
    ]
    for behind in ("", WORD_START):
        fast = compile_for_search(pattern, re.UNICODE, behind=behind)
        guarded = re.compile(with_start_guard(pattern, re.UNICODE, behind=behind))
        assert guarded.pattern.startswith("(?=[")
        assert not fast.pattern.startswith("(?=[")
        assert fast.groupindex == guarded.groupindex
        for text in texts:
            for sample in (text, text.replace(" ", ""), "x" + text):
                got = [(m.span(), m.groupdict()) for m in fast.finditer(sample)]
                assert got == [(m.span(), m.groupdict()) for m in guarded.finditer(sample)]
                assert bool(fast.match(sample)) == bool(guarded.match(sample))


def test_a_word_scan_that_starts_with_a_literal_skips_matches_inside_words() -> None:
    from habeas.extract.keywords import WORD_START, compile_for_search

    scan = compile_for_search(r"(?:himself|him|his|he)(?![^\W\d_])", re.UNICODE, behind=WORD_START)
    assert scan.search("the other one") is None
    found = scan.search("the man said he was beaten")
    assert found is not None and found.group() == "he"
    pronoun = WordPattern(re.compile(r"(?:himself|him|his|he)(?![^\W\d_])"))
    assert [m.group() for m in pronoun.finditer("then he and his wife, she said")] == ["he", "his"]
