"""A statistical second opinion on Russian names, from natasha.

natasha (slovnet's morphology and NER taggers over navec embeddings) ships its
weights inside its wheels, so it runs offline like the rest of the engine. It
reads a word in its sentence, which the dictionary cannot: «Руслана Осипова»
after «задержала участника пикета» is a man in the genitive (Руслан Осипов),
where pymorphy3 alone also reads the nominative of a woman, Руслана Осипова.

It is slow next to the rules (tens of milliseconds for a whole report, about a
second to load), so it is loaded once per process, on first use, and asked
only about the sentence of a name whose case the dictionary leaves open
(`People` decides when). `STATS` counts the calls and their cost for the
benchmark.
"""

from __future__ import annotations

import ctypes
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from habeas.extract.morph_ru import RussianMorphology, gazetteer_given_readings

_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_GENDERS = {"Masc": "m", "Fem": "f"}
# A sentence is found around a name by these marks; the window is bounded so a
# text without punctuation does not make one long call.
_ENDS = ".!?\n"
_WINDOW = 300


@dataclass(slots=True)
class Stats:
    """Calls to the tagger in this process and the CPU time they took (load apart)."""

    calls: int = 0
    seconds: float = 0.0
    load_seconds: float = 0.0


STATS = Stats()
#: Off: names are put in the nominative by the dictionary alone (the benchmark
#: compares both; natasha missing from the environment turns it off too).
ENABLED = True


@dataclass(frozen=True, slots=True)
class WordTag:
    """natasha's reading of one word in its sentence."""

    start: int  # offset into the sentence window
    text: str
    case: str | None  # pymorphy3's names: nomn, gent, …
    gender: str | None  # "m", "f" or None


class _Models:
    segmenter: Any = None
    embedding: Any = None
    morph: Any = None
    ner: Any = None

    @classmethod
    def load(cls) -> None:
        if cls.morph is not None:
            return
        started = time.perf_counter()
        from natasha import NewsEmbedding, NewsMorphTagger, Segmenter

        one_blas_thread()
        cls.segmenter = Segmenter()
        cls.embedding = NewsEmbedding()
        cls.morph = NewsMorphTagger(cls.embedding)
        STATS.load_seconds = time.perf_counter() - started

    @classmethod
    def load_ner(cls) -> None:
        cls.load()
        if cls.ner is None:
            from natasha import NewsNERTagger

            cls.ner = NewsNERTagger(cls.embedding)


def preload() -> None:
    """Load the taggers now rather than on the first doubtful name: a batch's
    parent process loads them once for the workers it forks."""
    if ENABLED:
        try:
            _Models.load_ner()
        except ImportError:  # natasha not installed: the dictionary alone is used
            return


# The OpenBLAS builds numpy ships with, and the setters they export.
_BLAS_SETTERS = (
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)


def one_blas_thread() -> bool:
    """Make numpy's OpenBLAS run on the calling thread only; True when it could.

    The taggers multiply sentence-sized matrices (tens of rows): waking
    OpenBLAS's other threads for them costs more than it saves, and on a
    loaded machine their spinning took four times the CPU of the whole
    Russian extraction. A worker runs one report at a time on one core, so
    one thread is what it should use. An OPENBLAS_NUM_THREADS the operator
    set is left alone; elsewhere than Linux (no /proc/self/maps) nothing changes.
    """
    if "OPENBLAS_NUM_THREADS" in os.environ:
        return False
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.casefold()}
    except OSError:
        return False
    for path in sorted(paths):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _BLAS_SETTERS:
            setter = getattr(lib, name, None)
            if setter is not None:
                setter(1)
                return True
    return False


@lru_cache(maxsize=2048)
def tag_sentence(sentence: str) -> tuple[WordTag, ...]:
    """Case and gender of every word of `sentence` as natasha's morphology tagger reads it."""
    _Models.load()
    started = time.process_time()
    out = tuple(
        WordTag(
            t.start,
            t.text,
            _CASES.get(feats.get("Case", "")),
            _GENDERS.get(feats.get("Gender", "")),
        )
        for t, feats in _morph_feats(sentence)
    )
    STATS.calls += 1
    STATS.seconds += time.process_time() - started
    return out


