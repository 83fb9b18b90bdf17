"""Quality and speed of `habeas.identity.match_names` on the development pairs.

Run as `.venv/bin/python bench/bench_match.py [--errors]`. Reads
../shared/eval/names-dev/pairs.jsonl beside the repository and prints pairs
per second (matching only, one core), precision / recall / F1 on the pairs
without the `alias`, `typo` or `noise` tags (those are reported apart), per
tag, the persons with the lowest recall or precision, and blocking recall.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from habeas.identity import blocking_keys, match_names
from habeas.identity.match import clear_caches

PAIRS = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "names-dev" / "pairs.jsonl"
OUT_OF_REACH = frozenset({"alias", "typo", "noise"})
_PERSON = re.compile(r"\((p\d+)\)")


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

    def line(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
            f"(tp {self.tp} fp {self.fp} fn {self.fn} tn {self.tn})"
        )


def _speed(pairs: list[dict[str, object]]) -> tuple[float, float, float, float]:
    """Start-up seconds, first cold pass, median of five cold passes and warm pairs per second.

    Start-up (loading ICU's transliterator and the given-name list) happens
    once per process and is timed apart, on invented names. A cold pass
    starts with every cache of names, words and comparisons empty.
    """
    names = [(str(p["a"]), str(p["b"])) for p in pairs]
    start = time.perf_counter()
    for a, b in _WARM_UP:
        match_names(a, b)
    startup = time.perf_counter() - start
    cold = []
    for _ in range(5):
        clear_caches()
        start = time.perf_counter()
        for a, b in names:
            match_names(a, b)
        cold.append(len(names) / (time.perf_counter() - start))
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for a, b in names:
            match_names(a, b)
    warm = rounds * len(names) / (time.perf_counter() - start)
    return startup, cold[0], statistics.median(cold), warm


# Invented names in every script the tables cover, to load what loads once.
_WARM_UP = (
    ("Rüstəm Qəmbərli", "Рустам Гамбарли"),
    ("Ռուստամ Ղամբարլի", "რუსტამ ყამბარლი"),
    ("رستم قمبرلی", "Руслана Ганиева"),
    ("Руслан Ганиев", "Руслана Ганиева"),
)


def _blocking(pairs: list[dict[str, object]]) -> None:
    names = sorted({str(p[k]) for p in pairs for k in ("a", "b")})
    keys = {name: blocking_keys(name) for name in names}
    index: dict[str, set[str]] = defaultdict(set)
    for name, ks in keys.items():
        for key in ks.stored:
            index[key].add(name)
    positives = [p for p in pairs if p["same"]]

    def found(a: str, b: str) -> bool:
        return bool(keys[a].sought & keys[b].stored) and bool(keys[b].sought & keys[a].stored)

    missed = [p for p in positives if not found(str(p["a"]), str(p["b"]))]
    accepted = [p for p in positives if match_names(str(p["a"]), str(p["b"])).same]
    lost = [p for p in accepted if not found(str(p["a"]), str(p["b"]))]
    candidates = [len(set().union(*(index[k] for k in keys[n].sought))) for n in names]
    mean = sum(candidates) / len(candidates)
    hits = len(positives) - len(missed)
    print(
        f"\nblocking: recall {hits / len(positives):.3f} ({hits}/{len(positives)}, both ways),"
        f" {len(accepted) - len(lost)}/{len(accepted)} of the pairs the matcher accepts;"
        f" {len(index)} keys for {len(names)} names, average candidates "
        f"per name {mean:.1f} ({mean / len(names):.1%} of the names)"
    )
    for p in missed[:10]:
        print(f"  no shared key: {p['a']!r} / {p['b']!r} {sorted(p['tags'])}")  # type: ignore[call-overload]


def main(argv: list[str]) -> int:
    if not PAIRS.is_file():
        print(f"skipped: the development pairs are not at {PAIRS}")
        return 0
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line]
    startup, first, cold, warm = _speed(pairs)
    overall, apart = Counts(), Counts()
    by_tag: dict[str, Counts] = defaultdict(Counts)
    by_person: dict[str, Counts] = defaultdict(Counts)
    errors = []
    for pair in pairs:
        result = match_names(pair["a"], pair["b"])
        gold, tags = bool(pair["same"]), set(pair["tags"])
        (apart if tags & OUT_OF_REACH else overall).add(gold, result.same)
        for tag in tags | {pair["kind"]}:
            by_tag[tag].add(gold, result.same)
        for person in set(_PERSON.findall(pair["why"])):
            by_person[person].add(gold, result.same)
        if gold != result.same:
            errors.append((pair, result))
    print(
        f"{len(pairs)} pairs; speed (one core): {cold:,.0f} pairs/s with empty caches "
        f"(median of 5; first pass {first:,.0f}), {warm:,.0f} warm; "
        f"start-up {startup * 1000:.0f} ms once per process"
    )
    print(f"\noverall (without alias/typo/noise): {overall.line()}")
    print(f"alias/typo/noise pairs:             {apart.line()}")
    print("\nper tag:")
    for tag, counts in sorted(by_tag.items()):
        print(f"  {tag:28} {counts.line()}")
    print("\nworst persons (by errors):")
    worst = sorted(by_person.items(), key=lambda kv: -(kv[1].fn + kv[1].fp))[:8]
    for person, counts in worst:
        if counts.fn + counts.fp:
            print(f"  {person:6} {counts.line()}")
    _blocking(pairs)
    if "--errors" in argv:
        print("\nerrors:")
        for pair, result in errors:
            print(
                f"  {'FN' if pair['same'] else 'FP'} {pair['a']!r} / {pair['b']!r} "
                f"{sorted(pair['tags'])} -> {result.reasons[0]}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
