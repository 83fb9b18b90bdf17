"""Fetch a URL with a size cap, a deadline and an SSRF guard.

How the guard holds against DNS rebinding: a host name is resolved exactly
once, inside the connection step (`_GuardedBackend.connect_tcp`), and the
socket is opened to the very address that was checked. A check done before
the request and a second resolution by the HTTP library would leave a window
in which a hostile DNS server answers "public" first and "10.0.0.1" next.
TLS still verifies the certificate against the URL's host name, since httpcore
passes that name to the TLS layer separately from the address.
Redirects are followed by hand so every hop goes through the same guard.
"""

from __future__ import annotations

import datetime
import enum
import ipaddress
import socket
import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from habeas import __version__
from habeas.errors import InputError
from habeas.ingest.addresses import AddressPolicy, IPAddress

DEFAULT_USER_AGENT = f"habeas/{__version__} (detention monitor; +https://github.com/habeas)"
MAX_REDIRECTS = 5
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)


class FetchError(InputError):
    """A URL could not be fetched; the message names the URL and the reason."""


class BlockedAddressError(FetchError):
    """The URL leads to an address the SSRF guard refuses."""


class FetchTimeoutError(FetchError):
    """The server did not answer, or did not finish, in time."""


class TooLargeError(FetchError):
    """The response body is larger than the cap."""


