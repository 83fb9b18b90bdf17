"""Where an LLM extractor may send report texts, and how it talks to that server.

Report texts name people at risk, so by default they go only to a model on
this machine: a loopback endpoint. A private address (a model server on the
group's own network) must be named by the admin in HABEAS_LLM_ALLOWED_HOSTS;
any other address is refused unless HABEAS_LLM_ALLOW_REMOTE is set on purpose.
The check runs on every address the host name resolves to, when the engine is
built and again before each request, and redirects are never followed.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from habeas.config import env_bool, env_int
from habeas.errors import InputError
from habeas.ingest.addresses import non_public_kind


@dataclass(frozen=True, slots=True)
class LLMSettings:
    """An OpenAI-compatible chat-completions server (Ollama, llama.cpp, vLLM) and a model."""

    endpoint: str  # the API base, e.g. http://127.0.0.1:11434/v1
    model: str
    timeout_seconds: float = 120.0
    concurrency: int = 2
    allowed_hosts: frozenset[str] = frozenset()
    allow_remote: bool = False
    api_key: str = field(default="", repr=False)
    json_schema: bool = True

    @property
    def completions_url(self) -> str:
        return self.endpoint.rstrip("/") + "/chat/completions"


def load_llm_settings(
    environ: Mapping[str, str] | None = None,
    *,
    endpoint: str | None = None,
    model: str | None = None,
) -> LLMSettings:
    """HABEAS_LLM_* settings (command-line values win), validated; InputError otherwise."""
    env = os.environ if environ is None else environ
    url = (endpoint or env.get("HABEAS_LLM_URL") or "").strip()
    name = (model or env.get("HABEAS_LLM_MODEL") or "").strip()
    if not url:
        raise InputError(
            "the LLM engine needs an endpoint: set HABEAS_LLM_URL "
            "(e.g. http://127.0.0.1:11434/v1) or give --llm-url"
        )
    if not name:
        raise InputError("the LLM engine needs a model: set HABEAS_LLM_MODEL or give --llm-model")
    hosts = frozenset(
        h.strip().lower()
        for h in (env.get("HABEAS_LLM_ALLOWED_HOSTS") or "").split(",")
        if h.strip()
    )
    settings = LLMSettings(
        endpoint=url,
        model=name,
        timeout_seconds=float(env_int(env, "HABEAS_LLM_TIMEOUT", 120, low=1, high=3600)),
        concurrency=env_int(env, "HABEAS_LLM_CONCURRENCY", 2, low=1, high=64),
        allowed_hosts=hosts,
        allow_remote=env_bool(env, "HABEAS_LLM_ALLOW_REMOTE", False),
        api_key=env.get("HABEAS_LLM_API_KEY") or "",
        json_schema=env_bool(env, "HABEAS_LLM_JSON_SCHEMA", True),
    )
    check_endpoint(settings)
    return settings


def _addresses(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
        return [literal]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        raise InputError(f"the LLM endpoint's host {host!r} cannot be resolved") from None
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def check_endpoint(settings: LLMSettings) -> None:
    """InputError, in one sentence, when report texts must not go to this endpoint."""
    parts = urlsplit(settings.endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(
            f"HABEAS_LLM_URL must be an http:// or https:// URL, not {settings.endpoint!r}"
        )
    host = parts.hostname.lower()
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise InputError(
            f"the port in HABEAS_LLM_URL {settings.endpoint!r} is not a number"
        ) from None
    if settings.allow_remote:
        return
    for address in _addresses(host, port):
        kind = non_public_kind(address)
        if address.is_loopback or (
            isinstance(address, ipaddress.IPv6Address)
            and address.ipv4_mapped is not None
            and address.ipv4_mapped.is_loopback
        ):
            continue
        named = host in settings.allowed_hosts or str(address) in settings.allowed_hosts
        if kind is not None and named:
            continue
        if kind is None:
            raise InputError(
                f"the LLM endpoint {host} is a public address ({address}); report texts go only "
                "to this machine or a private address named in HABEAS_LLM_ALLOWED_HOSTS, "
                "unless HABEAS_LLM_ALLOW_REMOTE=1 says otherwise"
            )
        raise InputError(
            f"the LLM endpoint {host} is {kind} ({address}) not named in "
            "HABEAS_LLM_ALLOWED_HOSTS; name it there to send report texts to it"
        )


def destination(settings: LLMSettings) -> str:
    """Where report texts go, in words for the settings page and the CLI."""
    parts = urlsplit(settings.endpoint)
    where = (
        "this machine"
        if (parts.hostname or "") in ("localhost", "127.0.0.1", "::1")
        else (f"the server {parts.hostname}")
    )
    return f"report texts are sent to {where} ({settings.completions_url}), model {settings.model}"
