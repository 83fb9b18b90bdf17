"""Spelling-independent forms of name words within one report.

`token_key` folds a name word to a coarse key ("Şirinova" and "Shirinova",
"Həsənli" and "Hasanli" share one); `strip_az_case` takes an Azerbaijani case
ending off a surname ("Məmmədlinin" → "Məmmədli"); the surname endings and the
given-name gazetteer are the cues both recognition and folding use.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

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
    # Azerbaijani surnames written in Cyrillic: «Гасанлы», «Ягублу», «Вагифгызы»
    "лы",
    "лу",
    "гызы",
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
    # the copula, which a predicate takes ("Onun vəkili Elçin Sadıqovdur")
    "dır",
    "dir",
    "dur",
    "dür",
    "tır",
    "tir",
    "tur",
    "tür",
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
    # "Hüseynova'nın", "Quliyev’ə": a case ending set off by an apostrophe
    for mark in ("'", "’"):
        stem, sep, ending = token.rpartition(mark)
        if sep and stem and 1 <= len(ending) <= 4 and ending.isalpha() and ending.islower():
            return stem
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


def az_case_stems(token: str) -> list[str]:
    """Every stem `token` may be with an Azerbaijani case ending cut off, with and
    without a buffer letter ("Çolakın" → ["Çolak"], "Demirə" → ["Demir"]), for
    surnames that lack the endings `strip_az_case` trusts."""
    low = token.casefold()
    stems: list[str] = []
    for ending in _AZ_ENDINGS_LONGEST_FIRST:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = token[: len(token) - len(ending)]
            stems.append(stem)
            if stem[-1:].casefold() in ("y", "n", "s"):
                stems.append(stem[:-1])
    return stems


def same_given_key(a: str | None, b: str) -> bool:
    """Whether two given-name keys are one name, letters swapped by a typo allowed.

    "Ələsgər" and "Əlsəgər" in one report are one man; "Ali" and "Alim" are not.
    """
    if a is None or a == b:
        return True
    if len(a) != len(b) or len(a) < 5 or sorted(a) != sorted(b):
        return False
    differ = [k for k, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(differ) <= 3 and differ[-1] - differ[0] <= 2
