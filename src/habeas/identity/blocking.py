"""Blocking keys: cheap keys so a large store finds candidates without comparing all pairs.

A store keeps the `stored` keys of every name form (one row per key) and
looks up the `sought` keys of a new name. Whenever `match_names` could call
two names the same, the sought keys of each meet the stored keys of the
other. The keys are built from word keys (the first letters of a word's
vowel-blind stem, and of its consonants) in three kinds:

- `k:` a word key joined to the first letter of another word of the name.
  Two names of two or more words that match pair at least two words, so
  they share one of these; a block is then "surname starting mir… with a
  given name starting t", small even among 100,000 persons.
- `w:` every word key, stored for every name but sought only for a name of
  one word ("Mirzayev" alone may be any Mirzayev).
- `o:` the word keys of a one-word name, sought by every word of a longer
  name, so "Tural Mirzayev" finds a person known only as "Mirzayev".
"""

from __future__ import annotations

from dataclasses import dataclass

from habeas.identity.forms import NameToken, prepare_name, surname_stem
from habeas.identity.given import group_initials
from habeas.identity.normalize import Script
from habeas.identity.translit import consonant_key, loose_key

PREFIX = 3


@dataclass(frozen=True, slots=True)
class BlockingKeys:
    """The keys to index a name under (`stored`) and to look it up by (`sought`)."""

    stored: frozenset[str]
    sought: frozenset[str]


def _readings(token: NameToken) -> tuple[str, ...]:
    # A word's key, its nominatives, and the key without an initial h that
    # Russian spellings drop (Həzi / Ази): every reading the matcher pairs on.
    readings = [token.key, *token.nominatives]
    if token.latin.startswith(("h", "kh", "x")) and len(token.key) > 3:
        readings.append(token.key[1:])
    if token.key.startswith("ci"):
        # Belarusian ц before i is Russian т (Cichanoŭskaja / Tikhanovskaya).
        readings.append("t" + token.key[1:])
    return tuple(readings)


def _word_keys(token: NameToken) -> set[str]:
    keys = set()
    for reading in _readings(token):
        stem, _ = surname_stem(reading)
        keys.add("s" + loose_key(stem)[:PREFIX])
        consonants = consonant_key(stem)
        # Consonants pair words only when there are three or more of them
        # (compare._same_consonants); fewer would make huge blocks.
        if len(consonants) >= PREFIX:
            keys.add("c" + consonants[:PREFIX])
    return keys


def _letters(token: NameToken) -> set[str]:
    # Initials pair on the first letter of the key or of the Latin spelling.
    letters = {token.key[:1], token.latin[:1]}
    if not token.initial:
        letters.update(reading[:1] for reading in _readings(token))
        # Forms of one given name may start differently (Volha / Olga).
        letters.update(group_initials(token.given_groups | token.declined_groups))
    if token.script in (Script.ARABIC, Script.HEBREW):
        # Arabic writes v as f and p as b (فيدا = Vida).
        letters.update(_LABIAL.get(letter, letter) for letter in list(letters))
    return {letter for letter in letters if letter}


_LABIAL = {"f": "v", "b": "p"}


def blocking_keys(name: str) -> BlockingKeys:
    """Return the stored and sought blocking keys of `name` (both empty when it cannot be compared).

    Raises InputError when `name` is empty.
    """
    tokens = prepare_name(name).tokens
    words = {i: _word_keys(t) for i, t in enumerate(tokens) if not t.initial}
    every_word = {key for keys in words.values() for key in keys}
    if len(tokens) == 1:
        stored = {"w:" + k for k in every_word} | {"o:" + k for k in every_word}
        return BlockingKeys(frozenset(stored), frozenset("w:" + k for k in every_word))
    letters = [_letters(t) for t in tokens]
    pairs = {
        f"k:{letter}{key}"
        for i, keys in words.items()
        for j, other in enumerate(letters)
        if j != i
        for letter in other
        for key in keys
    }
    stored = pairs | {"w:" + k for k in every_word}
    sought = pairs | {"o:" + k for k in every_word}
    return BlockingKeys(frozenset(stored), frozenset(sought))
