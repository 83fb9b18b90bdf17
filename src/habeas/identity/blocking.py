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
- `i:` the `k:` keys of a name with an initial, in a block of their own: a
  full name finds the persons known as "T. Mirzayev" among the thousands
  of Mirzayevs with a given name in t (sought by every name of two words).
- `p:` two word keys of two full words of the name (or a word key and the
  given-name group of the other word: data/given_names.toml), stored and
  sought alike. A `k:` block is a fixed share of a store (every Mirzayev
  whose given name starts with t); a `p:` block is "mir… with tur…", much
  smaller, and joins most pairs the matcher accepts; the rest (a word that
  pairs only by a close spelling, an initial, a compound written in one
  word or two) meet through `k:`.

A store cannot read whole `k:` and `w:` blocks for every lookup once they
hold thousands of persons: that makes finding every name's candidates grow
as the square of the store. `lookup_order` therefore reads the sought keys
rarest first, as long as their blocks together hold at most READ_BUDGET
persons (the rarest block alone, cut at READ_BUDGET, when even it is
larger: a surname alone, an initial with a common surname, or many
namesakes of one full name), and `rank_candidates` keeps the
MAX_CANDIDATES persons sharing the rarest keys. `CandidateIndex` is that
lookup in memory (the benchmark); habeas.web.store.resolution does the same
in SQL.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter

from habeas.identity.forms import NameToken, prepare_name, surname_stem
from habeas.identity.given import group_initials
from habeas.identity.normalize import Script
from habeas.identity.translit import consonant_key, loose_key

PREFIX = 3
# Persons one lookup reads at most, summed over the blocks of its keys.
READ_BUDGET = 300
# Candidates one lookup returns at most, those sharing the most keys first.
MAX_CANDIDATES = 50


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


def _pairs_of_words(tokens: tuple[NameToken, ...], words: dict[int, set[str]]) -> set[str]:
    # A word key, or a given-name group that pairs forms no spelling rule
    # reaches (Sasha / Aleksandr), for each full word; unordered, so the
    # surname-first form of a name has the same keys.
    signs = {
        i: keys | {f"g{g}" for g in tokens[i].given_groups | tokens[i].declined_groups}
        for i, keys in words.items()
    }
    found: set[str] = set()
    for i, first in signs.items():
        for j, second in signs.items():
            if j > i:
                found.update("p:" + min(x, y) + max(x, y) for x in first for y in second)
    return found


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
    initials = {
        f"i:{letter}{key}"
        for i, keys in words.items()
        for j, other in enumerate(letters)
        if j != i and tokens[j].initial
        for letter in other
        for key in keys
    }
    pairs |= _pairs_of_words(tokens, words)
    stored = pairs | initials | {"w:" + k for k in every_word}
    sought = pairs | {"i:" + k[2:] for k in pairs if k[0] == "k"} | {"o:" + k for k in every_word}
    return BlockingKeys(frozenset(stored), frozenset(sought))


def lookup_order(sizes: Mapping[str, int], *, budget: int = READ_BUDGET) -> list[str]:
    """The sought keys to read, rarest first, given each key's block size (capped sizes will do).

    Keys are taken rarest first while their blocks together hold at most
    `budget` persons, and the rarest alone when even it holds more (it is
    then read only up to `budget` persons). A common surname with a common
    initial is a block that grows with the store; reading it whenever rarer
    keys of the same name already name the likely candidates is what made
    finding every name's candidates grow as the square of the store.
    """
    present = sorted((size, key) for key, size in sizes.items() if size)
    chosen: list[str] = []
    total = 0
    for size, key in present:
        total += size
        if total > budget and chosen:
            break
        chosen.append(key)
    return chosen


def rank_candidates(
    blocks: Iterable[tuple[int, Iterable[int]]], *, limit: int = MAX_CANDIDATES
) -> list[int]:
    """The `limit` persons of (block size, persons) `blocks` sharing the rarest keys, in id order.

    Each shared key counts 1/size: "Tural Mirzayev"'s word-pair key of five
    persons says more than the "Mirzayev with a t" key of two hundred, and
    among those two hundred a man's surname and a woman's are one block.
    Ties go to the lowest id.
    """
    score: defaultdict[int, float] = defaultdict(float)
    for size, persons in blocks:
        weight = 1.0 / size
        for person in persons:
            score[person] += weight
    # Two sorts in C rather than one with a Python key: by id, then (stable) by score.
    ranked = sorted(sorted(score.items()), key=itemgetter(1), reverse=True)
    return sorted(person for person, _ in ranked[:limit])


class CandidateIndex:
    """Blocking keys → persons in memory, looked up as the store does (`lookup_order`)."""

    def __init__(self) -> None:
        self._blocks: defaultdict[str, list[int]] = defaultdict(list)
        # Persons read by every lookup so far, with repeats (what a lookup costs).
        self.persons_read = 0

    def add(self, person: int, keys: Iterable[str]) -> None:
        """Index `person` under its stored keys (persons are added in increasing order)."""
        for key in keys:
            self._blocks[key].append(person)

    def block_sizes(self) -> list[int]:
        """The size of every block."""
        return [len(block) for block in self._blocks.values()]

    def candidates(
        self, sought: Iterable[str], *, limit: int = MAX_CANDIDATES, budget: int = READ_BUDGET
    ) -> list[int]:
        """The persons sharing the most of the `sought` keys, read as `lookup_order` says."""
        blocks = self._blocks
        sizes = {key: len(blocks[key]) for key in sought if key in blocks}
        order = lookup_order(sizes, budget=budget)
        self.persons_read += sum(min(sizes[key], budget) for key in order)
        read = ((sizes[key], islice(blocks[key], budget)) for key in order)
        return rank_candidates(read, limit=limit)
