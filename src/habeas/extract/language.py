"""Which lexicon a report needs, when its language is not given."""

from __future__ import annotations

import re

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
# Letters and words that only Azerbaijani among our languages uses. Matched on
# lower-cased text without IGNORECASE: case-insensitively "ı" would also match
# "i" and "I", and every English text would look Azerbaijani.
_AZERBAIJANI = re.compile(r"[əğı]|\b(?:və|ilə|barədə|bildirib|saxlanılıb|məhkəmə\w*)\b")


def detect_language(text: str) -> str:
    """ "ru", "az" or "en": by script, then by Azerbaijani letters and words."""
    sample = text[:4000]
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    if cyr > lat:
        return "ru"
    if len(_AZERBAIJANI.findall(sample.replace("İ", "I").lower())) >= 3:
        return "az"
    return "en"
