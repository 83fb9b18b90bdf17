"""Person names in a report: find them, put them in the nominative, and group
the mentions that belong to one person ("Rauf Heydarov" … "Heydarov" …).

No statistical model: a name is a run of capitalised words that looks like a
name (a known given name, a surname ending, a role word before it), checked
against the lexicon's list of capitalised words that are never names. Russian
names are put in the nominative with pymorphy3's dictionary; Azerbaijani case
endings are stripped by rule.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from habeas.extract.lexicon import Lexicon, is_role_word

_UPPER = "A-ZÀ-ÖØ-ÞƏŞÇĞÜÖİĀĒĪŌŪŽŠČА-ЯЁІЇЄЎҐӘҒҚҢӨҰҮҺ"
_LOWER = "a-zß-öø-ÿəşçğıöüāēīōūžščа-яёіїєўґәғқңөұүһʼ'’-"
_TOKEN = re.compile(rf"[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)*|[{_UPPER}]\.")
# Particles allowed inside a name: Azerbaijani/Turkic patronymic markers and Western particles.
_PARTICLES = frozenset(
    (
        "qızı", "qizi", "kızı", "kyzy", "gyzy", "oğlu", "oglu", "ogly", "ugli", "uulu", "uly",
        "кызы", "оглы", "оглу", "улы", "уулу",
        "de", "da", "di", "van", "von", "der", "del", "la", "le", "bin", "ibn",
    )
)  # fmt: skip
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")

SURNAME_ENDINGS = (
    # Latin (folded): Azerbaijani, Russian, Georgian, Armenian, Ukrainian, Belarusian, Turkic
    "ov",
    "ova",
    "ev",
    "eva",
    "yev",
    "yeva",
    "iyev",
    "iyeva",
    "in",
    "ina",
    "li",
    "lı",
    "lu",
    "lü",
    "ly",
    "zade",
    "zadə",
    "zada",
    "yan",
    "ian",
    "dze",
    "shvili",
    "svili",
    "ia",
    "ua",
    "ava",
    "ani",
    "iani",
    "eli",
    "uri",
    "enko",
    "chuk",
    "uk",
    "yuk",
    "ski",
    "sky",
    "skaya",
    "skiy",
    "ovich",
    "evich",
    "ich",
    "beyli",
    "bekov",
    "bekova",
    "ulu",
    "oglu",
    "oğlu",
    "kyzy",
    "yeva",
    "aeva",
    "ayev",
    "ayeva",
    "oev",
    "oeva",
    "uly",
    "ovа",
    "dse",
    "eyev",
    "ali",
    "ski",
    # Cyrillic
    "ов",
    "ова",
    "ев",
    "ева",
    "ёв",
    "ёва",
    "ин",
    "ина",
    "ын",
    "ына",
    "ский",
    "ская",
    "цкий",
    "цкая",
    "енко",
    "ук",
    "юк",
    "ич",
    "ли",
    "заде",
    "ян",
    "дзе",
    "швили",
    "ая",
    "ий",
    "уулу",
    # oblique forms of adjectival surnames ("Лазовского", "Бережного")
    "ского",
    "цкого",
    "скому",
    "цкому",
    "ским",
    "цким",
    "ской",
    "цкой",
    "ного",
)
_AZ_CASE_ENDINGS = (
    "nın",
    "nin",
    "nun",
    "nün",
    "ın",
    "in",
    "un",
    "ün",
    "nı",
    "ni",
    "nu",
    "nü",
    "ı",
    "i",
    "u",
    "ü",
    "ya",
    "yə",
    "a",
    "ə",
    "da",
    "də",
    "nda",
    "ndə",
    "dan",
    "dən",
    "ndan",
    "ndən",
    "la",
    "lə",
    "yla",
    "ylə",
    "ya",
    "ye",
)

_FEMALE_SURNAME_ENDINGS = ("ova", "eva", "yeva", "ina", "ayeva", "skaya", "зада", "ова", "ева")

_FOLD = str.maketrans(
    {
        "ə": "a",
        "ı": "i",
        "ş": "s",
        "ç": "c",
        "ğ": "g",
        "ö": "o",
        "ü": "u",
        "ё": "е",
        "’": "",
        "'": "",
    }
)
_PHONETIC = re.compile(r"shch|sch|sh|ch|dzh|dj|zh|kh|gh|[jxhqwy]")
_PHONETIC_MAP = {
    "shch": "s",
    "sch": "s",
    "sh": "s",
    "ch": "c",
    "dzh": "c",
    "dj": "c",
    "zh": "c",
    "kh": "g",
    "gh": "g",
    "j": "c",
    "x": "g",
    "h": "g",
    "q": "g",
    "w": "v",
    "y": "i",
}
_CYR = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "й": "y",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ы": "y",
        "ь": "",
        "э": "e",
        "ю": "yu",
        "я": "ya",
        "і": "i",
        "ў": "u",
        "ә": "a",
        "ғ": "g",
        "қ": "k",
        "ң": "n",
        "ө": "o",
        "ұ": "u",
        "ү": "u",
        "һ": "h",
    }
)


@lru_cache(maxsize=200_000)
def token_key(token: str) -> str:
    """A coarse spelling-independent key for one name token within a report.

    "Şirinova" and "Shirinova", "Həsənli" and "Hasanli" share a key; "Heydarov"
    and "Heydarova" do not (a female form is a different person).
    """
    s = token.casefold().translate(_FOLD).translate(_CYR)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if c.isalpha())
    s = _PHONETIC.sub(lambda m: _PHONETIC_MAP[m.group()], s)
    # Azerbaijani ə is written "a" or "e" in English (Həsənli / Hasanli,
    # Abbaszadə / Abbaszade): within one report e and a are one letter.
    s = s.replace("e", "a")
    return re.sub(r"(.)\1+", r"\1", s)


@cache
def given_names() -> frozenset[str]:
    """Folded keys of the bundled given-name gazetteer (empty when the file is absent)."""
    try:
        raw = (
            resources.files("habeas.extract.lexicons")
            .joinpath("given_names.txt")
            .read_text("utf-8")
        )
    except FileNotFoundError:
        return frozenset()
    return frozenset(
        token_key(line.strip()) for line in raw.splitlines() if line.strip() and line[0] != "#"
    )


def has_surname_ending(token: str) -> bool:
    t = token.casefold()
    return len(t) > 3 and t.endswith(SURNAME_ENDINGS)


_AZ_ENDINGS_LONGEST_FIRST = tuple(sorted(set(_AZ_CASE_ENDINGS), key=len, reverse=True))


@lru_cache(maxsize=100_000)
def strip_az_case(token: str) -> str:
    """ "Məmmədlinin" → "Məmmədli", "İsmayılovanı" → "İsmayılova"; other words unchanged."""
    low = token.casefold()
    # "Əhmədova" is a nominative female surname, not "Əhmədov" with a dative -a.
    if low.endswith(_FEMALE_SURNAME_ENDINGS):
        return token
    for ending in _AZ_ENDINGS_LONGEST_FIRST:
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            stem = token[: len(token) - len(ending)]
            # "Həsənliyə": a buffer y/n between the stem and the ending
            if stem[-1:].casefold() in ("y", "n") and has_surname_ending(stem[:-1]):
                return stem[:-1]
            if has_surname_ending(stem):
                return stem
    return token


@dataclass(slots=True)
class NameMention:
    start: int
    end: int
    tokens: tuple[str, ...]  # as written, possessive stripped
    possessive: bool = False


@dataclass(slots=True)
class Entity:
    """One person within one report."""

    id: int
    tokens: tuple[str, ...]  # display tokens, nominative
    keys: tuple[str, ...]
    gender: str | None = None  # "m", "f" or None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    no_relation: bool = False

    @property
    def name(self) -> str:
        return " ".join(self.tokens)

    @property
    def surname_key(self) -> str:
        return self.keys[-1]

    @property
    def given_key(self) -> str | None:
        return self.keys[0] if len(self.keys) > 1 else None


def _is_name_word(token: str, lex: Lexicon) -> bool:
    low = token.casefold()
    if low in lex.not_names or len(token) < 2 or token.endswith("."):
        return token.endswith(".") and len(token) == 2  # an initial
    return not is_role_word(lex, low)


_PARTICLE_GAP = re.compile(
    r"[ \t]+(?:" + "|".join(sorted(_PARTICLES, key=len, reverse=True)) + r")[ \t]+$", re.IGNORECASE
)


def find_name_runs(text: str, lex: Lexicon) -> list[NameMention]:
    """Runs of capitalised name-like words, as written (not yet judged as names).

    Only capitalised words are visited (a regex finds them), so the cost grows
    with the number of names and proper nouns, not with the length of the text.
    Two words are in one run when only spaces, or a patronymic particle
    ("qızı", "oglu"), stand between them.
    """
    runs: list[NameMention] = []
    current: list[tuple[int, int, str]] = []

    def flush() -> None:
        if current and current[0][2].endswith(".") and len(current) == 1:
            current.clear()  # "R." alone is not a name
        if current:
            toks = [c[2] for c in current]
            last = toks[-1]
            possessive = last.endswith(("'s", "’s"))
            toks[-1] = _POSSESSIVE.sub("", last) if possessive else last
            runs.append(NameMention(current[0][0], current[-1][1], tuple(toks), possessive))
        current.clear()

    for m in _TOKEN.finditer(text):
        s, e = m.span()
        if s and text[s - 1].isalpha():
            continue  # inside a word ("McDonald" is one word)
        if e < len(text) and (text[e].isalnum() or text[e] == "_"):
            continue
        word = m.group()
        if not _is_name_word(_POSSESSIVE.sub("", word), lex):
            flush()
            continue
        if current:
            gap = text[current[-1][1] : s]
            if gap.strip(" \t") and not _PARTICLE_GAP.match(gap):
                flush()
            elif "'" in current[-1][2][-2:] or "’" in current[-1][2][-2:]:
                flush()  # "Heydarov's Rauf": a possessive ends a name
        if word.endswith((".",)) and len(word) > 2:
            word = word[:-1]
            e -= 1
        current.append((s, e, word))
    flush()
    return runs


_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
# Endings of a Russian given name in oblique cases: (ending, nominative ending, gender, case).
_GIVEN_NAME_CASES = (
    ("а", "", "m", "gent"),
    ("у", "", "m", "datv"),
    ("ом", "", "m", "ablt"),
    ("е", "", "m", "loct"),
    ("я", "ь", "m", "gent"),
    ("ю", "ь", "m", "datv"),
    ("ем", "ь", "m", "ablt"),
    ("у", "а", "f", "accs"),
    ("ю", "я", "f", "accs"),
    ("ы", "а", "f", "gent"),
    ("и", "я", "f", "gent"),
    ("ой", "а", "f", "ablt"),
    ("ей", "я", "f", "ablt"),
)


def _gazetteer_given_name(token: str) -> tuple[str, str, str] | None:
    """A Russian given name in the gazetteer behind a case ending: (nominative, gender, case)."""
    names = given_names()
    if token_key(token) in names:
        return None
    for ending, nominative, gender, case in _GIVEN_NAME_CASES:
        if token.endswith(ending) and len(token) > len(ending) + 2:
            stem = token[: len(token) - len(ending)] + nominative
            if token_key(stem) in names:
                return stem, gender, case
    return None


def _indeclinable_for_women(parses: list[tuple[Any, ...]]) -> bool:
    last = parses[-1]
    word = str(last[0].word) if last else ""
    # "Навойчик", "Мартынюк" stay as they are for a woman; "-ой", "-ий" are case forms.
    return (
        len(parses) > 1
        and bool(word)
        and word[-1] not in "аяоеиыуюьй"
        and not any("Surn" in p.tag.grammemes and p.tag.case != "nomn" for p in last[:1])
    )


# Between equally likely readings, the case a detainee's name most often takes
# in a report ("задержали Марину Тополеву" is accusative, not dative).
_CASE_PRIOR = {"nomn": 1.0, "accs": 0.9, "gent": 0.85, "ablt": 0.8, "loct": 0.75, "datv": 0.7}
# Surname endings by (gender, case) → nominative ending, for surnames the
# dictionary does not know as surnames ("Лыскова" is also a village).
_SURNAME_CASE_ENDINGS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("m", "gent"): (("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"), ("ского", "ский")),
    ("m", "accs"): (("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"), ("ского", "ский")),
    ("m", "datv"): (("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("скому", "ский")),
    ("m", "ablt"): (("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ским", "ский")),
    ("m", "loct"): (("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("ском", "ский")),
    ("f", "accs"): (("ову", "ова"), ("еву", "ева"), ("ину", "ина"), ("скую", "ская")),
    ("f", "gent"): (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская")),
    ("f", "datv"): (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская")),
    ("f", "ablt"): (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская")),
    ("f", "loct"): (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская")),
}
_GENDERS = {"femn": "f", "masc": "m"}


class RussianMorphology:
    """pymorphy3, loaded once per process (it takes a moment and ~15 MB).

    Parses are cached per word: pymorphy3's dictionary lookups are pure Python
    and names recur within and across reports.
    """

    _analyzer: Any = None

    @classmethod
    def analyzer(cls) -> Any:
        if cls._analyzer is None:
            import pymorphy3

            cls._analyzer = pymorphy3.MorphAnalyzer(lang="ru")
        return cls._analyzer

    @staticmethod
    @lru_cache(maxsize=100_000)
    def parse(token: str) -> tuple[Any, ...]:
        return tuple(RussianMorphology.analyzer().parse(token))

    @classmethod
    def name_parts(cls, token: str) -> list[Any]:
        return [p for p in cls.parse(token) if _NAME_TAGS & p.tag.grammemes]

    @classmethod
    def is_name_token(cls, token: str) -> bool:
        return bool(cls.name_parts(token))

    @classmethod
    def nominative(
        cls, tokens: Iterable[str], *, before: str | None = None
    ) -> tuple[tuple[str, ...], str | None]:
        """A Russian name in the nominative, and its gender.

        "Марка Гальперина" → ("Марк", "Гальперин"), "m"; "Марину Тополеву" →
        ("Марина", "Тополева"), "f": the gender and case are the reading on which
        the given name and the surname agree.
        """
        toks = list(tokens)
        parses = [cls.parse(t) for t in toks]
        gender, case = cls._agreement(parses, hint=cls._hint(before))
        known = any("Name" in p.tag.grammemes for p in parses[0])
        given = _gazetteer_given_name(toks[0]) if len(toks) > 1 and not known else None
        if given is not None:
            # A given name pymorphy3 does not know ("Ерлана" from Ерлан): its
            # ending in the gazetteer tells the gender and case.
            first, gender, case = given
            rest = [
                cls._nominative_token(tok, ps, gender, case)
                for tok, ps in zip(toks[1:], parses[1:], strict=True)
            ]
            out = [first, *rest]
            return cls._surname_by_ending(out, toks, gender, case), gender
        out = [
            cls._nominative_token(tok, ps, gender, case)
            for tok, ps in zip(toks, parses, strict=True)
        ]
        return cls._surname_by_ending(out, toks, gender, case), gender

    @staticmethod
    def _surname_by_ending(
        out: list[str], toks: list[str], gender: str | None, case: str | None
    ) -> tuple[str, ...]:
        if len(out) > 1 and out[-1] == toks[-1] and gender and case and case != "nomn":
            for ending, nominative in _SURNAME_CASE_ENDINGS.get((gender, case), ()):
                if toks[-1].endswith(ending):
                    out[-1] = toks[-1][: -len(ending)] + nominative
                    break
        return tuple(out)

    @classmethod
    def _hint(cls, word: str | None) -> frozenset[tuple[str, str]]:
        """Gender and case of the noun before a name ("активиста Ерлана …": masculine
        genitive), which the name agrees with."""
        if not word or not re.fullmatch("[а-яё]+", word, re.IGNORECASE):
            return frozenset()
        return frozenset(
            (_GENDERS[p.tag.gender], p.tag.case)
            for p in cls.parse(word)
            if p.tag.POS == "NOUN" and "anim" in p.tag.grammemes and p.tag.gender in _GENDERS
        )

    @staticmethod
    def _agreement(
        parses: list[tuple[Any, ...]], *, hint: frozenset[tuple[str, str]] = frozenset()
    ) -> tuple[str | None, str | None]:
        """The gender and case on which the given name and the surname agree best.

        Each pairing of a given-name reading and a surname reading of the same
        case and gender is weighed by pymorphy3's scores, so "Дмитрия Полозкова"
        is a man in the genitive, not a woman in the nominative.
        """
        best: tuple[float, str, str] | None = None
        first, last = parses[0], parses[-1]
        for p in first:
            if "Name" not in p.tag.grammemes or p.tag.gender not in _GENDERS:
                continue
            gender = _GENDERS[p.tag.gender]
            if len(parses) == 1:
                return gender, p.tag.case
            if gender == "f" and "sing" in p.tag.grammemes and _indeclinable_for_women(parses):
                # "Алеся Навойчик", "Алесю Навойчик": a surname ending in a consonant
                # does not decline for a woman, so an undeclined one agrees with her
                # in any case (for a man it would be "Алеся Навойчика").
                weight = p.score * 0.5 * _CASE_PRIOR.get(p.tag.case, 0.6)
                if (gender, p.tag.case) in hint:
                    weight *= 4
                if best is None or weight > best[0]:
                    best = (weight, gender, p.tag.case)
            for q in last:
                if not ({"Surn", "Name"} & q.tag.grammemes) or q.tag.case != p.tag.case:
                    continue
                if q.tag.gender in _GENDERS and _GENDERS[q.tag.gender] != gender:
                    continue
                weight = p.score * q.score * _CASE_PRIOR.get(p.tag.case, 0.6)
                if (gender, p.tag.case) in hint:
                    weight *= 4
                if best is None or weight > best[0]:
                    best = (weight, gender, p.tag.case)
        if best is not None:
            return best[1], best[2]
        for p in first:
            if "Name" in p.tag.grammemes and p.tag.gender in _GENDERS:
                return _GENDERS[p.tag.gender], p.tag.case
        for p in last:
            if "Surn" in p.tag.grammemes and p.tag.gender in _GENDERS:
                return _GENDERS[p.tag.gender], p.tag.case
        return None, None

    @staticmethod
    def _nominative_token(
        token: str, parses: tuple[Any, ...], gender: str | None, case: str | None
    ) -> str:
        if not re.search("[а-яё]", token, re.IGNORECASE):
            return token
        best = None
        for strict in (True, False):
            for p in parses:
                if not (_NAME_TAGS & p.tag.grammemes):
                    continue
                pg = _GENDERS.get(p.tag.gender or "")
                if gender and pg and pg != gender:
                    continue
                if strict and case and p.tag.case != case:
                    continue
                best = p
                break
            if best is not None:
                break
        if best is None or best.tag.case == "nomn":
            return token
        form = best.inflect({"nomn", "sing"})
        if form is None:
            return token
        word = str(form.word)
        return word[:1].upper() + word[1:] if token[:1].isupper() else word