class BadStatusError(FetchError):
    """The server answered with an HTTP error status."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


class UnexpectedMediaTypeError(FetchError):
    """The server sent a media type the caller did not ask for."""


class Expect(enum.Enum):
    """What kind of document the caller wants; others are refused before the body is read."""

    ANY = "any"
    PAGE = "page"  # an HTML page or plain text
    FEED = "feed"  # RSS or Atom (some servers send feeds as text/html or text/plain)


@dataclass(frozen=True, slots=True)
class Fetched:
    """One HTTP response as captured.

    `body` is the payload after any Content-Encoding was undone; `headers` are
    the server's headers in order. `peer_address` is the IP address the
    socket was connected to. `fetched_at` is timezone-aware UTC.
    """

    url: str
    final_url: str
    status: int
    reason: str
    media_type: str
    charset: str | None
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched_at: datetime.datetime
    http_version: str
    peer_address: str | None
    redirects: tuple[str, ...] = ()


def fetch(
    url: str,
    *,
    max_bytes: int = 10_000_000,
    timeout: float = 20.0,
    allow_private: bool = False,
    exempt_addresses: Collection[str] = (),
    expect: Expect = Expect.ANY,
    user_agent: str = DEFAULT_USER_AGENT,
) -> Fetched:
    """Fetch `url`, following up to five redirects, and return the final response.

    Refuses (BlockedAddressError) any hop whose host is or resolves to a
    non-public address unless `allow_private`; `exempt_addresses` are IP
    literals let through regardless. The body is streamed and the download
    aborted once it passes `max_bytes`; the whole exchange must end within
    `timeout` seconds. Every failure is a FetchError with one sentence.
    """
    policy = AddressPolicy.build(allow_private=allow_private, exempt=exempt_addresses)
    deadline = time.monotonic() + timeout
    with _client(policy, timeout=timeout, user_agent=user_agent) as client:
        current = _checked_url(url, original=url, policy=policy)
        hops: list[str] = []
        while True:
            try:
                response = client.send(client.build_request("GET", current), stream=True)
            except _Blocked as blocked:
                raise BlockedAddressError(blocked.sentence(current)) from None
            except httpx.HTTPError as exc:
                raise _transport_error(current, exc, timeout=timeout) from None
            try:
                location = _redirect_target(response)
                if location is None:
                    return _finish(
                        response,
                        original=url,
                        hops=hops,
                        max_bytes=max_bytes,
                        deadline=deadline,
                        timeout=timeout,
                        expect=expect,
                    )
            finally:
                response.close()
            if len(hops) == MAX_REDIRECTS:
                raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
            hops.append(current)
            try:
                target = str(response.url.join(location))
            except (httpx.InvalidURL, ValueError):
                raise FetchError(f"{current}: the server redirected to an invalid URL") from None
            current = _checked_url(target, original=url, policy=policy)


def _client(policy: AddressPolicy, *, timeout: float, user_agent: str) -> httpx.Client:
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx 0.28 has no public way to give its transport a network backend;
    # swapping the pool is the smallest change. The guard test with a host name
    # that resolves to a private address fails if this ever stops taking effect.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        network_backend=_GuardedBackend(policy),
        max_connections=4,
    )
    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,
        # Environment proxies are ignored: through a proxy the guard would
        # check the proxy's address, not the target's.
        trust_env=False,
        headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
    )


def _checked_url(url: str, *, original: str, policy: AddressPolicy) -> str:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError):
        raise FetchError(f"{original}: not a valid URL") from None
    if parsed.scheme not in {"http", "https"}:
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    if not parsed.host:
        raise FetchError(f"{url}: the URL has no host")
    # A literal address is judged here, before any socket exists; host names
    # are judged at connect time, on the address actually used.
    try:
        literal = ipaddress.ip_address(parsed.host)
    except ValueError:
        return str(parsed)
    reason = policy.refusal(literal)
    if reason is not None:
        raise BlockedAddressError(_refusal_sentence(str(parsed), parsed.host, literal, reason))
    return str(parsed)


def _redirect_target(response: httpx.Response) -> str | None:
    if response.status_code not in _REDIRECT_STATUSES:
        return None
    return response.headers.get("Location") or None


def _finish(
    response: httpx.Response,
    *,
    original: str,
    hops: list[str],
    max_bytes: int,
    deadline: float,
    timeout: float,
    expect: Expect,
) -> Fetched:
    final = str(response.url)
    if response.status_code >= 400:
        raise BadStatusError(
            f"{final}: the server answered {response.status_code} {response.reason_phrase}".strip(),
            status=response.status_code,
        )
    media_type, charset = _content_type(response.headers.get("Content-Type"))
    _check_media_type(final, media_type, expect=expect)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLargeError(_too_large(final, max_bytes))
    # Read the peer now: once the body is consumed the connection may be closed.
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    chunks: list[bytes] = []
    size = 0
    try:
        # iter_bytes undoes gzip, so the cap also bounds a decompression bomb.
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise TooLargeError(_too_large(final, max_bytes))
            if time.monotonic() > deadline:
                raise FetchTimeoutError(_timed_out(final, timeout))
            chunks.append(chunk)
    except httpx.HTTPError as exc:
        raise _transport_error(final, exc, timeout=timeout) from None
    return Fetched(
        url=original,
        final_url=final,
        status=response.status_code,
        reason=response.reason_phrase,
        media_type=media_type,
        charset=charset,
        # Raw pairs keep the server's spelling and order, as a WARC record should.
        headers=tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw),
        body=b"".join(chunks),
        fetched_at=datetime.datetime.now(datetime.UTC),
        http_version=response.http_version,
        peer_address=str(peer[0]) if isinstance(peer, tuple) and peer else None,
        redirects=tuple(hops),
    )


def _content_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "application/octet-stream", None
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media_type.strip().lower() or "application/octet-stream", charset


def _check_media_type(url: str, media_type: str, *, expect: Expect) -> None:
    if expect is Expect.PAGE:
        allowed = media_type in _PAGE_TYPES or media_type == "text/plain"
        wanted = "a web page or text"
    elif expect is Expect.FEED:
        allowed = (
            media_type in _FEED_TYPES or media_type in _PAGE_TYPES or media_type == "text/plain"
        )
        wanted = "an RSS or Atom feed"
    else:
        return
    if not allowed:
        raise UnexpectedMediaTypeError(f"{url}: the server sent {media_type}, not {wanted}")


def _transport_error(url: str, exc: Exception, *, timeout: float) -> FetchError:
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeoutError(_timed_out(url, timeout))
    if isinstance(exc, httpx.ConnectError):
        return FetchError(f"{url}: could not connect to the host ({_short(exc)})")
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError(f"{url}: not a fetchable URL")
    return FetchError(f"{url}: the connection failed ({_short(exc)})")


def _short(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def _timed_out(url: str, timeout: float) -> str:
    return f"{url}: the server did not answer within {timeout:g} seconds"


def _too_large(url: str, max_bytes: int) -> str:
    return f"{url}: the response is larger than the limit of {max_bytes:,} bytes"


def _refusal_sentence(url: str, host: str, address: IPAddress, reason: str) -> str:
    if _literal(host) == address:
        why = f"{address} is {reason}"
    else:
        why = f"{host} resolves to {address}, {reason}"
    return f"refusing to fetch {url}: {why}; an admin can allow private addresses"


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


class _Blocked(Exception):
    """Raised inside the connection step; `fetch` turns it into BlockedAddressError."""

    def __init__(self, host: str, address: IPAddress, reason: str) -> None:
        super().__init__(f"{address} is {reason}")
        self.host, self.address, self.reason = host, address, reason

    def sentence(self, url: str) -> str:
        return _refusal_sentence(url, self.host, self.address, self.reason)


class _GuardedBackend(httpcore.NetworkBackend):
    """A network backend that resolves, checks and connects to the same address."""

    def __init__(self, policy: AddressPolicy) -> None:
        self._policy = policy
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> Any:
        addresses = _resolve(host, port)
        # Every answer is judged, not only the first: a host that lists a
        # public and a private address is refused as a whole.
        for address in addresses:
            reason = self._policy.refusal(address)
            if reason is not None:
                raise _Blocked(host, address, reason)
        last_error: Exception | None = None
        for address in addresses:
            try:
                return _connect(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                last_error = exc
        raise last_error or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> Any:
        # Never used: the pool is built without `uds`. Refuse rather than inherit.
        raise NotImplementedError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


def _connect(
    address: IPAddress,
    port: int,
    timeout: float | None,
    local_address: str | None,
    socket_options: Iterable[Any] | None,
) -> httpcore.NetworkStream:
    # The socket is built by hand rather than with socket.create_connection,
    # which would pass even a literal address through getaddrinfo again.
    from httpcore._backends.sync import SyncStream  # httpcore has no public name for it

    family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        if local_address is not None:
            sock.bind((local_address, 0))
        for option in socket_options or ():
            sock.setsockopt(*option)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.connect((str(address), port))
    except TimeoutError as exc:
        sock.close()
        raise httpcore.ConnectTimeout(str(exc)) from exc
    except OSError as exc:
        sock.close()
        raise httpcore.ConnectError(str(exc)) from exc
    return SyncStream(sock)


def _resolve(host: str, port: int) -> list[IPAddress]:
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        return [literal]
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"the host name {host} could not be resolved") from exc
    found: list[IPAddress] = []
    for info in infos:
        # Drop an IPv6 zone ("fe80::1%eth0"); the address alone is what is judged.
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in found:
            found.append(address)
    return found