def _morph_feats(sentence: str) -> list[tuple[Any, dict[str, str]]]:
    """Each razdel token of `sentence` with the morphology tagger's features.

    What natasha's Doc.segment and Doc.tag_morph do (razdel's tokens, grouped
    into razdel's sentences, one batch to the tagger), without the records
    natasha builds around each token and sentence, which took a third of the
    call. The batch is the same, so the tagger's arithmetic and its reading are
    the same too.
    """
    from razdel import sentenize, tokenize
    from slovnet import Morph

    tokens = list(tokenize(sentence))
    groups: list[list[Any]] = []
    index = 0
    # natasha's envelop_spans: a sentence takes the tokens inside it, in order.
    for sent in sentenize(sentence) if sentence else ():
        group: list[Any] = []
        while index < len(tokens):
            token = tokens[index]
            index += 1
            if token.start < sent.start:
                continue
            if token.stop <= sent.stop:
                group.append(token)
            else:
                index -= 1
                break
        groups.append(group)
    markups = Morph.map(_Models.morph, [[t.text for t in g] for g in groups])
    feats: dict[int, dict[str, str]] = {}
    for group, markup in zip(groups, markups, strict=False):
        for token, tagged in zip(group, markup.tokens, strict=False):
            feats[id(token)] = tagged.feats or {}
    return [(t, feats.get(id(t), {})) for t in tokens]


@lru_cache(maxsize=2048)
def person_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans natasha's NER tagger reads as persons (PER) in `sentence`."""
    _Models.load_ner()
    from natasha import Doc

    started = time.process_time()
    doc = Doc(sentence)
    doc.segment(_Models.segmenter)
    doc.tag_ner(_Models.ner)
    out = tuple((span.start, span.stop) for span in doc.spans if span.type == "PER")
    STATS.calls += 1
    STATS.seconds += time.process_time() - started
    return out


