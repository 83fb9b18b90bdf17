"""`habeas match`: can two names denote the same person?

    habeas match "Tural Mirzayev" "Мирзаев Турал"      → {"same": true, "score": 1.0}
    habeas match --pairs pairs.jsonl                    (or - for stdin)

With --pairs, each JSON Lines object `{"a": ..., "b": ...}` is written back
with `same` and `score` added. A malformed line is reported on stderr with
its file and line number (the first 20; the rest are counted); the other
lines are still matched, and the exit status is 1 at the end. An empty input
is an error (exit 2).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from habeas.errors import InputError


def register(subparsers: Any) -> None:
    """Add the `match` command to the `habeas` parser."""
    parser = subparsers.add_parser(
        "match",
        help="judge whether two names can denote the same person",
        description="Judge whether two names (any script) can denote the same person.",
    )
    parser.add_argument("names", nargs="*", metavar="NAME", help="two names to compare")
    parser.add_argument(
        "--pairs",
        metavar="FILE",
        help='JSON Lines of {"a": NAME, "b": NAME} objects; - reads stdin',
    )
    parser.set_defaults(func=run)


def _verdict(a: object, b: object) -> dict[str, object]:
    from habeas.identity import match_names

    if not isinstance(a, str) or not isinstance(b, str):
        raise InputError('"a" and "b" must both be strings.')
    result = match_names(a, b)
    return {"same": result.same, "score": round(result.score, 3)}


def _match_lines(stream: TextIO, label: str) -> int:
    from habeas.cli.jsonin import ErrorLines, loads

    errors = ErrorLines(label)
    seen = 0
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        seen += 1
        try:
            pair = loads(line)
            if not isinstance(pair, dict) or "a" not in pair or "b" not in pair:
                raise InputError('each line must be a JSON object with "a" and "b".')
            pair.update(_verdict(pair["a"], pair["b"]))
        except (json.JSONDecodeError, InputError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            errors.add(f"{label}, line {number}: {reason}")
            continue
        sys.stdout.write(json.dumps(pair, ensure_ascii=False) + "\n")
    errors.close()
    if seen == 0:
        raise InputError(f"{label} is empty: no pairs to match.")
    return 1 if errors.count else 0


def run(args: argparse.Namespace) -> int:
    """Print one JSON verdict, or one per line of --pairs; return the exit status."""
    if args.pairs is not None:
        if args.names:
            raise InputError("Give either two names or --pairs FILE, not both.")
        if args.pairs == "-":
            return _match_lines(sys.stdin, "stdin")
        try:
            with open(args.pairs, encoding="utf-8") as stream:
                return _match_lines(stream, args.pairs)
        except OSError as exc:
            raise InputError(f"Cannot read {args.pairs}: {exc.strerror}.") from exc
        except UnicodeDecodeError as exc:
            raise InputError(f"{args.pairs} is not UTF-8 text.") from exc
    if len(args.names) != 2:
        raise InputError("Give exactly two names, or --pairs FILE.")
    print(json.dumps(_verdict(args.names[0], args.names[1])))
    return 0
