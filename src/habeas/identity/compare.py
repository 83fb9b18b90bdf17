"""Step 3: compare tokens and pair the tokens of two names one to one.

Token rules, best first: the same phonetic key; a declined form of the other
(Гаджиеву ~ Hajiyeva); forms of one given name (Zmitser ~ Dmitry, Sasha ~
Aleksandr: data/given_names.toml); the same stem with a different surname suffix (Mirza ~
Mirzayev, Karim ~ Karimli); a close spelling (Levenshtein on the keys);
an initial. Male and female forms of one word (Mirzayev / Mirzayeva, Jamil /
Jamila, Belinsky / Belinskaya) never pair: they are the commonest way two
relatives' names differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from habeas.identity.forms import NameToken
from habeas.identity.given import given_name_keys
from habeas.identity.normalize import Script

FUZZY_THRESHOLD = 0.8
# Shorter words have too few letters for one edit to be a spelling variant.
FUZZY_MIN_LENGTH = 6


class TokenRule(Enum):
    """Why two tokens were paired, best first."""

    SAME_KEY = "same_key"
    INFLECTED = "inflected"
    GIVEN_EQUIVALENT = "given_equivalent"
    SUFFIX_VARIANT = "suffix_variant"
    VOWEL_VARIANT = "vowel_variant"
    DROPPED_H = "dropped_h"
    FUZZY = "fuzzy"
    INITIAL = "initial"


_RULE_WEIGHT = {
    TokenRule.SAME_KEY: 1.0,
    TokenRule.INFLECTED: 0.95,
    TokenRule.GIVEN_EQUIVALENT: 0.85,
    TokenRule.SUFFIX_VARIANT: 0.9,
    TokenRule.VOWEL_VARIANT: 0.85,
    TokenRule.DROPPED_H: 0.85,
    TokenRule.FUZZY: 0.9,
    TokenRule.INITIAL: 0.6,
}


# Looked up once: hashing an Enum member costs more than the rest of a comparison.
_W_DROPPED_H = _RULE_WEIGHT[TokenRule.DROPPED_H]
_W_FUZZY = _RULE_WEIGHT[TokenRule.FUZZY]
_W_INFLECTED = _RULE_WEIGHT[TokenRule.INFLECTED]
_W_INITIAL = _RULE_WEIGHT[TokenRule.INITIAL]
_W_GIVEN = _RULE_WEIGHT[TokenRule.GIVEN_EQUIVALENT]
_W_SAME_KEY = _RULE_WEIGHT[TokenRule.SAME_KEY]
_W_SUFFIX_VARIANT = _RULE_WEIGHT[TokenRule.SUFFIX_VARIANT]
_W_VOWEL_VARIANT = _RULE_WEIGHT[TokenRule.VOWEL_VARIANT]


@dataclass(frozen=True, slots=True)
class TokenMatch:
    """Two tokens judged to be the same word, the rule that said so and its score."""

    a: str
    b: str
    rule: TokenRule
    score: float
    ambiguous_case: bool = False


def gender_pair(x: str, y: str) -> bool:
    """True when `x` and `y` are the male and female form of one name word."""
    if len(x) > len(y):
        x, y = y, x
    if len(x) < 3:
        return False
    if y == x + "a":
        return True
    # Sokolny / Sokolnaya, Belinsky / Belinskaya (keys: sokolni / sokolna).
    return x.endswith("i") and y in (x[:-1] + "aia", x[:-1] + "a", x + "a")


def _fuzzy(x: str, y: str) -> float:
    if min(len(x), len(y)) < FUZZY_MIN_LENGTH or (x[0] != y[0] and len(x) < 7):
        return 0.0
    return Levenshtein.normalized_similarity(x, y)


def _inflected(a: NameToken, b: NameToken) -> TokenMatch | None:
    for source, other in ((a, b), (b, a)):
        for form, loose, stem in source.nominative_forms:
            if (
                other.key == form
                or loose == other.loose
                or (len(stem) >= 4 and stem == other.stem and not gender_pair(form, other.key))
                or (
                    other.script is not source.script and _fuzzy(form, other.key) >= FUZZY_THRESHOLD
                )
            ):
                # Azerbaijani -ə is a dative, never a feminine (Quliyevə).
                dative = source.text.endswith("ə")
                ambiguous = not dative and _could_be_feminine(source.key, other.key)
                score = _W_INFLECTED
                return TokenMatch(a.text, b.text, TokenRule.INFLECTED, score, ambiguous)
    if a.nominative_forms and b.nominative_forms:
        # Two cases of one name (Паўла / Pawłem): a nominative reading in common.
        loose_b = {loose for _, loose, _ in b.nominative_forms}
        for form, loose, _ in a.nominative_forms:
            if loose in loose_b:
                ambiguous = _could_be_feminine(a.key, form) or _could_be_feminine(b.key, form)
                return TokenMatch(a.text, b.text, TokenRule.INFLECTED, _W_INFLECTED, ambiguous)
    return None


def _could_be_feminine(declined: str, base: str) -> bool:
    # "Алиева" and "Руслана" are a man's genitive or a woman's nominative. In
    # Russian only surnames of the -ov/-ev/-in/-sky families take a feminine
    # -a, and a given name does when the feminine name exists; "Ибрагима"
    # and "Турала" can only be genitives.
    if not gender_pair(declined, base):
        return False
    male = min(declined, base, key=len)
    female = max(declined, base, key=len)
    return male.endswith(_MALE_ENDINGS) or female in given_name_keys()


def _same_consonants(a: NameToken, b: NameToken) -> bool:
    # Vowels vary most between conventions (Kahramanov / Kagramanov, Tatsiana /
    # Tatyana) and Arabic does not write short ones. With four consonants
    # or more the consonants alone still tell names apart; with fewer they do
    # not (Kamal / Kamil, Rashid / Rashad), except in Arabic script.
    abjad = a.abjad or b.abjad
    if a.key[:1] != b.key[:1] and not abjad:
        return False
    if a.consonants != b.consonants:
        return False
    if abjad and len(a.consonants) == 2:
        # Two consonants tell little, so the letters an abjad does write
        # (long vowels: جلالی, j-l-a-l-i) must all occur, in order, in the
        # other spelling (Jalali), which rules out Fadi for ویدا (Vida).
        short, full = (a, b) if a.abjad else (b, a)
        return _subsequence(short.key.translate(_LABIALS), full.key.translate(_LABIALS))
    needed = 3 if abjad else 4
    return len(a.consonants) >= needed


# Arabic writes v as f and p as b.
_LABIALS = str.maketrans({"v": "f", "p": "b"})


def _subsequence(short: str, full: str) -> bool:
    letters = iter(full)
    return all(ch in letters for ch in short)


def compare_tokens(a: NameToken, b: NameToken) -> TokenMatch | None:
    """Return how `a` and `b` pair as the same word, or None when they do not."""
    if a.initial or b.initial:
        if a.initial and b.initial:
            same = a.key[:1] == b.key[:1]
        else:
            same = a.key[:1] == b.key[:1] or a.latin[:1] == b.latin[:1]
        if not same:
            return None
        return TokenMatch(a.text, b.text, TokenRule.INITIAL, _W_INITIAL)
    if a.key == b.key:
        return TokenMatch(a.text, b.text, TokenRule.SAME_KEY, _W_SAME_KEY)
    if a.nominatives or b.nominatives:
        inflected = _inflected(a, b)
        if inflected is not None:
            return inflected
    rule, score = _spelling_rule(a, b)
    if rule is None or _gender_differs(a, b):
        return _given_equivalent(a, b)
    return TokenMatch(a.text, b.text, rule, score)


def _given_equivalent(a: NameToken, b: NameToken) -> TokenMatch | None:
    # Forms of one given name (data/given_names.toml); the groups are
    # gendered, so Aleksandr never meets Aleksandra here.
    if not (a.given_groups or a.declined_groups) or not (b.given_groups or b.declined_groups):
        return None
    if not a.given_groups.isdisjoint(b.given_groups):
        return TokenMatch(a.text, b.text, TokenRule.GIVEN_EQUIVALENT, _W_GIVEN)
    for declined, other in ((a, b), (b, a)):
        if not declined.declined_groups.isdisjoint(other.given_groups):
            # "Евгения" is Yevgeny declined or Yevgenia herself.
            ambiguous = bool(declined.given_groups) or declined.key in given_name_keys()
            return TokenMatch(a.text, b.text, TokenRule.INFLECTED, _W_INFLECTED, ambiguous)
    return None


def _spelling_rule(a: NameToken, b: NameToken) -> tuple[TokenRule | None, float]:
    if (
        (a.stem == b.stem or a.loose_stem == b.loose_stem)
        and len(a.stem) >= 4
        and (a.key != a.stem or b.key != b.stem)
    ):
        return TokenRule.SUFFIX_VARIANT, _W_SUFFIX_VARIANT
    if a.loose == b.loose or _same_consonants(a, b):
        return TokenRule.VOWEL_VARIANT, _W_VOWEL_VARIANT
    if _dropped_h(a, b) or _dropped_h(b, a):
        return TokenRule.DROPPED_H, _W_DROPPED_H
    similarity = _fuzzy(a.loose, b.loose)
    if similarity >= FUZZY_THRESHOLD:
        return TokenRule.FUZZY, _W_FUZZY * similarity
    return None, 0.0


def _dropped_h(latin: NameToken, cyrillic: NameToken) -> bool:
    # Russian often drops the h of Azerbaijani and Arabic names before a
    # vowel (Həsən / Асан beside Гасан); only across these two scripts, where
    # it is a convention rather than a different name.
    return (
        latin.script is Script.LATIN
        and cyrillic.script is Script.CYRILLIC
        and latin.latin.startswith(("h", "kh", "x"))
        and len(cyrillic.key) >= 3
        and cyrillic.loose[0] in "aiou"
        and latin.loose[1:] == cyrillic.loose
    )


def _gender_differs(a: NameToken, b: NameToken) -> bool:
    if gender_pair(a.key, b.key) or (a.stem != b.stem and gender_pair(a.stem, b.stem)):
        return True
    return _gendered_surnames_differ(a, b)


_FEMALE_ENDINGS = ("ova", "eva", "ina", "aia", "ska", "skaia")
_MALE_ENDINGS = ("ov", "ev", "in", "ii", "ski", "oi")


def _gendered_surnames_differ(a: NameToken, b: NameToken) -> bool:
    # Mirzayeva against Mirzaev after spelling noise: the stems differ a
    # little, but one is plainly a woman's surname and the other a man's.
    fa, fb = a.key.endswith(_FEMALE_ENDINGS), b.key.endswith(_FEMALE_ENDINGS)
    ma, mb = a.key.endswith(_MALE_ENDINGS), b.key.endswith(_MALE_ENDINGS)
    return (fa and mb and not fb) or (fb and ma and not fa)


@dataclass(frozen=True, slots=True)
class Alignment:
    """The one-to-one pairing of two names' tokens."""

    pairs: tuple[tuple[int, int, TokenMatch], ...]
    unmatched_a: tuple[int, ...]
    unmatched_b: tuple[int, ...]


@lru_cache(maxsize=131072)
def compare_tokens_cached(a: NameToken, b: NameToken) -> TokenMatch | None:
    """`compare_tokens`, remembered: the same words meet again across a store's names."""
    return compare_tokens(a, b)


def align(a: tuple[NameToken, ...], b: tuple[NameToken, ...]) -> Alignment:
    """Pair tokens greedily, best score first, then nearer positions first."""
    candidates = []
    for i, ta in enumerate(a):
        for j, tb in enumerate(b):
            found = compare_tokens_cached(ta, tb)
            if found is not None:
                candidates.append((-found.score, abs(i - j), i, j, found))
    # (i, j) is unique, so the sort never reaches the TokenMatch itself.
    candidates.sort()
    free_a = [True] * len(a)
    free_b = [True] * len(b)
    pairs = []
    for _, _, i, j, found in candidates:
        if free_a[i] and free_b[j]:
            free_a[i] = free_b[j] = False
            pairs.append((i, j, found))
    pairs.sort(key=lambda p: p[0])
    return Alignment(
        tuple(pairs),
        tuple(i for i, free in enumerate(free_a) if free),
        tuple(j for j, free in enumerate(free_b) if free),
    )
