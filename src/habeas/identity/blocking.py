"""Blocking keys: cheap keys so a large store finds candidates without comparing all pairs.

Two names that `match_names` could call the same share at least one key:
every full word gives the first letters of its surname stem, and a declined
word also gives the keys of its nominative forms.
"""

from __future__ import annotations

from habeas.identity.forms import prepare_name, surname_stem
from habeas.identity.translit import consonant_key, loose_key

PREFIX = 3


def _word_keys(key: str) -> set[str]:
    # Two keys per word: the start of its vowel-blind stem (survives e/a, y/i
    # and suffix changes) and of its consonants (survives a dropped vowel).
    stem, _ = surname_stem(key)
    return {"s:" + loose_key(stem)[:PREFIX], "c:" + consonant_key(stem)[:PREFIX]}


def blocking_keys(name: str) -> set[str]:
    """Return the blocking keys of `name` (empty when the name cannot be compared).

    Raises InputError when `name` is empty.
    """
    prepared = prepare_name(name)
    keys: set[str] = set()
    for token in prepared.tokens:
        if token.initial:
            continue
        keys |= _word_keys(token.key)
        for form in token.nominatives:
            keys |= _word_keys(form)
    return keys
