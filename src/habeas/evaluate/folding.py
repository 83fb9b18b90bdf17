"""Names folded the way the contract's scorer folds them, and how well two names agree.

The scorer's rules, restated: case, Azerbaijani letters, Cyrillic and accents
are folded to plain Latin; a patronymic is dropped; each word also gets a
coarse phonetic key so spellings from two scripts (Гейдаров / Heydarov) meet.
Two names agree on one of six tiers, best first: folded equal, keys equal,
same words in another order (folded, then keys), one name a part of the
other with the same last word (folded, then keys).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_LETTERS = {
    # Azerbaijani Latin
    "ə": "a", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u",
    # Russian Cyrillic, a simple table
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # other Cyrillic alphabets of the region
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ә": "a", "ғ": "g", "ҝ": "g",
    "һ": "h", "ө": "o", "ү": "u", "ұ": "u", "ҹ": "c", "ј": "y", "қ": "k", "ң": "n",
    # Latin letters NFKD does not take apart
    "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe",
}  # fmt: skip
_TABLE = str.maketrans(_LETTERS)
_APOSTROPHES = re.compile(r"['’ʼ‘`´]")
_NON_WORD = re.compile(r"[\W_]+")

_SOUNDS = re.compile(r"shch|sch|sh|ch|dzh|dj|zh|kh|yo|[jxhqw]")
_SOUND_OF = {
    "shch": "s", "sch": "s", "sh": "s", "ch": "c", "dzh": "c", "dj": "c", "zh": "c",
    "kh": "g", "yo": "e", "j": "c", "x": "g", "h": "g", "q": "g", "w": "v",
}  # fmt: skip
_GLIDE = re.compile(r"(?<![aeiou])y(?=[aeiou])")
_DOUBLE = re.compile(r"(.)\1+")

_PATRONYMIC_WORDS = frozenset(
    {"oglu", "ogly", "ogli", "ugli", "qizi", "gizi", "kizi", "kyzy", "uulu", "uly"}
)
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovna", "evna", "ichna")


def fold(text: str) -> str:
    """Plain lower-case Latin words, single-spaced."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_TABLE))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", _APOSTROPHES.sub("", folded)).split())


def sound_key(word: str) -> str:
    """A coarse phonetic key of one folded word."""
    key = _SOUNDS.sub(lambda m: _SOUND_OF[m.group()], word)
    key = _GLIDE.sub("", key).replace("y", "i")
    return _DOUBLE.sub(r"\1", key)


def _without_patronymic(words: list[str]) -> list[str]:
    kept: list[str] = []
    for i, word in enumerate(words):
        if word in _PATRONYMIC_WORDS and len(kept) >= 2:
            # "Given Father kyzy" (Kyrgyz): the father's name serves as the surname.
            if not (i == len(words) - 1 and len(kept) == 2):
                kept.pop()  # "Given Father oğlu Surname": the father's name goes too
            continue
        kept.append(word)
    if len(kept) >= 3:
        for k in (1, len(kept) - 1):
            if len(kept[k]) > 6 and kept[k].endswith(_PATRONYMIC_ENDINGS):
                return kept[:k] + kept[k + 1 :]
    return kept


@dataclass(frozen=True, slots=True)
class FoldedName:
    words: tuple[str, ...]
    keys: tuple[str, ...]

    @classmethod
    def of(cls, raw: str) -> FoldedName:
        words = tuple(_without_patronymic(fold(raw).split()))
        return cls(words, tuple(sound_key(w) for w in words))


def _compatible(a: str, b: str) -> bool:
    # An initial stands for any word that starts with it.
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _part_of(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if shorter[-1] != longer[-1]:
        return False
    if len(shorter) >= 2 and not _compatible(shorter[0], longer[0]):
        return False
    rest = list(longer[:-1])
    for word in shorter[:-1]:
        at = next((k for k, other in enumerate(rest) if _compatible(word, other)), None)
        if at is None:
            return False
        del rest[at]
    return True


def agreement(gold: FoldedName, pred: FoldedName) -> int:
    """0 when the names cannot be one person, else the tier 1..6 (6 best)."""
    if not gold.words or not pred.words:
        return 0
    tiers = (
        (6, "".join(gold.words) == "".join(pred.words)),
        (5, "".join(gold.keys) == "".join(pred.keys)),
        (4, sorted(gold.words) == sorted(pred.words)),
        (3, sorted(gold.keys) == sorted(pred.keys)),
    )
    for tier, holds in tiers:
        if holds:
            return tier
    if _part_of(gold.words, pred.words):
        return 2
    return 1 if _part_of(gold.keys, pred.keys) else 0
