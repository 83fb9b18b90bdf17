"""`habeas ingest URL|FILE|-`: capture reports and store the engine's suggestions."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from habeas.errors import HabeasError, InputError

_SCHEMES = ("http://", "https://")


def _iso_day(text: str) -> dt.date:
    from habeas.model import parse_iso_day

    try:
        return parse_iso_day(text)
    except HabeasError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="capture reports from URLs, files or stdin into the case store",
        description=(
            "Capture each input (a web page URL, an HTML or text file, or - for stdin), keep a "
            "snapshot of its bytes, store its text as a report and the engine's suggested "
            "persons and events. The same text twice is stored once."
        ),
    )
    parser.add_argument("inputs", nargs="+", metavar="URL|FILE|-", help="what to capture")
    parser.add_argument(
        "--published", type=_iso_day, metavar="YYYY-MM-DD", help="publication date, if missing"
    )
    parser.add_argument("--lang", metavar="CODE", help="language (en, ru, az), if not detected")
    parser.add_argument("--title", help="title, if the input has none")
    add_batch_options(parser)
    parser.set_defaults(func=run)


def add_batch_options(parser: Any) -> None:
    """--workers and --dask: the options of batch work (habeas.batch)."""
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="read and extract on N local processes (directories, JSON Lines, WARC files)",
    )
    parser.add_argument(
        "--dask",
        metavar="tcp://HOST:PORT",
        help="run the extraction on the Dask cluster whose scheduler is at this address",
    )


def run(args: argparse.Namespace) -> int:
    from habeas.web.bootstrap import setup

    setup()
    if args.workers != 1 or args.dask:
        return _run_batch(args)
    failed = 0
    for name in args.inputs:
        try:
            result = _ingest_one(name, args)
        except HabeasError as exc:
            # Many messages already name the input (fetch errors quote the URL).
            message = str(exc) if name in str(exc) else f"{name}: {exc}"
            print(f"habeas: {message}", file=sys.stderr)
            failed += 1
            continue
        print(result.describe(), flush=True)
    return 2 if failed else 0


def _ingest_one(name: str, args: argparse.Namespace) -> Any:
    from habeas.ingest.decode import check_size
    from habeas.web.store import services

    hints = {"published": args.published, "lang": args.lang, "title": args.title}
    if name.lower().startswith(_SCHEMES):
        return services.ingest_url(name, **hints)
    limit = services.max_bytes()
    if name == "-":
        # One byte past the cap is enough to know the input is too large.
        data = sys.stdin.buffer.read(limit + 1)
        return services.ingest_bytes(data, filename="stdin", **hints)
    if "://" in name:
        raise InputError("only http:// and https:// URLs can be fetched")
    path = Path(name)
    if not path.is_file():
        raise InputError("no such file" if not path.exists() else "not a regular file")
    check_size(path.stat().st_size, limit=limit, name=path.name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"the file cannot be read ({exc.strerror})") from None
    return services.ingest_bytes(data, filename=path.name, **hints)


def _run_batch(args: argparse.Namespace) -> int:
    from habeas.batch.inputs import items
    from habeas.web.store import services
    from habeas.web.store.batch import ingest_items

    if "-" in args.inputs or any(n.lower().startswith(_SCHEMES) for n in args.inputs):
        raise InputError("--workers and --dask take files and directories, not URLs or stdin")

    def progress(summary: Any) -> None:
        print(f"habeas: {summary.line()}", file=sys.stderr, flush=True)

    summary = ingest_items(
        items(args.inputs, max_bytes=services.max_bytes()),
        workers=args.workers,
        dask=args.dask,
        progress=progress,
    )
    for error in summary.errors:
        print(f"habeas: {error}", file=sys.stderr)
    print(summary.line())
    return 2 if summary.failed else 0
