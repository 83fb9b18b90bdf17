"""Quality and speed of `habeas.identity.match_names` on the real name pairs.

Run as `.venv/bin/python bench/bench_match.py [--errors] [--scale N] [--scale-only]`. Reads
../shared/eval/names-dev/ and ../shared/eval/names-real/ beside the
repository (or under $HABEAS_SHARED when set) and prints, for each set:

- precision / recall / F1 per pair, on the pairs without the `alias`, `typo`
  or `noise` tags (those are scored apart), and hard negatives merged;
- the same per person (a person's pairs scored on their own, then averaged),
  because a few people with many spellings dominate the pair counts;
- each of the two fixed halves of the people (sha256 of the person id, even
  = half A, odd = half B; a pair belongs to a half when both its people do):
  tune on one half, read the other;
- blocking recall: the accepted true pairs whose names share a blocking key;
- pairs per second (matching only, CPU time of one core, so that other
  processes on a shared machine do not count), cold and warm.

Then candidate generation for N/8, N/4, N/2 and N (default N = 200,000:
25k to 200k) synthetic, invented persons, twice: with the 52 surname roots
of `synthetic_people` (a worst case: every block is a fixed share of the
store) and with invented surnames of Zipf-like frequency (a long tail, like
a real store). It builds the blocking-key index in memory, looks up every
name's candidates as the store does (habeas.identity.blocking.lookup_order)
and, for comparison, by reading every block whole, and prints CPU time, the
index's memory, candidates per name, the largest block, how many of the
eval sets' accepted true pairs are still found when their names are added
to the synthetic store, and the growth per doubling of the store (×2 is
linear, ×4 quadratic).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import random
import re
import statistics
import sys
import time
import tracemalloc
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from habeas.identity import blocking_keys, match_names
from habeas.identity.blocking import MAX_CANDIDATES, READ_BUDGET, CandidateIndex
from habeas.identity.match import clear_caches
from synthetic_people import synthetic_names

SHARED = Path(
    os.environ.get("HABEAS_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared")
)
SETS = ("names-dev", "names-real")
OUT_OF_REACH = frozenset({"alias", "typo", "noise"})
_PERSON = re.compile(r"\(([pn]\d+)\)")

Pair = dict[str, object]


class Counts:
    """True and false positives and negatives of one slice of the pairs."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.tn = 0

    def add(self, gold: bool, said: bool) -> None:
        if gold and said:
            self.tp += 1
        elif said:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def line(self) -> str:
        p, r, f = self.prf()
        return (
            f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
            f"(tp {self.tp} fp {self.fp} fn {self.fn} tn {self.tn})"
        )


def half(person: str) -> str:
    """The fixed half of a person: A when sha256 of the id is even, else B."""
    return "A" if int(hashlib.sha256(person.encode()).hexdigest(), 16) % 2 == 0 else "B"


def _people(pair: Pair) -> tuple[str, str]:
    if "a_id" in pair:
        return str(pair["a_id"]), str(pair["b_id"])
    found = _PERSON.findall(str(pair["why"]))
    return (found[0], found[-1]) if found else ("?", "?")


