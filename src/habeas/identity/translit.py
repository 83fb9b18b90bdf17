"""Transliteration of one name token to plain Latin, and its phonetic key.

Two steps, kept apart so each can be tested:

- `to_latin` writes a token in lower-case ASCII with the conventions most
  English-language sources use (х → kh, ж → zh, ş → sh, ə → a, ხ → kh).
  Cyrillic, Georgian and the Azerbaijani/Turkish/Slavic Latin letters use our
  own tables, because the generic ICU rules give "Sejran" for Сейран and
  drop the sound of Serbian џ; other scripts (Armenian, Arabic, Greek, Thai…) go
  through ICU via `normality.ascii_text`.
- `phonetic_key` folds the spellings that different conventions produce for
  the same sound (kh/x/h/q/g, sh/ş/sz, ch/c/j/zh/dzh/ts, y/i/j, w/v, doubled
  letters) so that "Khayala", "Xəyalə" and "Хаяла" share one key.
"""

from __future__ import annotations

import re
import unicodedata

from normality import ascii_text

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "ye", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "ј": "y",
    "к": "k", "л": "l", "љ": "l", "м": "m", "н": "n", "њ": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "ћ": "ch", "ђ": "dj", "у": "u", "ў": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "џ": "dzh", "ш": "sh", "щ": "shch",
    # Russian hard sign is silent, but Bulgarian spells the vowel ı with it
    # (Назлъ = Nazlı); in names the vowel reading is by far the commoner.
    "ъ": "i", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Kazakh, Kyrgyz, Azerbaijani and Tatar Cyrillic letters.
    "ә": "a", "ғ": "gh", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    "ҹ": "dzh", "ҝ": "g", "ѓ": "g", "ќ": "k", "ѕ": "dz",
}  # fmt: skip

# Mkhedruli, in the national romanisation with the digraphs English sources use.
_GEORGIAN = {
    "ა": "a", "ბ": "b", "გ": "g", "დ": "d", "ე": "e", "ვ": "v", "ზ": "z", "თ": "t",
    "ი": "i", "კ": "k", "ლ": "l", "მ": "m", "ნ": "n", "ო": "o", "პ": "p", "ჟ": "zh",
    "რ": "r", "ს": "s", "ტ": "t", "უ": "u", "ფ": "p", "ქ": "k", "ღ": "gh", "ყ": "q",
    "შ": "sh", "ჩ": "ch", "ც": "ts", "ძ": "dz", "წ": "ts", "ჭ": "ch", "ხ": "kh",
    "ჯ": "j", "ჰ": "h",
}  # fmt: skip

# Latin letters whose decomposition would lose the sound (ş → s, ł → nothing).
_LATIN = {
    "ə": "a", "ı": "i", "ş": "sh", "ç": "ch", "ğ": "gh", "ö": "o", "ü": "u",
    "č": "ch", "š": "sh", "ž": "zh", "ł": "l", "đ": "dj", "ß": "ss", "ø": "o",
    "æ": "ae", "œ": "oe", "ț": "ts", "ţ": "ts", "ș": "sh",
}  # fmt: skip

_TABLE = str.maketrans({**_CYRILLIC, **_GEORGIAN, **_LATIN})

# Armenian marks definiteness with a final ը ("Գաջիևը"), which ICU reads as a
# vowel and so turns a man's surname into a woman's.
_ARMENIAN_ARTICLE = "ը"

_NOT_ASCII_LETTER = re.compile(r"[^a-z]")


_AZERBAIJANI_LETTERS = frozenset("əışğçöü")


def _latin_x(token: str) -> str:
    # Azerbaijani and Uzbek x is kh (Xəyalə); elsewhere it is ks (Alexander),
    # except at the start of a word, where only the kh reading occurs in names.
    if "x" not in token:
        return token
    if _AZERBAIJANI_LETTERS.intersection(token):
        return token.replace("x", "kh")
    return ("kh" + token[1:] if token[0] == "x" else token).replace("x", "ks")


