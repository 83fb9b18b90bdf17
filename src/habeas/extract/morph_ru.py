"""Russian names in the nominative, with pymorphy3's dictionary.

"Марка Гальперина" → "Марк Гальперин": the gender and case are the reading on
which the given name and the surname agree. Where the dictionary cannot
settle it, `ner_ru` asks a statistical tagger about the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from habeas.extract.folding import given_names, token_key

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
    ("е", "а", "f", "datv"),
    ("е", "а", "f", "loct"),
    ("и", "я", "f", "datv"),
)


# «Айсулуу», «Нурзаада»: a Kyrgyz name ends in a long vowel, which no Russian case
# form does; it does not decline (the dictionary's guess gave «Айсулуа»).
_LONG_VOWEL_END = re.compile(r"(?:уу|аа|оо|ээ|ыы|үү|өө)$", re.IGNORECASE)


_VOWEL_SOFT_SIGN = re.compile(r"[аеёиоуыэюя]ь$", re.IGNORECASE)


def _cased_like(word: str, token: str) -> str:
    """`word` (the dictionary's lower case) with the capitals of `token`, part by
    part: «Тер-Аветисяна» → «Тер-Аветисян», not «Тер-аветисян»."""
    parts, cased = word.split("-"), token.split("-")
    if len(parts) != len(cased):
        cased = cased[:1]
    return "-".join(
        part[:1].upper() + part[1:] if i < len(cased) and cased[i][:1].isupper() else part
        for i, part in enumerate(parts)
    )


def gazetteer_given_name(token: str) -> tuple[str, str, str] | None:
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


def gazetteer_given_readings(token: str) -> list[tuple[str, str, str]]:
    """Every (nominative, gender, case) a gazetteer given name behind a case ending
    gives `token` («Каната»: Канат, m, gent); empty for a nominative or no name."""
    names = given_names()
    if token_key(token) in names:
        return []
    out = []
    for ending, nominative, gender, case in _GIVEN_NAME_CASES:
        if token.endswith(ending) and len(token) > len(ending) + 2:
            stem = token[: len(token) - len(ending)] + nominative
            # (a soft sign after a vowel, «Таалаь» from «Таалаю», is no word, though
            # its folded key may be a gazetteer name's)
            if token_key(stem) in names and not _VOWEL_SOFT_SIGN.search(stem):
                out.append((stem, gender, case))
    return out


def _given_name_by_ending(token: str, gender: str, case: str) -> str | None:
    """An unknown given name's nominative from its case ending: "Ерлана" (m, gent) → "Ерлан"."""
    for ending, nominative, g, c in _GIVEN_NAME_CASES:
        if g == gender and c == case and token.endswith(ending) and len(token) > len(ending) + 2:
            return token[: len(token) - len(ending)] + nominative
    if gender == "m" and case == "accs":
        return _given_name_by_ending(token, gender, "gent")
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
SURNAME_CASE_ENDINGS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    # (a man's Armenian -ян declines as a consonant stem, «Саркисяна»; a woman's does not)
    ("m", "gent"): (
        ("ова", "ов"),
        ("ева", "ев"),
        ("ёва", "ёв"),
        ("ина", "ин"),
        ("ского", "ский"),
        ("яна", "ян"),
    ),
    ("m", "accs"): (
        ("ова", "ов"),
        ("ева", "ев"),
        ("ёва", "ёв"),
        ("ина", "ин"),
        ("ского", "ский"),
        ("яна", "ян"),
    ),
    ("m", "datv"): (("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("скому", "ский"), ("яну", "ян")),
    ("m", "ablt"): (
        ("овым", "ов"),
        ("евым", "ев"),
        ("иным", "ин"),
        ("ским", "ский"),
        ("яном", "ян"),
    ),
    ("m", "loct"): (("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("ском", "ский"), ("яне", "ян")),
    ("f", "accs"): (("ову", "ова"), ("еву", "ева"), ("ину", "ина"), ("скую", "ская")),
    ("f", "gent"): (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская")),
    ("f", "datv"): (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская")),
    ("f", "ablt"): (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская")),
    ("f", "loct"): (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская")),
}
_GENDERS = {"femn": "f", "masc": "m"}

# Verbs whose object right after them is the person acted on, always in the
# accusative: «задержали Александру Белову» is her, not his dative. Verbs that
# also take a dative of the person («назначил Александру Белову 10 суток»: his)
# are left out on purpose.
_ACCUSATIVE_VERBS = frozenset(
    {
        "задержать", "задерживать", "арестовать", "арестовывать", "оштрафовать",
        "осудить", "приговорить", "отпустить", "отпускать", "освободить",
        "освобождать", "выпустить", "избить", "доставить", "увезти", "похитить",
        "схватить", "забрать", "допросить", "обыскать", "обвинить", "этапировать",
        "поместить",
    }
)  # fmt: skip


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

    @staticmethod
    @lru_cache(maxsize=100_000)
    def is_known(token: str) -> bool:
        """Whether the dictionary has the word at all (not just a guess from its ending)."""
        return bool(RussianMorphology.analyzer().word_is_known(token.casefold()))

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
        given = gazetteer_given_name(toks[0]) if len(toks) > 1 and not known else None
        if given is not None:
            # A given name pymorphy3 does not know ("Ерлана" from Ерлан): its
            # ending in the gazetteer tells the gender and case.
            first, gender, case = given
            rest = [cls._nominative_token(tok, gender, case) for tok in toks[1:]]
            out = [first, *rest]
            return cls._surname_by_ending(out, toks, gender, case), gender
        out = [cls._nominative_token(tok, gender, case) for tok in toks]
        return cls._surname_by_ending(out, toks, gender, case), gender

    @classmethod
    def nominative_as(cls, tokens: Iterable[str], gender: str, case: str) -> tuple[str, ...]:
        """A Russian name in the nominative, its gender and case known from context.

        "Руслана Осипова" read as a man's genitive → ("Руслан", "Осипов"); read as
        a nominative it stays as it is. A given name the dictionary lacks is
        put back by its ending ("Ерлана" → "Ерлан").
        """
        toks = list(tokens)
        if case == "nomn":
            return tuple(toks)
        out = []
        for k, tok in enumerate(toks):
            parses = cls.parse(tok)
            if k == 0 and len(toks) > 1 and not cls.is_known(tok):
                # «Хадиджу»: a gazetteer name behind the ending outweighs the
                # dictionary's guess for a word it lacks (a man's «Хадиджу»)
                known = [n for n, g, c in gazetteer_given_readings(tok) if (g, c) == (gender, case)]
                if known:
                    out.append(known[0])
                    continue
            if k == 0 and len(toks) > 1 and not any("Name" in p.tag.grammemes for p in parses):
                stem = _given_name_by_ending(tok, gender, case)
                out.append(stem or tok)
                continue
            out.append(cls._nominative_token(tok, gender, case))
        return cls._surname_by_ending(out, toks, gender, case)

    @staticmethod
    def _surname_by_ending(
        out: list[str], toks: list[str], gender: str | None, case: str | None
    ) -> tuple[str, ...]:
        if len(out) > 1 and out[-1] == toks[-1] and gender and case and case != "nomn":
            for ending, nominative in SURNAME_CASE_ENDINGS.get((gender, case), ()):
                if toks[-1].endswith(ending):
                    out[-1] = toks[-1][: -len(ending)] + nominative
                    break
        return tuple(out)

    @staticmethod
    @lru_cache(maxsize=100_000)
    def _hint(word: str | None) -> frozenset[tuple[str, str]]:
        """Gender and case of the noun before a name ("активиста Ерлана …": masculine
        genitive), which the name agrees with."""
        if not word or not re.fullmatch("[а-яё]+", word, re.IGNORECASE):
            return frozenset()
        parses = RussianMorphology.parse(word)
        if any(
            p.tag.POS in {"VERB", "INFN"} and p.normal_form in _ACCUSATIVE_VERBS for p in parses
        ):
            return frozenset({("m", "accs"), ("f", "accs")})
        return frozenset(
            (_GENDERS[p.tag.gender], p.tag.case)
            for p in parses
            if p.tag.POS == "NOUN"
            and "anim" in p.tag.grammemes
            and p.tag.gender in _GENDERS
            # «18 марта Ерлана …»: a lower-case word read as a name (Марта) is the month
            and not (_NAME_TAGS & p.tag.grammemes)
        )

    @staticmethod
    @lru_cache(maxsize=20_000)
    def agreement_after(word: str) -> tuple[str, str] | None:
        """The gender and case a past verb or a participle right after a name
        agrees with it in («вышла»: f, nomn; «задержанного»: m, gent), when all
        its readings of those kinds tell one; None otherwise."""
        readings = set()
        for p in RussianMorphology.parse(word):
            if p.tag.POS == "VERB" and "past" in p.tag.grammemes and "sing" in p.tag.grammemes:
                case = "nomn"
            elif p.tag.POS == "PRTF" and "sing" in p.tag.grammemes:
                case = p.tag.case
            else:
                continue
            if p.tag.gender in _GENDERS and case in ("nomn", "gent", "datv", "ablt"):
                readings.add((_GENDERS[p.tag.gender], case))
        return next(iter(readings)) if len(readings) == 1 else None

    @classmethod
    def hinted(cls, tokens: Iterable[str], before: str | None) -> bool:
        """Whether the word before the name fixes its reading: a role noun it agrees
        with («активистку Александру …») or a verb acting on it («задержали …»)."""
        hint = cls._hint(before)
        if not hint:
            return False
        return cls._agreement([cls.parse(t) for t in tokens], hint=hint) in hint

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
        # A reading that agrees with the word before the name wins over any other,
        # however rare pymorphy3 finds it (Александру as Александра's accusative).
        boost = 1000.0 if hint else 1.0
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
                    weight *= boost
                if best is None or weight > best[0]:
                    best = (weight, gender, p.tag.case)
            for q in last:
                if not ({"Surn", "Name"} & q.tag.grammemes) or q.tag.case != p.tag.case:
                    continue
                if q.tag.gender in _GENDERS and _GENDERS[q.tag.gender] != gender:
                    continue
                weight = p.score * q.score * _CASE_PRIOR.get(p.tag.case, 0.6)
                if (gender, p.tag.case) in hint:
                    weight *= boost
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
    @lru_cache(maxsize=100_000)
    def _nominative_token(token: str, gender: str | None, case: str | None) -> str:
        # Cached per word form, gender and case: pymorphy3's inflect() is the
        # costliest step of a Russian name, and names recur across reports.
        if not re.search("[а-яё]", token, re.IGNORECASE) or _LONG_VOWEL_END.search(token):
            return token
        parses = RussianMorphology.parse(token)
        best = None
        # One person's name is singular: "Утемисов" is not the plural genitive of
        # a name "Утемис" (a shared plural surname, «Ивановых», keeps its reading).
        plural_ok = token.endswith(("ых", "их"))
        for strict in (True, False):
            for p in parses:
                if not (_NAME_TAGS & p.tag.grammemes):
                    continue
                if "plur" in p.tag.grammemes and not plural_ok:
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
        return _cased_like(str(form.word), token)
