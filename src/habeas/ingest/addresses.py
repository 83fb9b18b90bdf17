"""Which network addresses habeas may fetch from: the core of the SSRF guard.

A monitor that fetches URLs typed by users must not become a way to reach
the operator's own network (admin panels, cloud metadata at 169.254.169.254,
databases on 10.x). Only public unicast addresses are allowed unless an
admin says otherwise.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Collection
from dataclasses import dataclass

from habeas.errors import InputError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_SHARED_V4 = ipaddress.IPv4Network("100.64.0.0/10")  # carrier-grade NAT
_UNIQUE_LOCAL_V6 = ipaddress.IPv6Network("fc00::/7")


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Decides whether a connection to an address is allowed.

    `allow_private` lets every address through (an admin's choice for a
    closed network). `exempt` lets named addresses through while the rest of
    the guard stays on, so a test can reach its own 127.0.0.1 server and still
    prove that 10.0.0.1 is refused.
    """

    allow_private: bool = False
    exempt: frozenset[IPAddress] = frozenset()

    @classmethod
    def build(cls, *, allow_private: bool, exempt: Collection[str] = ()) -> AddressPolicy:
        """Build a policy; `exempt` holds IP address literals ("127.0.0.1")."""
        addresses = set()
        for literal in exempt:
            try:
                addresses.add(ipaddress.ip_address(literal))
            except ValueError:
                raise InputError(f"{literal!r} is not an IP address") from None
        return cls(allow_private=allow_private, exempt=frozenset(addresses))

    def refusal(self, address: IPAddress) -> str | None:
        """Return why `address` is refused ("a loopback address"), or None when allowed."""
        if self.allow_private or address in self.exempt:
            return None
        return non_public_kind(address)


def non_public_kind(address: IPAddress) -> str | None:
    """Name the kind of a non-public address ("a private address"), or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address):
        # ::ffff:10.0.0.1 reaches 10.0.0.1; judge the IPv4 address it carries.
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return non_public_kind(mapped)
    kind = _kind(address)
    if kind is None and not address.is_global:
        # Documentation, benchmarking and other special-purpose ranges.
        return "a special-purpose address"
    return kind


def _kind(address: IPAddress) -> str | None:
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_multicast:
        return "a multicast address"
    if isinstance(address, ipaddress.IPv4Address) and address in _SHARED_V4:
        return "a shared (carrier-grade NAT) address"
    if isinstance(address, ipaddress.IPv6Address) and address in _UNIQUE_LOCAL_V6:
        return "a unique-local address"
    if address.is_reserved:
        return "a reserved address"
    if address.is_private:
        return "a private address"
    return None
