"""`habeas serve`: the web app on a WSGI server (waitress); WhiteNoise serves static files."""

from __future__ import annotations

import argparse
from typing import Any

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (0-65535)")
    return value


def add_server_options(parser: argparse.ArgumentParser) -> None:
    """--host and --port, shared by `habeas serve` and `habeas demo`."""
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default: {DEFAULT_HOST}, this machine only)",
    )
    parser.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})"
    )


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the web app",
        description=(
            "Bring the database up to date and serve the web app with waitress. The signing "
            "key is HABEAS_SECRET_KEY, else one made into the instance on first run (the public "
            "default key is refused); HABEAS_DEBUG=1 shows debug pages."
        ),
    )
    add_server_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.server import serve

    serve(host=args.host, port=args.port)
    return 0
