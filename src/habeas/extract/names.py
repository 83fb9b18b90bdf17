"""Person names in a report: find the runs of capitalised words that may be
names, and the records for a name mention and for one person.

No statistical model here: a name is a run of capitalised words that looks like
a name (a known given name, a surname ending, a role word before it), checked
against the lexicon's list of capitalised words that are never names. Folding
(spelling keys, Azerbaijani case endings) is in `folding`, the Russian
nominative in `morph_ru`, the statistical Russian recogniser in `ner_ru`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from habeas.extract.folding import (
    SURNAME_ENDINGS,
    given_names,
    has_surname_ending,
    strip_az_case,
    token_key,
)
from habeas.extract.keywords import compile_for_search
from habeas.extract.lexicon import Lexicon, is_role_word
from habeas.extract.morph_ru import RussianMorphology

__all__ = [
    "SURNAME_ENDINGS",
    "TRAILING_PATRONYMICS",
    "Entity",
    "NameMention",
    "RussianMorphology",
    "find_name_runs",
    "given_names",
    "has_surname_ending",
    "strip_az_case",
    "token_key",
]

# Cyrillic letters of Ukrainian, Belarusian, Kazakh, Kyrgyz, Bashkir and Tajik
# («Муҳаммад Солеҳ») included: a name written in them is one word, not cut in two.
_UPPER = "A-ZÀ-ÖØ-ÞƏŞÇĞÜÖİĀĒĪŌŪŽŠČА-ЯЁІЇЄЎҐӘҒҚҢӨҰҮҺҲҶӢӮ"
_LOWER = "a-zß-öø-ÿəşçğıöüāēīōūžščа-яёіїєўґәғқңөұүһҳҷӣӯʼ'’-"
# "Mohammad-Reza": the hyphen is in _LOWER, so the greedy run takes it and the
# capital after it is read on by the lookbehind branch
_TOKEN = re.compile(
    rf"[{_UPPER}][{_LOWER}]+(?:(?<=-)[{_UPPER}][{_LOWER}]+|[-'’][{_UPPER}]?[{_LOWER}]+)*|[{_UPPER}]\."
)
# Particles allowed inside a name: Azerbaijani/Turkic patronymic markers and Western particles.
_PARTICLES = frozenset(
    (
        "qızı", "qizi", "kızı", "kyzy", "gyzy", "oğlu", "oglu", "ogly", "ugli", "uulu", "uly",
        "кызы", "оглы", "оглу", "улы", "уулу",
        "de", "da", "di", "van", "von", "der", "del", "la", "le", "bin", "ibn",
    )
)  # fmt: skip
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# A Central Asian patronymic closing a name in Latin script, written in lower case
# ("Makhabat Tazhibek kyzy", "Azamat Tursunbek uulu"): part of the name, so a list
# goes on past it; never a key of the person (the father's name is the surname).
TRAILING_PATRONYMICS = frozenset(("uulu", "kyzy", "kyzi", "uly", "ugli", "ogli", "qizi"))
_TRAILING = re.compile(r"[ \t]+(" + "|".join(TRAILING_PATRONYMICS) + r")(?:'s|’s)?(?![\w'’-])")


@dataclass(slots=True)
class NameMention:
    start: int
    end: int
    tokens: tuple[str, ...]  # as written, possessive stripped
    possessive: bool = False


@dataclass(slots=True)
class Entity:
    """One person within one report."""

    id: int
    tokens: tuple[str, ...]  # display tokens, nominative
    keys: tuple[str, ...]
    gender: str | None = None  # "m", "f" or None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    no_relation: bool = False
    # each spelling of the full name met, and how often ("Mammedov" in a headline,
    # "Mammadov" throughout the text)
    spellings: Counter[tuple[str, ...]] = field(default_factory=Counter)

    @property
    def name(self) -> str:
        return " ".join(self.tokens)

    @property
    def surname_key(self) -> str:
        return self.keys[-1]

    @property
    def given_key(self) -> str | None:
        return self.keys[0] if len(self.keys) > 1 else None


def _is_name_word(token: str, lex: Lexicon) -> bool:
    low = token.casefold()
    if low in lex.not_names or len(token) < 2 or token.endswith("."):
        return token.endswith(".") and len(token) == 2  # an initial
    return not is_role_word(lex, low)


# The answer for each capitalised word met, per lexicon (kept alive here, so its
# id is not reused): the same names and proper nouns recur within and across
# reports, and each new one costs a casefold and a fullmatch of every role.
_NAME_WORDS: dict[int, tuple[Lexicon, dict[str, bool]]] = {}
_NAME_WORDS_LIMIT = 20_000


def _name_words(lex: Lexicon) -> dict[str, bool]:
    entry = _NAME_WORDS.get(id(lex))
    if entry is None or entry[0] is not lex:
        entry = _NAME_WORDS[id(lex)] = (lex, {})
    known = entry[1]
    if len(known) > _NAME_WORDS_LIMIT:
        known.clear()
    return known


_PARTICLE_GAP = re.compile(
    r"[ \t]+(?:" + "|".join(sorted(_PARTICLES, key=len, reverse=True)) + r")[ \t]+$", re.IGNORECASE
)


def find_name_runs(text: str, lex: Lexicon) -> list[NameMention]:
    """Runs of capitalised name-like words, as written (not yet judged as names).

    Only capitalised words are visited (a regex finds them), so the cost grows
    with the number of names and proper nouns, not with the length of the text.
    Two words are in one run when only spaces, or a patronymic particle
    ("qızı", "oglu"), stand between them.
    """
    runs: list[NameMention] = []
    current: list[tuple[int, int, str]] = []

    def flush() -> None:
        if current and current[0][2].endswith(".") and len(current) == 1:
            current.clear()  # "R." alone is not a name
        if len(current) >= 2 and (tail := _TRAILING.match(text, current[-1][1])):
            # a full name only: "Tazhibek kyzy" alone is the surname, found as one
            current.append((tail.start(1), tail.end(), text[tail.start(1) : tail.end()]))
        if current:
            toks = [c[2] for c in current]
            last = toks[-1]
            possessive = last.endswith(("'s", "’s"))
            toks[-1] = _POSSESSIVE.sub("", last) if possessive else last
            runs.append(NameMention(current[0][0], current[-1][1], tuple(toks), possessive))
        current.clear()

    known = _name_words(lex)
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        if s and text[s - 1].isalpha():
            continue  # inside a word ("McDonald" is one word)
        # «Т.Ахмедзянова»: a Russian initial written close up to the surname goes
        # on (not "U.S.Army" in English)
        if (
            e < len(text)
            and (text[e].isalnum() or text[e] == "_")
            and not (text[e - 1] == "." and "А" <= text[e] <= "Я" and "А" <= text[s] <= "Я")
        ):
            continue
        word = m.group()
        name_word = known.get(word)
        if name_word is None:
            name_word = known[word] = _is_name_word(_POSSESSIVE.sub("", word), lex)
        if not name_word:
            flush()
            continue
        if current:
            gap = text[current[-1][1] : s]
            if gap.strip(" \t") and not _PARTICLE_GAP.match(gap):
                flush()
            elif "'" in current[-1][2][-2:] or "’" in current[-1][2][-2:]:
                flush()  # "Heydarov's Rauf": a possessive ends a name
        if word.endswith((".",)) and len(word) > 2:
            word = word[:-1]
            e -= 1
        current.append((s, e, word))
    flush()
    return runs


@cache
def org_stems() -> tuple[str, ...]:
    """Stems of words that make a run an institution's name (lexicons/org_words.txt)."""
    raw = resources.files("habeas.extract.lexicons").joinpath("org_words.txt").read_text("utf-8")
    return tuple(
        line.strip().casefold() for line in raw.splitlines() if line.strip() and line[0] != "#"
    )


