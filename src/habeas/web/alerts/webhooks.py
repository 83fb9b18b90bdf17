"""Where a user's webhook may point: ingest's SSRF guard, applied to alert webhooks.

A webhook URL is typed by a user, so without a guard any account could make
habeas POST into the machine it runs on or its network (admin panels, cloud
metadata at 169.254.169.254). The address rules are ingest's
(habeas.ingest.addresses) and so is the switch, HABEAS_ALLOW_PRIVATE_FETCH.
A URL is checked when it is saved, to give a clear form error, and again when
an alert is sent, through ingest's guarded connection: a host name can resolve
to another address by then, and the connection is opened to the very address
that was checked.
"""

from __future__ import annotations

from typing import Any

import httpcore
import httpx
from django.conf import settings

from habeas.ingest.addresses import AddressPolicy, IPAddress

# The guard's pieces are private to habeas.ingest.fetch; they are used here rather than
# copied, so there is one guard. (fetch could name them publicly; see the note in the report.)
from habeas.ingest.fetch import DEFAULT_USER_AGENT, _Blocked, _client, _literal, _resolve

_SCHEMES = frozenset({"http", "https"})


class WebhookRefused(Exception):
    """The webhook's host is, or resolves to, an address the policy refuses."""

    def __init__(self, sentence: str) -> None:
        super().__init__(sentence)
        self.sentence = sentence


def webhook_policy() -> AddressPolicy:
    """The address policy for webhooks: ingest's, from HABEAS_ALLOW_PRIVATE_FETCH."""
    return AddressPolicy.build(allow_private=bool(settings.HABEAS_ALLOW_PRIVATE_FETCH))


def _refused(host: str, address: IPAddress, reason: str) -> str:
    if _literal(host) == address:
        where = f"{address} is {reason}"
    else:
        where = f"{host} resolves to {address}, {reason}"
    return (
        f"The host {where}: webhooks can only reach public addresses "
        "(an admin can allow private ones)."
    )


def webhook_refusal(url: str, *, policy: AddressPolicy) -> str | None:
    """Why alerts may not be sent to `url`, as one sentence; None when they may.

    Refuses anything but http(s), a URL without a host, a host name that does
    not resolve, and a host any of whose addresses the policy refuses.
    """
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError):
        return "This is not a valid URL."
    if parsed.scheme not in _SCHEMES:
        return "A webhook URL must start with http:// or https://."
    if not parsed.host:
        return "This URL has no host."
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        addresses = _resolve(parsed.host, port)
    except httpcore.ConnectError:
        return f"The host name {parsed.host} could not be found."
    for address in addresses:
        reason = policy.refusal(address)
        if reason is not None:
            return _refused(parsed.host, address, reason)
    return None


def guarded_post(
    url: str, payload: dict[str, Any], *, policy: AddressPolicy, timeout: float
) -> httpx.Response:
    """POST `payload` as JSON through ingest's guarded connection; redirects are not followed.

    Raises WebhookRefused when the host is or resolves to a refused address,
    and httpx.HTTPError for a network failure.
    """
    try:
        scheme = httpx.URL(url).scheme
    except (httpx.InvalidURL, ValueError):
        raise WebhookRefused("This is not a valid URL.") from None
    if scheme not in _SCHEMES:
        raise WebhookRefused("A webhook URL must start with http:// or https://.")
    with _client(policy, timeout=timeout, user_agent=DEFAULT_USER_AGENT) as client:
        try:
            return client.post(url, json=payload)
        except _Blocked as blocked:
            raise WebhookRefused(_refused(blocked.host, blocked.address, blocked.reason)) from None