def to_latin(token: str) -> str:
    """Return `token` (lower case) written in lower-case ASCII letters only."""
    if token.endswith(_ARMENIAN_ARTICLE) and len(token) > 2:
        token = token[:-1]
    token = _latin_x(token)
    text = token.translate(_TABLE)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        if not text.isascii():
            text = ascii_text(text) or ""
    return _NOT_ASCII_LETTER.sub("", text.lower())


# Ordered: longer spellings first, so "shch" is read before "sh" and "ch".
_SOUND_FOLDS = (
    ("shch", "s"), ("tsch", "c"), ("dzh", "c"), ("dj", "c"), ("zh", "c"), ("ch", "c"),
    ("ts", "c"), ("tz", "c"), ("cz", "c"), ("sh", "s"), ("sz", "s"), ("kh", "g"),
    ("gh", "g"), ("ph", "f"), ("th", "t"), ("ck", "k"),
    ("ousk", "ovsk"), ("owsk", "ovsk"), ("ou", "u"),
)  # fmt: skip
_SINGLE_FOLDS = str.maketrans({"q": "g", "h": "g", "w": "v", "y": "i"})
_VOWELS = frozenset("aeiou")
_DOUBLED = re.compile(r"(.)\1+")
_GLIDE = re.compile(r"(?<=[aeou])i(?=[aeou])")


def _fold_j(text: str) -> str:
    # "j" is a consonant like dzh at the start or between vowels (Jalil,
    # Tajir) and a glide like y elsewhere (Sergej, Marja, Sokolnyj).
    out = []
    for i, ch in enumerate(text):
        if ch != "j":
            out.append(ch)
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        feminine_end = before in "aeo" and after == "a" and i + 2 == len(text)
        if not before or (before in _VOWELS and after in _VOWELS and not feminine_end):
            out.append("c")
        else:
            out.append("i")
    return "".join(out)


def phonetic_key(latin: str) -> str:
    """Return the sound-folded key of a `to_latin` token (same spelling family, same key)."""
    # A final h after a vowel is silent in Qulizadeh/Qulizadə, Abdullah/Abdulla.
    if len(latin) > 3 and latin[-1] == "h" and latin[-2] in _VOWELS:
        latin = latin[:-1]
    text = _fold_j(latin)
    for spelling, sound in _SOUND_FOLDS:
        if spelling in text:
            text = text.replace(spelling, sound)
    text = text.translate(_SINGLE_FOLDS)
    if text.endswith(("skaia", "ckaia")):
        # Polish and Czech write the feminine ending short (Kowalska).
        text = text[:-2]
    # The glide between two vowels is written or not (Mirzaev / Mirzayev);
    # doubled letters go first so a doubled glide (Майя → maiia) goes too.
    text = _GLIDE.sub("", _DOUBLED.sub(r"\1", text))
    return _DOUBLED.sub(r"\1", text)


_CONSONANT_FOLDS = str.maketrans(
    {"v": "f", "p": "b", "k": "g", "a": None, "e": None, "i": None, "o": None, "u": None}
)


def consonant_key(key: str) -> str:
    """Return the consonants of a phonetic key, for scripts that omit vowels (Arabic).

    v/f and p/b are folded too, because Arabic writes them with one letter each.
    """
    return _DOUBLED.sub(r"\1", key.translate(_CONSONANT_FOLDS))


_VELAR_GLIDE = re.compile(r"(?<=[gk])i(?=[au])")


def loose_key(key: str) -> str:
    """Return a phonetic key with e read as a and the glide after g/k dropped.

    Azerbaijani ə is e in Russian and a in English (Əhməd: Ахмед, Ahmad),
    and Russian writes the g/k before it with я/ю (Gülnar: Гюльнар).
    """
    return _DOUBLED.sub(r"\1", _VELAR_GLIDE.sub("", key).replace("e", "a"))