def is_org_word(token: str) -> bool:
    # "İ".casefold() is "i" and a combining dot: drop the dot.
    return token.casefold().replace("\u0307", "").startswith(org_stems())


# Read over a whole report: the search skips what cannot start one (a space,
# a capital) without trying the lookbehind.
_LOWER_WORD = compile_for_search(rf"(?<![{_UPPER}{_LOWER}])[a-zß-öø-ÿəşçğıü][{_LOWER}]*")
# After a person's name: an apposition, a passive or perfect verb, a possessive.
_PERSON_AFTER = re.compile(
    r"""^[\s"”»]*(?:\(|,[\s"”»]*(?:a|an|the|from|who|aged|\d+)\b"""
    r"""|(?:was|were|has|had|is|and\s+his|and\s+her|went\s+missing|disappeared|vanished)\b"""
    # Azerbaijani is verb-final: a date ("martın 10-da", "dünən") and a place
    # ("Bakıda") may stand between the name and its passive verb
    r"""|,?\s*(?:(?:[a-zəğıöüşç]+|\d{1,2}(?:-[a-zə]+)?)\s+){0,3}"""
    r"""(?:[A-ZƏÇŞĞÖÜİ][a-zəğıöüşç]+(?:da|də|ta|tə)\s+)?(?:saxlan|həbs|tutul|oğlu|qızı))""",
)
# After a person's name: the passive of an event told of people ("X Y was detained"),
# a second cue for a name the gazetteer and the surname endings do not know.
_EVENT_AFTER = re.compile(
    # an apposition may stand between: "X Y, a Meydan TV journalist, was detained",
    # "X Y (34) was detained"; the subject may end one ("…, his wife, X Y, were")
    r"^(?:,[^,.;:]{1,60},|\s*\([^()]{1,40}\))?,?\s+"
    # the one active a person undergoes: "X Y went missing", "X Y disappeared"
    r"(?:(?:went|has\s+gone|had\s+gone)\s+missing\b|disappeared\b|vanished\b|"
    r"(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:\w+ly\s+|also\s+|later\s+|then\s+)?"
    r"(?:detained|arrested|sentenced|jailed|fined|released|charged|abducted|kidnapped|convicted"
    # the other passives a report tells of the people its events befall: a court's
    # orders ("remanded", "placed in pretrial detention", "given five years"), the
    # charging and its end ("indicted", "acquitted", "pardoned"), what custody does
    r"|remanded|imprisoned|freed|pardoned|acquitted|indicted|accused|summoned|deported"
    r"|extradited|interrogated|questioned|beaten|tortured|found\s+guilty"
    r"|(?:placed|put)\s+(?:in|into|under)|(?:given|handed)\s+(?:a|an|\d|down)"
    r"|(?:taken|brought)\s+(?:to|into|away)|held\s+(?:in|at|for|incommunicado)"
    # a custody told as a state: "has been in prison since 2021", "missing"
    r"|in\s+(?:prison|jail|custody|detention|pre-?trial)|behind\s+bars|missing)\b)"
)
# Before a person's name: the active of such an event, with a role word between
# or not ("police detained journalist X Y").
_ACTIVE_VERB = (
    r"\b(?:detained|arrested|sentenced|jailed|fined|released|charged|abducted|kidnapped"
    r"|convicted|freed|summoned|remanded|placed|ordered|imprisoned|indicted|deported|extradited)"
)
_EVENT_BEFORE = re.compile(_ACTIVE_VERB + r"\s+(?:(?:the\s+)?[a-z-]+\s+)?$")
# After the object of such a verb: its term ("sentenced X Y to five years", "fined
# X Y 500 manats"), which with the verb frames the run as the person sentenced.
_TERM_AFTER = re.compile(
    r"^\s+(?:to\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty)\b)"
)
# After the object of such a verb, the end of the object: a place, a time or the
# clause's end ("police detained X Y in Baku on Monday", "arrested X Y, and …"):
# the run is all of the object, so the one the verb befell.
_OBJECT_END = re.compile(
    r"^(?:\s+(?:in|on|at|near|outside|after|during|over|and|for|last|yesterday|today"
    r"|earlier|before|while|without|under|into|until|held|to\s+be\s+held)\b|[.,;])"
)
# Before the accused: a case or charges brought against them.
_CASE_AGAINST = re.compile(
    r"\b(?:case|cases|charges|proceedings)\s+(?:(?:was|were|has|have|had|been|being)\s+)*"
    r"(?:opened|filed|brought|instigated|launched|initiated|pressed)\s+against\s+$"
)
# The same verbs a few words further back ("police detained Meydan TV journalist X Y").
_EVENT_NEAR = re.compile(_ACTIVE_VERB + r"\b")
_PERSON_BEFORE = re.compile(r"""(?:named|called|identified\s+as|adlı)\s*["“«]?$""")


