"""Step 3: compare tokens and pair the tokens of two names one to one.

Token rules, best first: the same phonetic key; a declined form of the other
(Гаджиеву ~ Hajiyeva); the same stem with a different surname suffix (Mirza ~
Mirzayev, Karim ~ Karimli); a close spelling (Levenshtein on the keys);
an initial. Male and female forms of one word (Mirzayev / Mirzayeva, Jamil /
Jamila, Belinsky / Belinskaya) never pair: they are the commonest way two
relatives' names differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from rapidfuzz.distance import Levenshtein

from habeas.identity.forms import NameToken, surname_stem
from habeas.identity.normalize import Script

FUZZY_THRESHOLD = 0.8
# Shorter words have too few letters for one edit to be a spelling variant.
FUZZY_MIN_LENGTH = 6


class TokenRule(Enum):
    """Why two tokens were paired, best first."""

    SAME_KEY = "same_key"
    INFLECTED = "inflected"
    SUFFIX_VARIANT = "suffix_variant"
    VOWEL_VARIANT = "vowel_variant"
    FUZZY = "fuzzy"
    INITIAL = "initial"


_RULE_WEIGHT = {
    TokenRule.SAME_KEY: 1.0,
    TokenRule.INFLECTED: 0.95,
    TokenRule.SUFFIX_VARIANT: 0.9,
    TokenRule.VOWEL_VARIANT: 0.85,
    TokenRule.FUZZY: 0.9,
    TokenRule.INITIAL: 0.6,
}


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
        for form in source.nominatives:
            if (
                other.key == form
                or _same_stem(form, other)
                or (
                    other.script is not source.script and _fuzzy(form, other.key) >= FUZZY_THRESHOLD
                )
            ):
                # "Мирзаева" is a man's genitive or a woman's nominative; only
                # another declined word in the name can tell which.
                ambiguous = gender_pair(source.key, other.key)
                score = _RULE_WEIGHT[TokenRule.INFLECTED]
                return TokenMatch(a.text, b.text, TokenRule.INFLECTED, score, ambiguous)
    return None


def _same_stem(form: str, other: NameToken) -> bool:
    stem, _ = surname_stem(form)
    return len(stem) >= 4 and stem == other.stem and not gender_pair(form, other.key)


def _same_consonants(a: NameToken, b: NameToken) -> bool:
    # Vowels vary most between conventions (Kahramanov / Kagramanov, Tatsiana /
    # Tatyana) and Arabic does not write short ones. With four consonants
    # or more the consonants alone still tell names apart; with fewer they do
    # not (Kamal / Kamil, Rashid / Rashad), except in Arabic script.
    if a.key[:1] != b.key[:1] and Script.ARABIC not in (a.script, b.script):
        return False
    if a.consonants != b.consonants:
        return False
    needed = 3 if Script.ARABIC in (a.script, b.script) else 4
    return len(a.consonants) >= needed


def compare_tokens(a: NameToken, b: NameToken) -> TokenMatch | None:
    """Return how `a` and `b` pair as the same word, or None when they do not."""
    if a.initial or b.initial:
        if a.initial and b.initial:
            same = a.key[:1] == b.key[:1]
        else:
            same = a.key[:1] == b.key[:1] or a.latin[:1] == b.latin[:1]
        if not same:
            return None
        return TokenMatch(a.text, b.text, TokenRule.INITIAL, _RULE_WEIGHT[TokenRule.INITIAL])
    if a.key == b.key:
        return TokenMatch(a.text, b.text, TokenRule.SAME_KEY, _RULE_WEIGHT[TokenRule.SAME_KEY])
    if a.nominatives or b.nominatives:
        inflected = _inflected(a, b)
        if inflected is not None:
            return inflected
    rule, score = _spelling_rule(a, b)
    if rule is None or _gender_differs(a, b):
        return None
    return TokenMatch(a.text, b.text, rule, score)


def _spelling_rule(a: NameToken, b: NameToken) -> tuple[TokenRule | None, float]:
    if a.stem == b.stem and len(a.stem) >= 4 and (a.key != a.stem or b.key != b.stem):
        return TokenRule.SUFFIX_VARIANT, _RULE_WEIGHT[TokenRule.SUFFIX_VARIANT]
    if a.loose == b.loose or _same_consonants(a, b):
        return TokenRule.VOWEL_VARIANT, _RULE_WEIGHT[TokenRule.VOWEL_VARIANT]
    similarity = _fuzzy(a.loose, b.loose)
    if similarity >= FUZZY_THRESHOLD:
        return TokenRule.FUZZY, _RULE_WEIGHT[TokenRule.FUZZY] * similarity
    return None, 0.0


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


def align(a: tuple[NameToken, ...], b: tuple[NameToken, ...]) -> Alignment:
    """Pair tokens greedily, best score first, then nearer positions first."""
    candidates = []
    for i, ta in enumerate(a):
        for j, tb in enumerate(b):
            found = compare_tokens(ta, tb)
            if found is not None:
                candidates.append((-found.score, abs(i - j), i, j, found))
    candidates.sort(key=lambda c: (c[0], c[1], c[2], c[3]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, _, i, j, found in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j, found))
    pairs.sort()
    return Alignment(
        tuple(pairs),
        tuple(i for i in range(len(a)) if i not in used_a),
        tuple(j for j in range(len(b)) if j not in used_b),
    )