def person_at(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of text[start:end] that the NER tagger reads as a person, or None.

    Asked about a run of capitalised words the dictionary does not take for a
    name («Равкат Мухтаров»: a given name it lacks); False when natasha is absent.
    """
    global ENABLED
    if not ENABLED:
        return None
    try:
        offset, sentence = sentence_around(text, start, end)
        spans = person_spans(sentence)
    except ImportError:
        ENABLED = False
        return None
    for s, e in spans:
        lo, hi = max(start, offset + s), min(end, offset + e)
        if lo < hi:
            return lo, hi
    return None


def sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    """The sentence holding text[start:end], as (offset, sentence)."""
    lo = max(0, start - _WINDOW)
    cut = max(text.rfind(c, lo, start) for c in _ENDS)
    s = cut + 1 if cut >= 0 else lo
    hi = min(len(text), end + _WINDOW)
    stops = [i for i in (text.find(c, end, hi) for c in _ENDS) if i >= 0]
    e = min(stops) + 1 if stops else hi
    return s, text[s:e]


def case_in_context(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The case and gender of the name at text[start:end], read in its sentence.

    The name's last word (the surname) decides: a given name alone is often
    read as a common noun. (None, None) when the tagger gives no reading.
    """
    offset, sentence = sentence_around(text, start, end)
    words = [w for w in tag_sentence(sentence) if start <= offset + w.start < end]
    if not words:
        return None, None
    last = words[-1]
    gender = last.gender or next((w.gender for w in words if w.gender), None)
    return last.case, gender


def _doubtful(tokens: Sequence[str], by_rules: Sequence[str]) -> bool:
    """Whether the dictionary's nominative of a Russian name needs the sentence.

    A name already in the nominative with an unambiguous given name does not;
    an oblique form does ("Руслана" is Руслан's genitive or Руслана herself),
    as does a given name of either gender or one the dictionary lacks.
    """
    if len(tokens) < 2 or not all("а" <= t[-1:].casefold() <= "я" for t in tokens):
        return False
    if tuple(tokens) != tuple(by_rules):
        return True
    genders = {p.tag.gender for p in RussianMorphology.name_parts(tokens[0])}
    return len(genders & {"masc", "femn"}) != 1


def nominative_in_context(
    text: str, tokens: Sequence[str], start: int, end: int, *, before: str | None = None
) -> tuple[tuple[str, ...], str | None]:
    """A Russian name at text[start:end] in the nominative, and its gender.

    The dictionary decides where it can; where it leaves the case open, the
    tagger's reading of the sentence gives the case and gender, and the
    dictionary inflects the name to that reading's nominative.
    """
    global ENABLED
    by_rules, gender = RussianMorphology.nominative(tokens, before=before)
    if not ENABLED or not _doubtful(tokens, by_rules):
        return by_rules, gender
    if RussianMorphology.hinted(tokens, before):
        return by_rules, gender  # the agreement with the word before is surer than the tagger
    # Asking the tagger costs about a millisecond a sentence, more than the rest
    # of a name: when each of its readings would leave the dictionary's answer
    # (as for a given name of one gender whose forms fit no other case), its
    # answer cannot matter. A reading it may give that is in neither table
    # (no case, a neuter) leaves the dictionary's answer too.
    fallback = (by_rules, gender)
    if not _tagger_can_change(tuple(tokens), fallback):
        return fallback
    try:
        case, tagged_gender = case_in_context(text, start, end)
    except ImportError:
        ENABLED = False
        return fallback
    if case is None or tagged_gender is None:
        return fallback
    return _read_as(tokens, _given_name_parts(tokens[0]), fallback, case, tagged_gender)


def _given_name_parts(token: str) -> list[Any]:
    return RussianMorphology.name_parts(token) if RussianMorphology.is_known(token) else []


@lru_cache(maxsize=20_000)
def _tagger_can_change(
    tokens: tuple[str, ...], fallback: tuple[tuple[str, ...], str | None]
) -> bool:
    """Whether some reading the tagger can give makes the name other than `fallback`.

    Kept per name: a report names its people several times, and twelve readings
    cost a tenth of a tagger call each."""
    parts = _given_name_parts(tokens[0])
    return any(
        _read_as(tokens, parts, fallback, case, reading) != fallback
        for case in _CASES.values()
        for reading in _GENDERS.values()
    )


def _read_as(
    tokens: Sequence[str],
    parts: list[Any],
    fallback: tuple[tuple[str, ...], str | None],
    case: str,
    tagged_gender: str,
) -> tuple[tuple[str, ...], str | None]:
    """The name as the tagger's reading of it (`case`, `tagged_gender`) makes it,
    checked against the dictionary's `parts` of its given name; `fallback`, the
    dictionary's own answer, where the reading fits no form of the name."""
    # A given name the dictionary knows for one gender only fixes the gender: the
    # tagger reads unknown surnames as masculine more often than it should.
    # (Only a name the dictionary has: its guess for an unknown word, «Гульшайыр»
    # a man by the consonant, is no surer than the tagger reading the sentence.)
    known = {p.tag.gender for p in parts if "Name" in p.tag.grammemes} & {"masc", "femn"}
    if len(known) == 1:
        tagged_gender = "m" if known == {"masc"} else "f"
        if not any(p.tag.case == case for p in parts if "Name" in p.tag.grammemes):
            # «— X и Олжаса Сейткали» tagged a nominative by the undeclined surname:
            # the given name has no such form, so the dictionary's reading stands
            return fallback
    else:
        # «Марину Гусеву» tagged masculine accusative: no masculine given name
        # has that form (Марин's accusative is «Марина»), so the tagger's case
        # holds and its gender is the one the given name has in that case.
        in_case = {
            "m" if p.tag.gender == "masc" else "f"
            for p in parts
            if "Name" in p.tag.grammemes and p.tag.case == case and p.tag.gender in known
        }
        if len(in_case) == 1:
            tagged_gender = next(iter(in_case))
        elif known and not in_case:
            return fallback  # the tagger's case fits no reading of the name
    if not parts:
        # «Хадиджу Исмайлову» tagged a man's accusative: a gazetteer given name
        # behind the ending that has the tagger's case has its own gender
        genders = {g for _, g, c in gazetteer_given_readings(tokens[0]) if c == case}
        if len(genders) == 1:
            tagged_gender = next(iter(genders))
    in_context = RussianMorphology.nominative_as(tokens, tagged_gender, case)
    if not plausible_nominative(in_context, tagged_gender):
        return fallback
    return in_context, tagged_gender


# Surname endings no nominative of that gender has ("Кенджибекова" is not a
# man's nominative; "Ивановой" is no one's).
_NOT_NOMINATIVE = {
    "m": ("ова", "ева", "ёва", "ина", "ына", "ову", "еву", "ину", "овым", "евым", "ого", "ому"),
    "f": ("ову", "еву", "ину", "ой", "ым", "ого", "ов", "ев", "ёв", "ин"),
}


def plausible_nominative(tokens: Sequence[str], gender: str) -> bool:
    """Whether a name's surname can be a nominative of that gender."""
    return not tokens[-1].casefold().endswith(_NOT_NOMINATIVE[gender])
