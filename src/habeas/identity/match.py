"""Step 4: decide whether two names can denote the same person, and say why.

The decision, on the tokens paired by `compare.align`:

- every full word of the shorter name pairs with a word of the longer one
  (extra words in the longer name are middle names or patronymics);
- a surname alone ("Mirzayev") pairs only with the other name's surname, not
  its given name;
- an initial must not meet an unpaired word that starts with another letter
  ("R. Mirzayev" is not "Elvin Mirzayev");
- a word declined in a way that looks like the other gender ("Мирзаева") counts
  only when another word of the name is declined too ("Турала Мирзаева").
"""

from __future__ import annotations

from dataclasses import dataclass

from habeas.identity.compare import Alignment, TokenMatch, TokenRule, align, compare_tokens_cached
from habeas.identity.forms import NameToken, PreparedName, build_token, clear_decoded, prepare_name
from habeas.identity.normalize import RawToken

ALGORITHM = "names.v2"


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The verdict on two names: same person or not, a score in [0, 1], and why.

    `score` is at least 0.5 exactly when `same` is true. `matched` lists the
    token pairs that agreed; `reasons` says in words what decided.
    """

    same: bool
    score: float
    algorithm: str
    matched: tuple[TokenMatch, ...]
    reasons: tuple[str, ...]


def _different(score: float, matched: tuple[TokenMatch, ...], reason: str) -> NameMatch:
    return NameMatch(False, round(min(score, 0.49), 3), ALGORITHM, matched, (reason,))


def _full(tokens: tuple[NameToken, ...]) -> list[int]:
    return [i for i, t in enumerate(tokens) if not t.initial]


def _is_surname_slot(tokens: tuple[NameToken, ...], full: list[int], index: int) -> bool:
    return index == full[-1] or tokens[index].has_surname_suffix


def _given_against_surname(
    x: tuple[NameToken, ...], full_x: list[int], i: int, y: tuple[NameToken, ...], j: int
) -> bool:
    # "Nazim" against "Nazimov": the father's name became the family's surname.
    in_given_slot = len(full_x) >= 2 and i == full_x[0] and not x[i].has_surname_suffix
    return in_given_slot and y[j].has_surname_suffix and j != _full(y)[0]


def _given_in_middle(
    a: tuple[NameToken, ...],
    b: tuple[NameToken, ...],
    al: Alignment,
    full_a: list[int],
    full_b: list[int],
) -> str | None:
    # "Nikol Vovayi Pashinyan" is not "Vova Pashinyan": a middle word in a
    # derived form (Armenian genitive, a patronymic) is the father's name, so
    # the shorter name's given name may not pair with it while the longer
    # name's own given name stays unpaired. A middle word spelled alike is a
    # second given name people go by (Recep Tayyip Erdoğan / Tayyip Erdoğan).
    if len(full_a) == len(full_b) or min(len(full_a), len(full_b)) < 2:
        return None
    flip = len(full_a) > len(full_b)
    short, longer = (full_b, full_a) if flip else (full_a, full_b)
    paired = {((j, i) if flip else (i, j)): m.rule for i, j, m in al.pairs}
    if any(k == longer[0] for _, k in paired):
        return None
    for (s, k), rule in paired.items():
        if rule is not TokenRule.SAME_KEY and s == short[0] and k in longer[1:-1]:
            names = b if flip else a
            return f"the given name {names[s].text!r} matches a middle name (a father's name?)"
    return None


def _contradiction(
    a: tuple[NameToken, ...],
    b: tuple[NameToken, ...],
    al: Alignment,
    full_a: list[int],
    full_b: list[int],
) -> str | None:
    lost_a = [i for i in al.unmatched_a if not a[i].initial]
    lost_b = [j for j in al.unmatched_b if not b[j].initial]
    if len(full_a) <= len(full_b) and lost_a:
        return f"{a[lost_a[0]].text!r} has no counterpart in the other name"
    if len(full_b) <= len(full_a) and lost_b:
        return f"{b[lost_b[0]].text!r} has no counterpart in the other name"
    initials_a = [i for i in al.unmatched_a if a[i].initial]
    initials_b = [j for j in al.unmatched_b if b[j].initial]
    if (initials_a and (lost_b or initials_b)) or (initials_b and (lost_a or initials_a)):
        return "an initial does not fit the other name's given name"
    middle = _given_in_middle(a, b, al, full_a, full_b)
    if middle is not None:
        return middle
    full_pairs = [(i, j) for i, j, m in al.pairs if m.rule is not TokenRule.INITIAL]
    if not full_pairs:
        return "only initials agree"
    if len(full_pairs) == 1 and max(len(full_a), len(full_b)) > 1:
        i, j = full_pairs[0]
        if not (_is_surname_slot(a, full_a, i) and _is_surname_slot(b, full_b, j)):
            return "only a given name is shared"
    for i, j, m in al.pairs:
        if m.rule is TokenRule.SUFFIX_VARIANT and (
            _given_against_surname(a, full_a, i, b, j) or _given_against_surname(b, full_b, j, a, i)
        ):
            return "a given name matches only the stem of a surname"
    declined = [m for _, _, m in al.pairs if m.rule is TokenRule.INFLECTED]
    if declined and all(m.ambiguous_case for m in declined):
        # Only a word that cannot be a woman's nominative ("Турала",
        # "Ибрагима") shows that the name is a man's, declined.
        return "the declined name may be a woman's name in the nominative"
    return None


def match_names(a: str, b: str) -> NameMatch:
    """Judge whether names `a` and `b` can denote the same person.

    Raises InputError when either name is empty. A name that cannot be
    compared (no letters, one letter, a word mixing scripts, over 200
    characters) gives `same=False` with the reason.
    """
    return match_prepared(prepare_name(a), prepare_name(b))


def match_prepared(pa: PreparedName, pb: PreparedName) -> NameMatch:
    """`match_names` on names already prepared (`prepare_name`, or kept with a stored name)."""
    for label, prepared in (("first", pa), ("second", pb)):
        if prepared.problem is not None:
            return _different(0.0, (), f"the {label} name cannot be compared: {prepared.problem}")
    verdict = _judge(pa.tokens, pb.tokens)
    if verdict.same or len(pa.tokens) == len(pb.tokens):
        return verdict
    # "احمد رضا" / "Ahmadreza", "Mehran nia" / "Mehrannia": a compound name
    # written in one word or two.
    if len(pa.tokens) > len(pb.tokens):
        for joined in _joined(pa.tokens, pb.tokens):
            second = _judge(joined, pb.tokens)
            if second.same:
                return second
    else:
        for joined in _joined(pb.tokens, pa.tokens):
            second = _judge(pa.tokens, joined)
            if second.same:
                return second
    return verdict


class NameScreen:
    """A cheap first test of many names against one, before `match_prepared`.

    `admits(other)` is False only when `match_prepared(name, other)` is not
    the same person: a word of the shorter name that no word of the other can
    pair with (`compare_tokens`, so spellings, scripts, declined forms and the
    given-name equivalences all count), or no full word paired at all. It
    remembers, for every word it meets, which words of `name` it pairs with:
    a store's candidates for one name repeat the same surnames and given names.
    """

    def __init__(self, name: PreparedName) -> None:
        self._name = name
        self._tokens = name.tokens
        self._full = 0
        for i in _full(name.tokens):
            self._full |= 1 << i
        self._partners: dict[NameToken, int] = {}

    def _partners_of(self, token: NameToken) -> int:
        found = self._partners.get(token)
        if found is None:
            found = 0
            for i, mine in enumerate(self._tokens):
                if compare_tokens_cached(mine, token) is not None:
                    found |= 1 << i
            self._partners[token] = found
        return found

    def admits(self, other: PreparedName) -> bool:
        """False only when the two names cannot be the same person (see the class)."""
        if self._name.problem is not None or other.problem is not None:
            return False
        mine, theirs = self._tokens, other.tokens
        if len(mine) != len(theirs):
            longer, shorter = (mine, theirs) if len(mine) > len(theirs) else (theirs, mine)
            if _joined(longer, shorter):
                # A compound written in one word or two: only the full comparison knows.
                return True
        full = self._full
        n_mine, n_theirs = full.bit_count(), 0
        reached = reached_by_full = 0
        lonely = False
        for token in theirs:
            partners = self._partners_of(token)
            reached |= partners
            if not token.initial:
                n_theirs += 1
                reached_by_full |= partners
                lonely = lonely or not partners
        if not reached_by_full & full:
            return False
        if n_mine <= n_theirs and reached & full != full:
            return False
        return not (n_theirs <= n_mine and lonely)


def _joined(
    tokens: tuple[NameToken, ...], other: tuple[NameToken, ...]
) -> list[tuple[NameToken, ...]]:
    starts = {t.consonants[:2] for t in other if not t.initial}
    out = []
    for i in range(len(tokens) - 1):
        x, y = tokens[i], tokens[i + 1]
        if x.initial or y.initial or x.script is not y.script:
            continue
        # Only a joined word that could pair with a word of the other name.
        if (x.consonants + y.consonants)[:2] not in starts:
            continue
        word = build_token(RawToken(x.text + y.text, x.script, False))
        out.append((*tokens[:i], word, *tokens[i + 2 :]))
    return out


def _judge(ta: tuple[NameToken, ...], tb: tuple[NameToken, ...]) -> NameMatch:
    al = align(ta, tb)
    matched = tuple(m for _, _, m in al.pairs)
    full_a, full_b = _full(ta), _full(tb)
    initial = TokenRule.INITIAL
    full_matches = sum(1 for m in matched if m.rule is not initial)
    quality = sum(m.score for m in matched) / len(matched) if matched else 0.0
    coverage = full_matches / max(len(full_a), len(full_b))
    problem = _contradiction(ta, tb, al, full_a, full_b)
    if problem is not None:
        return _different(0.5 * quality * coverage, matched, problem)
    score = 0.5 + 0.5 * quality * (0.75 + 0.25 * coverage)
    rules = ", ".join(sorted({m.rule.value for m in matched}))
    return NameMatch(True, round(score, 3), ALGORITHM, matched, (f"all words agree ({rules})",))


def clear_caches() -> None:
    """Forget every remembered name, word and comparison (benchmarks measure from empty caches)."""
    prepare_name.cache_clear()
    build_token.cache_clear()
    compare_tokens_cached.cache_clear()
    clear_decoded()
