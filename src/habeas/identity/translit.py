"""Transliteration of one name token to plain Latin, and its phonetic key.

Two steps, kept apart so each can be tested:

- `to_latin` writes a token in lower-case ASCII with the conventions most
  English-language sources use (х → kh, ж → zh, ş → sh, ə → a, ხ → kh).
  Cyrillic, Georgian, Hebrew, the Persian readings of Arabic letters and the
  Azerbaijani/Turkish/Slavic Latin letters use the tables in
  data/scripts.toml, because the generic ICU rules give "Sejran" for Сейран
  and drop the sound of Serbian џ; other scripts (Armenian, Arabic, Greek,
  Thai…) go through ICU via `normality.ascii_text`.
- `phonetic_key` folds the spellings that different conventions produce for
  the same sound (data/conventions.toml: kh/x/h/q/g, sh/ş/sz/sch, ch/c/j/
  zh/dzh/dsch/ts/tsch, y/i/j, w/v, doubled letters) so that "Khayala",
  "Xəyalə" and "Хаяла" share one key.
- `loose_key` folds what varies between languages rather than conventions
  (vowels a/e/o, k/g, Belarusian дз/д, a final voiced consonant).
"""

from __future__ import annotations

import re
import unicodedata

from normality import ascii_text

from habeas.identity.tables import letter_folds, letter_table, sound_folds

# Per-script letter tables (data/scripts.toml); Armenian, Arabic and the
# rest go through ICU via normality after them.
_TABLE = str.maketrans(
    {
        letter: latin
        for script in ("cyrillic", "georgian", "hebrew", "persian", "latin")
        for letter, latin in letter_table(script).items()
    }
)

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


_SOUND_FOLDS = sound_folds()
_SINGLE_FOLDS = str.maketrans(letter_folds())
_VOWELS = frozenset("aeiou")
_DOUBLED = re.compile(r"(.)\1+")


def _undouble(text: str) -> str:
    # Searching first is cheaper than a substitution that finds nothing.
    return _DOUBLED.sub(r"\1", text) if _DOUBLED.search(text) else text


_GLIDE = re.compile(r"(?<=[aeou])i(?=[aeou])")


# German spells the glide of -ьев/-ьёв with j between vowels (Fatullajew,
# Alijewa), where j is otherwise a consonant (Tajir).
_GERMAN_GLIDE_END = ("ew", "ewa", "ow", "owa", "ev", "eva", "ov", "ova")


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
        glide_end = text[i + 1 :] in _GERMAN_GLIDE_END
        if not before or (
            before in _VOWELS and after in _VOWELS and not feminine_end and not glide_end
        ):
            out.append("c")
        else:
            out.append("i")
    return "".join(out)


def _silent_final_h(latin: str) -> str:
    # A final h is silent in Abdullah/Abdulla and Qulizadeh/Qulizadə, but
    # sounded in Salih/Salikh and Saleh.
    if len(latin) > 3 and (latin.endswith("ah") or latin.endswith("deh")):
        return latin[:-1]
    return latin


def phonetic_key(latin: str) -> str:
    """Return the sound-folded key of a `to_latin` token (same spelling family, same key)."""
    text = _silent_final_h(latin)
    # Initial Russian е is ye in BGN/PCGN and e elsewhere (Yelena / Elena).
    if text.startswith("ye") and len(text) > 3:
        text = text[1:]
    # Belarusian -оў/-еў is Russian -ов/-ев (Kavalioŭ / Kovalyov); Turkish
    # -oğlu in Greek or French spelling (-oglou) is not.
    if len(text) > 4 and text.endswith(("ou", "eu")) and not text.endswith("glou"):
        text = text[:-1] + "v"
    for spelling, sound in _SOUND_FOLDS:
        if spelling in text:
            text = text.replace(spelling, sound)
    text = _fold_j(text)
    text = text.translate(_SINGLE_FOLDS)
    if text.endswith(("skaia", "ckaia")):
        # Polish and Czech write the feminine ending short (Kowalska).
        text = text[:-2]
    # The glide between two vowels is written or not (Mirzaev / Mirzayev);
    # doubled letters go first so a doubled glide (Майя → maiia) goes too.
    text = _GLIDE.sub("", _undouble(text))
    return _undouble(text)


_CONSONANT_FOLDS = str.maketrans(
    {"v": "f", "p": "b", "k": "g", "a": None, "e": None, "i": None, "o": None, "u": None}
)


def consonant_key(key: str) -> str:
    """Return the consonants of a phonetic key, for scripts that omit vowels (Arabic).

    v/f and p/b are folded too, because Arabic writes them with one letter each.
    """
    return _undouble(key.translate(_CONSONANT_FOLDS))


_VELAR_GLIDE = re.compile(r"(?<=[gk])i(?=[au])")
# A soft consonant is written with a following i or not (Belarusian я, Polish
# ie: Seviarynets / Severinets, Dzhelial / Dzhelal), except before the
# surname suffixes and feminine endings where the i is a vowel (Aliyev).
_PALATAL = re.compile(r"(?<=[bcdfgklmnprstvz])i(?=[aeou])(?!(?:ev|eva|ov|ova|a|an|na|u)$)")
# Belarusian ў after a vowel is written u or w (Паўла: Paula, Pawła).
_NONSYLLABIC_U = re.compile(r"(?<=[aeo])u(?![aeiou])")
_LOOSE_LETTERS = str.maketrans({"e": "a", "o": "a", "k": "g"})
_FINAL_DEVOICED = str.maketrans({"d": "t", "b": "p", "f": "v"})


def loose_key(key: str) -> str:
    """Return a phonetic key with the vowels a/e/o, k/g and final voicing folded.

    Azerbaijani ə is e in Russian and a in English (Əhməd: Ахмед, Ahmad);
    Belarusian and Uzbek write a where Russian writes o (Raman / Roman,
    Islom / Islam); Turkish and Kazakh write k for Azerbaijani q and Russian
    г (Kanimet / Qənimət); Turkish writes a final voiced consonant voiceless
    (Zahit / Zahid); Belarusian дз is Russian д (Dzmitry / Dmitry); and
    Russian writes the g/k before a vowel with я/ю (Gülnar: Гюльнар).
    """
    text = key
    if "i" in text:
        text = _PALATAL.sub("", _VELAR_GLIDE.sub("", text))
    if "dz" in text:
        text = text.replace("dz", "d")
    if "u" in text:
        text = _NONSYLLABIC_U.sub("v", text)
    text = text.translate(_LOOSE_LETTERS)
    if text:
        text = text[:-1] + text[-1].translate(_FINAL_DEVOICED)
    return _undouble(text)