@dataclass(slots=True)
class RunContext:
    """What one report says about its capitalised words, for judging runs in it."""

    lower_words: frozenset[str]  # words the text also writes in lower case
    runs: Counter[tuple[str, ...]]  # each run's tokens, and how often they occur
    # the words seen before each run's last two words ("Oppositionist", "Welfare")
    heads: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    # the initials of the words before each last word of a longer run ("Ganimat
    # Zahid" → Zahid: {G}), for telling "G. Zahid" is that person
    initials: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str, runs: list[NameMention]) -> RunContext:
        heads: dict[tuple[str, ...], set[str]] = {}
        initials: dict[str, set[str]] = {}
        for r in runs:
            if len(r.tokens) == 3:
                heads.setdefault(r.tokens[1:], set()).add(r.tokens[0])
            if len(r.tokens) >= 2 and not r.tokens[-2].endswith("."):
                initials.setdefault(r.tokens[-1], set()).add(r.tokens[-2][:1])
        return cls(
            frozenset(w.casefold() for w in _LOWER_WORD.findall(text)),
            Counter(r.tokens for r in runs),
            heads,
            initials,
        )


def _ordinary(token: str, ctx: RunContext) -> bool:
    """A capitalised word the text also writes in lower case ("Sentenced" in a
    headline), unless it is a known given name or has a surname's ending."""
    return (
        token.casefold() in ctx.lower_words
        and token_key(token) not in given_names()
        and not has_surname_ending(token)
        and not token.endswith(".")
    )


