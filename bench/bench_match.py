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
import sys
import time
from collections import defaultdict
from pathlib import Path

from habeas.identity import blocking_keys, match_names
from habeas.identity.forms import build_token, prepare_name

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


def _speed(pairs: list[dict[str, object]]) -> tuple[float, float]:
    names = [(str(p["a"]), str(p["b"])) for p in pairs]
    prepare_name.cache_clear()
    build_token.cache_clear()
    start = time.perf_counter()
    for a, b in names:
        match_names(a, b)
    cold = len(names) / (time.perf_counter() - start)
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for a, b in names:
            match_names(a, b)
    warm = rounds * len(names) / (time.perf_counter() - start)
    return cold, warm


def _blocking(pairs: list[dict[str, object]]) -> None:
    names = sorted({str(p[k]) for p in pairs for k in ("a", "b")})
    keys = {name: blocking_keys(name) for name in names}
    index: dict[str, set[str]] = defaultdict(set)
    for name, ks in keys.items():
        for key in ks:
            index[key].add(name)
    positives = [p for p in pairs if p["same"]]
    found = [p for p in positives if keys[str(p["a"])] & keys[str(p["b"])]]
    missed = [p for p in positives if not keys[str(p["a"])] & keys[str(p["b"])]]
    candidates = [len(set().union(*(index[k] for k in keys[n]))) if keys[n] else 0 for n in names]
    mean = sum(candidates) / len(candidates)
    print(
        f"\nblocking: recall {len(found) / len(positives):.3f} ({len(found)}/{len(positives)}),"
        f" {len(index)} keys for {len(names)} names, average block size "
        f"{sum(len(v) for v in index.values()) / len(index):.2f} names, average candidates "
        f"per name {mean:.1f} ({mean / len(names):.1%} of the names)"
    )
    for p in missed[:10]:
        print(f"  no shared key: {p['a']!r} / {p['b']!r} {sorted(p['tags'])}")  # type: ignore[call-overload]


def main(argv: list[str]) -> int:
    if not PAIRS.is_file():
        print(f"skipped: the development pairs are not at {PAIRS}")
        return 0
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line]
    cold, warm = _speed(pairs)
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
    print(f"{len(pairs)} pairs; speed: {cold:,.0f} pairs/s cold cache, {warm:,.0f} warm (one core)")
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
