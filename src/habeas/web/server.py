"""Serving the web app with waitress, a production WSGI server; WhiteNoise serves static files."""

from __future__ import annotations

import socket

from habeas.errors import InputError


def serve(*, host: str, port: int, announce: str = "") -> None:
    """Serve the (already set up) web app on host:port until interrupted; port 0 picks a free one.

    Prints the address it listens on (and `announce`, if given) to standard
    output first, so a person or a test can find it.
    """
    from django.conf import settings
    from waitress.server import create_server

    from habeas.config import INSECURE_SECRET_KEY
    from habeas.web.wsgi import application

    if settings.SECRET_KEY == INSECURE_SECRET_KEY:
        # Anyone could forge sessions and password-reset links signed with a published key.
        raise InputError(
            "HABEAS_SECRET_KEY is the public default key: unset it (the instance makes its own) "
            "or set a long random one"
        )
    if host not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS.append(host)
    _keep_connections()
    proxy: dict[str, object] = {}
    if settings.HABEAS_BEHIND_PROXY:
        # Waitress sets the scheme and the client's address from these headers when they come
        # from the proxy, and removes them from every other peer's requests.
        proxy = {
            "trusted_proxy": settings.HABEAS_PROXY_ADDRESS,
            "trusted_proxy_headers": {"x-forwarded-proto", "x-forwarded-for"},
            "clear_untrusted_proxy_headers": True,
        }
    try:
        server = create_server(application, host=host, port=port, threads=8, **proxy)
    except (OSError, socket.gaierror) as exc:
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    shown = f"[{host}]" if ":" in host else host
    print(
        f"habeas: serving on http://{shown}:{server.effective_port}/ (Ctrl-C to stop)", flush=True
    )
    if announce:
        print(announce, flush=True)
    try:
        server.run()
    finally:
        server.close()


# Seconds a server thread keeps its database connection between requests.
CONNECTION_AGE = 300


def _keep_connections() -> None:
    """Let each of the server's threads reuse its database connection across requests.

    A new connection per request cost every page its set-up (SQLite: opening
    the file, the WAL pragmas, Django's SQL functions; PostgreSQL: a new server
    process and authentication). Only the server does this: CLI commands and
    tests open one connection and close it. PostgreSQL connections are checked
    before reuse (CONN_HEALTH_CHECKS), so one broken by a database restart is
    replaced, not used.
    """
    from django.db import connections

    for alias in connections:
        connections.settings[alias]["CONN_MAX_AGE"] = CONNECTION_AGE