def _per_person(by_person: dict[str, Counts]) -> str:
    scored = [c.prf() for c in by_person.values() if c.tp + c.fn]
    if not scored:
        return "no persons"
    p, r, f = (sum(x[k] for x in scored) / len(scored) for k in range(3))
    merged = sum(1 for c in by_person.values() if c.fp)
    complete = sum(1 for c in by_person.values() if c.tp + c.fn and not c.fn)
    return (
        f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (macro over {len(scored)} persons with positives; "
        f"{complete} with every spelling found, {merged} in a false merge)"
    )


def _score(name: str, pairs: list[Pair], show_errors: bool) -> None:
    overall, apart, hard = Counts(), Counts(), Counts()
    halves: dict[str, Counts] = defaultdict(Counts)
    by_person: dict[str, Counts] = defaultdict(Counts)
    by_person_half: dict[str, dict[str, Counts]] = defaultdict(lambda: defaultdict(Counts))
    by_tag: dict[str, Counts] = defaultdict(Counts)
    errors = []
    for pair in pairs:
        result = match_names(str(pair["a"]), str(pair["b"]))
        gold, tags = bool(pair["same"]), set(pair["tags"])  # type: ignore[call-overload]
        if tags & OUT_OF_REACH:
            apart.add(gold, result.same)
            continue
        overall.add(gold, result.same)
        if pair["kind"] == "hard_negative":
            hard.add(gold, result.same)
        for tag in tags | {str(pair["kind"])}:
            by_tag[tag].add(gold, result.same)
        a_id, b_id = _people(pair)
        if half(a_id) == half(b_id):
            halves[half(a_id)].add(gold, result.same)
        for person in {a_id, b_id}:
            by_person[person].add(gold, result.same)
            by_person_half[half(person)][person].add(gold, result.same)
        if gold != result.same:
            errors.append((pair, result))
    print(f"\n== {name}: {len(pairs)} pairs")
    print(f"per pair (without alias/typo/noise): {overall.line()}")
    print(f"per person:                          {_per_person(by_person)}")
    print(f"hard negatives merged: {hard.fp} of {hard.fp + hard.tn}")
    for h in ("A", "B"):
        print(f"half {h} per pair:   {halves[h].line()}")
        print(f"half {h} per person: {_per_person(by_person_half[h])}")
    print(f"alias/typo/noise pairs (apart):      {apart.line()}")
    print("per tag:")
    for tag, counts in sorted(by_tag.items()):
        print(f"  {tag:28} {counts.line()}")
    _blocking(pairs)
    if show_errors:
        print("errors:")
        for pair, result in errors:
            print(
                f"  {'FN' if pair['same'] else 'FP'} {pair['a']!r} / {pair['b']!r} "
                f"{sorted(pair['tags'])} -> {result.reasons[0]}"  # type: ignore[call-overload]
            )


def _blocking(pairs: list[Pair]) -> None:
    names = sorted({str(p[k]) for p in pairs for k in ("a", "b")})
    keys = {n: blocking_keys(n) for n in names}

    def found(a: str, b: str) -> bool:
        return bool(keys[a].sought & keys[b].stored) and bool(keys[b].sought & keys[a].stored)

    accepted = [p for p in pairs if p["same"] and match_names(str(p["a"]), str(p["b"])).same]
    lost = [p for p in accepted if not found(str(p["a"]), str(p["b"]))]
    print(
        f"blocking: {len(accepted) - len(lost)}/{len(accepted)} of the true pairs the matcher "
        "accepts share a key both ways"
    )
    # The word-pair keys (p:) alone: the small blocks a lookup in a large store reads first.
    fine = {n: {k for k in keys[n].stored if k.startswith("p:")} for n in names}
    two = [p for p in accepted if fine[str(p["a"])] and fine[str(p["b"])]]
    shared = sum(bool(fine[str(p["a"])] & fine[str(p["b"])]) for p in two)
    print(
        f"  word-pair keys (p:) alone: {shared}/{len(two)} of those where both names have "
        "two full words"
    )
    for p in lost[:5]:
        print(f"  no shared key: {p['a']!r} / {p['b']!r}")


# Invented names in every script the tables cover, to load what loads once.
_WARM_UP = (
    ("Rüstəm Qəmbərli", "Рустам Гамбарли"),
    ("Ռուստամ Ղամբարլի", "რუსტამ ყამბარლი"),
    ("رستم قمبرلی", "Руслана Ганиева"),
    ("Руслан Ганиев", "Руслана Ганиева"),
)


def _speed(pairs: list[Pair]) -> None:
    names = [(str(p["a"]), str(p["b"])) for p in pairs]
    start = time.process_time()
    for a, b in _WARM_UP:
        match_names(a, b)
    startup = time.process_time() - start
    cold = []
    for _ in range(5):
        clear_caches()
        start = time.process_time()
        for a, b in names:
            match_names(a, b)
        cold.append(len(names) / (time.process_time() - start))
    rounds = 10
    start = time.process_time()
    for _ in range(rounds):
        for a, b in names:
            match_names(a, b)
    warm = rounds * len(names) / (time.process_time() - start)
    print(
        f"\nspeed (CPU time of one core, {len(names)} pairs): "
        f"{statistics.median(cold):,.0f} pairs/s with empty caches (median of 5), "
        f"{warm:,.0f} warm; start-up {startup * 1000:.0f} ms"
    )


_SYLLABLES = (
    "ka", "ra", "mi", "zo", "le", "tu", "na", "sa", "ve", "do", "ri", "ba", "go", "lu", "fe",
    "ni", "ha", "po", "se", "ti", "ma", "ko", "da", "vi", "ju", "shi", "ro", "be", "za", "mu",
)  # fmt: skip
_FAMILY = ("ov", "ev", "ova", "eva", "li", "yan", "dze", "enko", "sky", "skaya", "zada")


def spread_names(count: int, *, seed: int = 11) -> list[str]:
    """`count` invented names with invented surnames (2-3 syllables, Zipf-like frequencies).

    The gazetteer-based set (`synthetic_names`) has 52 surname roots, so a
    block holds a fixed share of all persons and grows with the store; real
    stores have thousands of surnames with a long tail, which this imitates.
    """
    rng = random.Random(seed)
    roots = sorted(
        {
            "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()
            for _ in range(20_000)
        }
    )
    rng.shuffle(roots)
    weights = [1 / (rank + 10) for rank in range(len(roots))]
    raw = resources.files("habeas.extract.lexicons").joinpath("given_names.txt")
    given = [
        line.strip()
        for line in raw.read_text("utf-8").splitlines()
        if line.strip().isalpha() and line.strip().isascii()
    ]
    surnames = rng.choices(roots, weights, k=count)
    return [f"{rng.choice(given)} {root}{rng.choice(_FAMILY)}" for root in surnames]


@dataclass
class Scale:
    """Candidate generation over one store size."""

    persons: int
    keys_s: float  # CPU s to compute every name's keys and build the index
    bounded_s: float  # CPU s to look up every name as the store does (lookup_order)
    every_block_s: float  # CPU s to look up every name reading every block whole
    mib: float  # index memory (tracemalloc peak)
    candidates: float  # per name, bounded lookup
    read: float  # persons read per name (with repeats), bounded lookup
    every_block: float  # per name, reading every block whole
    largest: int  # largest block
    found: int  # accepted true eval pairs found both ways after planting
    many: int  # of those lost, how many have more name matches among the persons read than fit
    pairs: int


def _candidates(names: list[str], planted: list[tuple[str, str]]) -> Scale:
    """Index names by their stored keys, then look each up by its sought keys.

    Times are CPU seconds of this process. The names of the accepted true
    pairs of the eval sets are added after the synthetic persons (the newest
    persons, the last a capped read of a large block reaches) and each pair
    must find the other both ways. Memory is what tracemalloc sees allocated
    for the index and the sought keys, measured on a second pass so the
    timing runs without tracing.
    """
    clear_caches()
    start = time.process_time()
    all_keys = [blocking_keys(name) for name in names]
    index = CandidateIndex()
    for number, keys in enumerate(all_keys):
        index.add(number, keys.stored)
    built = time.process_time() - start
    start = time.process_time()
    total = 0
    for keys in all_keys:
        total += len(index.candidates(keys.sought))
    bounded = time.process_time() - start
    read = index.persons_read
    # The lookup as it was: every person of every block of every sought key.
    blocks: dict[str, list[int]] = defaultdict(list)
    for number, keys in enumerate(all_keys):
        for key in keys.stored:
            blocks[key].append(number)
    start = time.process_time()
    whole = 0
    for keys in all_keys:
        found: set[int] = set()
        for key in keys.sought:
            found.update(blocks.get(key, ()))
        whole += len(found)
    every_block = time.process_time() - start
    del blocks
    largest = max(index.block_sizes())
    extra = sorted({name for pair in planted for name in pair})
    number_of = {name: len(names) + i for i, name in enumerate(extra)}
    for name, number in number_of.items():
        index.add(number, blocking_keys(name).stored)
    everyone = names + extra
    hits = many = 0
    for a, b in planted:
        lost = [
            x
            for x, y in ((a, b), (b, a))
            if number_of[y] not in index.candidates(blocking_keys(x).sought)
        ]
        hits += not lost
        # Lost only because more persons than a lookup returns match the name
        # itself (namesakes, an initial with a common surname)?
        many += bool(lost) and all(_matches_read(index, x, everyone) > MAX_CANDIDATES for x in lost)
    del index
    tracemalloc.start()
    traced = CandidateIndex()
    sought = []
    for number, keys in enumerate(all_keys):
        traced.add(number, keys.stored)
        sought.append(frozenset(keys.sought))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del traced, sought
    count = len(names)
    return Scale(
        count, built, bounded, every_block, peak / 2**20, total / count, read / count,
        whole / count, largest, hits, many, len(planted),
    )  # fmt: skip


def _matches_read(index: CandidateIndex, name: str, everyone: list[str]) -> int:
    read = index.candidates(blocking_keys(name).sought, limit=10**9)
    return sum(match_names(name, everyone[number]).same for number in read)


def _growth(label: str, values: list[float], *, per_lookup: bool = False) -> str:
    """Ratios per doubling of the store, and what they mean (a whole pass, or one lookup)."""
    ratios = [b / a if a else float("nan") for a, b in itertools.pairwise(values)]
    shown = ", ".join(f"×{r:.1f}" for r in ratios)
    mean = statistics.geometric_mean(ratios) if all(r > 0 for r in ratios) else float("nan")
    if per_lookup:
        verdict = "bounded" if mean < 1.4 else "grows with the store"
        scale = "×1 bounded, ×2 grows with the store"
    else:
        verdict = "about linear" if mean < 2.8 else "about quadratic"
        scale = "×2 linear, ×4 quadratic"
    return f"   {label} per doubling: {shown} (mean ×{mean:.1f}: {verdict}; {scale})"


def _scale(count: int, planted: list[tuple[str, str]]) -> None:
    print(
        "\ncandidate generation, synthetic fictional persons (blocking keys in memory, CPU s; "
        f"bounded lookup: rarest keys first, at most {READ_BUDGET:,} persons read, "
        f"at most {MAX_CANDIDATES} candidates):"
    )
    sizes = [count // 8, count // 4, count // 2, count]
    for label, make in (("52 surname roots", synthetic_names), ("invented surnames", spread_names)):
        print(f" {label}:")
        rows = []
        for n in sizes:
            row = _candidates(make(n), planted)
            rows.append(row)
            print(
                f"  {n:>7,} persons: keys+index {row.keys_s:5.1f} s "
                f"({row.keys_s / n * 1000:.2f} ms a name), index {row.mib:,.0f} MiB, largest block "
                f"{row.largest:,}; lookup of every name {row.bounded_s:5.1f} s, candidates per "
                f"name {row.candidates:.1f} ({row.candidates / n:.3%}, {row.read:.0f} read); "
                "reading every block whole "
                f"{row.every_block_s:5.1f} s, "
                f"{row.every_block:,.1f} per name; eval true pairs found {row.found}/{row.pairs} "
                f"(of the {row.pairs - row.found} lost, {row.many} have over {MAX_CANDIDATES} "
                "name matches among the persons read)"
            )
        print(_growth("bounded lookup of every name, CPU", [r.bounded_s for r in rows]))
        print(_growth("persons read by one lookup", [r.read for r in rows], per_lookup=True))
        print(_growth("candidates of one lookup", [r.candidates for r in rows], per_lookup=True))
        print(_growth("reading every block whole, CPU", [r.every_block_s for r in rows]))
        print(_growth("keys + index, CPU", [r.keys_s for r in rows]))
        print(_growth("index memory", [r.mib for r in rows]))


def main(argv: list[str]) -> int:
    scale = 200_000
    if "--scale" in argv:
        scale = int(argv[argv.index("--scale") + 1])
    found = [s for s in SETS if (SHARED / "eval" / s / "pairs.jsonl").is_file()]
    if not found:
        print(f"skipped: the name pairs are not under {SHARED / 'eval'} (set HABEAS_SHARED)")
    all_pairs: list[Pair] = []
    quality = "--scale-only" not in argv
    for name in found:
        path = SHARED / "eval" / name / "pairs.jsonl"
        pairs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
        all_pairs += pairs
        if quality:
            _score(name, pairs, "--errors" in argv)
    if all_pairs and quality:
        _speed(all_pairs)
    if scale:
        planted = [
            (str(p["a"]), str(p["b"]))
            for p in all_pairs
            if p["same"] and match_names(str(p["a"]), str(p["b"])).same
        ]
        _scale(scale, planted)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
