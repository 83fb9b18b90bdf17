"""Which language a report is in: one of those we read (en, ru, az), or another one.

The identifier is lingua (its n-gram models ship inside its wheel; nothing is
fetched). It chooses among our three languages and the ones reports from the
region also come in, so that a Turkish, Georgian, Armenian or Persian report is
named as such instead of being read with the nearest lexicon we have: Turkish
would otherwise pass for Azerbaijani, Ukrainian for Russian.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

READABLE: frozenset[str] = frozenset({"en", "ru", "az"})
UNDETERMINED = "und"  # ISO 639-2 for "cannot tell"

# Our languages, their close neighbours (the ones most easily confused with
# them) and the languages of the region's other reports. A language outside
# this set is named after its nearest one here, which may be one we read:
# German, French or Spanish as candidates cost more English answers than
# they gained.
_CANDIDATES = (
    Language.ENGLISH,
    Language.RUSSIAN,
    Language.AZERBAIJANI,
    Language.TURKISH,
    Language.UKRAINIAN,
    Language.BELARUSIAN,
    Language.KAZAKH,
    Language.GEORGIAN,
    Language.ARMENIAN,
    Language.PERSIAN,
    Language.ARABIC,
)

_NAMES = {
    "en": "English",
    "ru": "Russian",
    "az": "Azerbaijani",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "be": "Belarusian",
    "kk": "Kazakh",
    "ka": "Georgian",
    "hy": "Armenian",
    "fa": "Persian",
    "ar": "Arabic",
}

_WORD = re.compile(r"[^\W\d_]+")
# Enough text to decide; the identifier's time grows with the length.
_SAMPLE = 4000


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Low-accuracy mode (trigrams only) loads in well under a second; the full
    # models took 3 to 9 s on the first call, long enough to time out a web
    # request, for 2 more right answers in 372 (bench/bench_language.py).
    return LanguageDetectorBuilder.from_languages(*_CANDIDATES).with_low_accuracy_mode().build()


def _without_names(text: str) -> str:
    """The text without its capitalised words, when enough other words remain.

    A report in English about "Ülvi Həsənli and Sevinc Vaqifqızı" has letters
    only Azerbaijani uses in its names, and names carry much weight in a short
    text; the lower-case words say which language the sentences are in. Words
    at the start of a sentence go too (they are mostly capitalised common
    words; fewer words are better than names). A title in Title Case keeps
    too few lower-case words and is taken whole.
    """
    words = _WORD.findall(text)
    lower = [w for w in words if not w[0].isupper()]
    if len(lower) < 2:
        return text
    return _WORD.sub(lambda m: "" if m.group()[0].isupper() else m.group(), text)


def detect_language(text: str) -> str:
    """ "en", "ru", "az", another ISO 639-1 code (see `readable`), or "und" for no language."""
    sample = _without_names(text[:_SAMPLE])
    found = _detector().detect_language_of(sample)
    if found is None:
        return UNDETERMINED
    return found.iso_code_639_1.name.lower()


def readable(lang: str | None) -> bool:
    """Whether habeas has a lexicon for the language code (en, ru, az)."""
    return (lang or "").lower() in READABLE


def language_name(lang: str) -> str:
    """An English name for a language code ("ka" → "Georgian"); the code itself if unknown."""
    if lang == UNDETERMINED:
        return "a language that could not be identified"
    return _NAMES.get(lang.lower(), lang)
