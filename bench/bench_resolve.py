"""Candidate search at scale: blocking keys of 100,000 synthetic persons in a real SQLite store.

Run as `.venv/bin/python bench/bench_resolve.py [COUNT]`. Builds a throw-away
store under a temporary HABEAS_HOME, bulk-inserts the persons, their name
forms and blocking keys, then prints the largest and average block, the
candidates per name and the CPU time of a candidate lookup and of
`find_persons` (SQLite runs in this process, so its work counts).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_people import synthetic_names


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 100_000
    os.environ["HABEAS_HOME"] = tempfile.mkdtemp(prefix="habeas-bench-")
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.store.merges import stored_keys
    from habeas.web.store.models import BlockingKey, NameForm, Person
    from habeas.web.store.queries import find_persons
    from habeas.web.store.resolution import candidate_ids

    names = synthetic_names(count)
    start = time.process_time()
    keys = [stored_keys(n) for n in names]
    keying = time.process_time() - start
    blocks = Counter(k for ks in keys for k in ks)
    start = time.process_time()
    persons = Person.objects.bulk_create([Person(display_name=n) for n in names], batch_size=5000)
    NameForm.objects.bulk_create(
        [NameForm(person=p, name=n, script="mixed") for p, n in zip(persons, names, strict=True)],
        batch_size=5000,
    )
    BlockingKey.objects.bulk_create(
        (BlockingKey(person=p, key=k) for p, ks in zip(persons, keys, strict=True) for k in ks),
        batch_size=20000,
    )
    loading = time.process_time() - start
    pair_blocks = [n for k, n in blocks.items() if k.startswith("k:")]
    word_pairs = [n for k, n in blocks.items() if k.startswith("p:")]
    print(
        f"{count:,} persons, {sum(blocks.values()):,} key rows, {len(blocks):,} keys "
        f"(keys computed in {keying:.1f} s, stored in {loading:.1f} s)"
    )
    print(
        f"blocks: largest {max(blocks.values()):,} ({blocks.most_common(1)[0][0]}), "
        f"average {statistics.mean(blocks.values()):.1f}; "
        f"full-name (k:) blocks largest {max(pair_blocks):,}, average "
        f"{statistics.mean(pair_blocks):.1f}; word-pair (p:) blocks largest {max(word_pairs):,}, "
        f"average {statistics.mean(word_pairs):.1f}"
    )
    sample = random.Random(3).sample(names, 300)
    sizes, lookup, search = [], [], []
    for name in sample:
        start = time.process_time()
        sizes.append(len(candidate_ids([name])))
        lookup.append(time.process_time() - start)
        start = time.process_time()
        find_persons(name)
        search.append(time.process_time() - start)
    full = [s for s, n in zip(sizes, sample, strict=True) if " " in n]
    print(
        f"candidates per name: mean {statistics.mean(sizes):.0f}, median "
        f"{statistics.median(sizes):.0f}, max {max(sizes):,}; names of 2+ words mean "
        f"{statistics.mean(full):.0f} ({statistics.mean(full) / count:.2%} of the store)"
    )
    print(
        f"candidate lookup: median {statistics.median(lookup) * 1000:.1f} ms, max "
        f"{max(lookup) * 1000:.0f} ms; find_persons (lookup + matching every form): "
        f"median {statistics.median(search) * 1000:.0f} ms, max {max(search) * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