def judge_latin_run(
    run: NameMention, text: str, ctx: RunContext, *, role_before: Callable[[], bool]
) -> tuple[str, ...] | None:
    """The tokens of an English or Azerbaijani run that form a person's name, or None.

    Cues, any two of which make a name: a known given name, a surname ending
    (each worth two), a role word before it, the name said again in the text,
    a frame around it ("named X", "X, from …", "X was detained"). Ordinary words
    at either end are cut ("Oppositionist X Y", "X Y Sentenced"), and a run
    holding an institution's word ("… İdarəsi", "Party") is no person.
    `role_before` is asked only when the cues before it leave the run in doubt:
    finding the role word costs more than most runs' judging.
    """
    tokens = list(run.tokens)
    known = given_names()
    while tokens and _ordinary(tokens[0], ctx):
        tokens.pop(0)
    while tokens and _ordinary(tokens[-1], ctx):
        tokens.pop()
    # "Polislər Ramin Məmmədovu saxlayıb": a sentence's first word, an institution's
    # noun in a case or the plural (so no stop word breaks the run), before a
    # given name is not part of the name.
    while len(tokens) >= 3 and is_org_word(tokens[0]) and token_key(tokens[1]) in known:
        tokens.pop(0)
    if any(is_org_word(t) for t in tokens):
        return None
    # "Poet Farid Shukurov", "Welfare X Y" when "X Y" stands alone elsewhere: the
    # first word is not part of the name.
    # "Oppositionist X Y" and "Welfare X Y" in one text: X Y is the name, the
    # words before it vary.
    while (
        len(tokens) >= 3
        and token_key(tokens[0]) not in known
        and (
            token_key(tokens[1]) in known
            or ctx.runs[tuple(tokens[1:])] > 0
            or len(ctx.heads.get(tuple(tokens[1:]), ())) >= 2
        )
    ):
        tokens.pop(0)
    if len(tokens) < 2 or len(tokens) > 4:
        return None
    score = 0
    if token_key(tokens[0]) in known:
        score += 2
    if has_surname_ending(tokens[-1]) or has_surname_ending(strip_az_case(tokens[-1])):
        score += 2
    if score >= 2:
        return tuple(tokens)
    if (
        len(tokens) == 2
        and tokens[0].endswith(".")
        and tokens[0][:1] in ctx.initials.get(tokens[1], ())
    ):
        # "G. Zahid" in a text that also says "Ganimat Zahid": the short form of a
        # name told in full, though its surname looks like a given name
        return tuple(tokens)
    has_role = role_before()
    if has_role:
        score += 1
    if (
        ctx.runs[run.tokens] >= 2
        or ctx.runs[(tokens[-1],)] >= 1
        # "X Laskaris and his wife, Mira Laskaris": a surname told with two given
        # names is a family's
        or len(ctx.initials.get(tokens[-1], ())) >= 2
    ):
        score += 1
    if _PERSON_AFTER.match(text[run.end : run.end + 40]):
        score += 1
    if _EVENT_AFTER.match(text[run.end : run.end + 50]):
        score += 1
    before = text[max(0, run.start - 30) : run.start]
    after = text[run.end : run.end + 20]
    if _PERSON_BEFORE.search(before[-25:]):
        score += 1
    elif event_before := _EVENT_BEFORE.search(before):
        score += 1
        verb_right_before = event_before.group().endswith(("ed ", "ed\t"))
        if verb_right_before and (_TERM_AFTER.match(after) or _OBJECT_END.match(after)):
            score += 1
    elif _CASE_AGAINST.search(before[-45:]):
        # "a criminal case was opened against X Y on 4 March": with the object's
        # end, the frame holds the run whole as the accused
        score += 1 + bool(_OBJECT_END.match(after))
    elif (
        has_role
        and _OBJECT_END.match(after)
        and _EVENT_NEAR.search(text[max(0, run.start - 50) : run.start])
    ):
        # the verb further back, the role word right before, the object's end after:
        # the run is the role's holder, the one the verb befell
        score += 1
    return tuple(tokens) if score >= 2 else None
