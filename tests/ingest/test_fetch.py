"""fetch against a real local server: success, redirects, caps, errors and the SSRF guard."""

from __future__ import annotations

import datetime
import gzip
import re
import socket
from pathlib import Path
from typing import Any, Protocol

import pytest

from habeas.errors import InputError
from habeas.ingest.fetch import (
    BadStatusError,
    BlockedAddressError,
    Expect,
    FetchError,
    FetchTimeoutError,
    TooLargeError,
    UnexpectedMediaTypeError,
    fetch,
)
from habeas.ingest.html import page_to_text

ARTICLE = (Path(__file__).parent / "pages" / "article_en.html").read_bytes()


class LocalServer(Protocol):
    """The `server` fixture of conftest.py (a ThreadingHTTPServer on 127.0.0.1)."""

    port: int
    seen: list[str]

    def url(self, path: str) -> str: ...


def test_a_page_is_fetched_with_its_headers_and_peer(server: LocalServer) -> None:
    got = fetch(server.url("/article"), allow_private=True)

    assert got.status == 200
    assert got.body == ARTICLE
    assert (got.media_type, got.charset) == ("text/html", "utf-8")
    assert ("Content-Length", str(len(ARTICLE))) in got.headers
    assert got.final_url == got.url == server.url("/article")
    assert got.peer_address == "127.0.0.1"
    assert got.http_version.startswith("HTTP/1.")
    assert got.fetched_at.tzinfo is datetime.UTC
    assert page_to_text(got.body, url=got.final_url, encoding=got.charset).lang == "en"


def test_a_gzip_encoded_body_is_stored_decoded(server: LocalServer) -> None:
    got = fetch(server.url("/gzip"), allow_private=True)

    assert got.body == ARTICLE
    assert gzip.decompress(gzip.compress(ARTICLE)) == got.body


def test_redirects_are_followed_and_recorded(server: LocalServer) -> None:
    got = fetch(server.url("/chain/3"), allow_private=True)

    assert got.final_url == server.url("/article")
    assert got.redirects == (
        server.url("/chain/3"),
        server.url("/chain/2"),
        server.url("/chain/1"),
    )
    assert got.body == ARTICLE


def test_a_redirect_loop_stops_after_five_redirects(server: LocalServer) -> None:
    before = server.seen.count("/loop")
    with pytest.raises(FetchError, match=r"/loop: more than 5 redirects$"):
        fetch(server.url("/loop"), allow_private=True)
    assert server.seen.count("/loop") - before == 6


def test_the_loopback_server_itself_is_refused_without_permission(
    server: LocalServer, loopback_only: list[Any]
) -> None:
    url = server.url("/article")
    seen = len(server.seen)

    with pytest.raises(BlockedAddressError) as caught:
        fetch(url, allow_private=False)

    assert str(caught.value) == (
        f"refusing to fetch {url}: 127.0.0.1 is a loopback address; "
        "an admin can allow private addresses"
    )
    assert loopback_only == []
    assert len(server.seen) == seen


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://10.0.0.1/", "a private address"),
        ("http://172.16.5.4/", "a private address"),
        ("https://192.168.1.1/", "a private address"),
        ("http://[::1]/", "a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("http://[fe80::1]/", "a link-local address"),
        ("http://[fd12:3456::1]/", "a unique-local address"),
        ("http://0.0.0.0/", "an unspecified address"),
        ("http://224.0.0.1/", "a multicast address"),
        ("http://240.0.0.1/", "a reserved address"),
        ("http://100.64.0.1/", "a shared (carrier-grade NAT) address"),
        ("http://[::ffff:10.0.0.1]/", "a private address"),
    ],
)
def test_non_public_addresses_are_refused_before_any_connection(
    url: str, kind: str, loopback_only: list[Any]
) -> None:
    with pytest.raises(BlockedAddressError, match=re.escape(f"is {kind}; an admin can allow")):
        fetch(url)
    assert loopback_only == []


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/to-private", "10.0.0.1 is a private address"),
        ("/to-metadata", "169.254.169.254 is a link-local address"),
    ],
)
def test_a_redirect_into_a_private_address_is_refused(
    server: LocalServer, loopback_only: list[Any], path: str, target: str
) -> None:
    # Only the test server's own address is exempt; the rest of the guard is on.
    with pytest.raises(BlockedAddressError, match=target):
        fetch(server.url(path), exempt_addresses=["127.0.0.1"])
    assert path in server.seen
    assert {address[0] for address in loopback_only} == {"127.0.0.1"}


def test_a_host_name_is_judged_on_the_address_it_resolves_to(
    monkeypatch: pytest.MonkeyPatch, loopback_only: list[Any]
) -> None:
    # No DNS server can run here, so the resolver's answer is supplied.
    def resolve(host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        assert host == "intranet.example"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(BlockedAddressError) as caught:
        fetch("http://intranet.example/")
    assert "intranet.example resolves to 10.0.0.5, a private address" in str(caught.value)
    assert loopback_only == []


def test_the_checked_address_is_the_one_connected_to(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, loopback_only: list[Any]
) -> None:
    # A rebinding resolver: first answer allowed, every later one private. The
    # fetch must resolve once and connect to that first answer.
    answers = iter(["127.0.0.1"] + ["10.0.0.1"] * 5)
    calls: list[str] = []

    def resolve(host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        calls.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    got = fetch(f"http://rebind.example:{server.port}/article", exempt_addresses=["127.0.0.1"])

    assert got.body == ARTICLE
    assert got.peer_address == "127.0.0.1"
    assert calls == ["rebind.example"]
    assert [a[0] for a in loopback_only] == ["127.0.0.1"]


def test_an_unresolvable_host_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def resolve(*args: Any, **kwargs: Any) -> list[Any]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(FetchError, match=r"the host name nowhere\.example could not be resolved"):
        fetch("https://nowhere.example/report")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/file", "file:///etc/passwd"])
def test_only_http_and_https_are_fetched(url: str, loopback_only: list[Any]) -> None:
    with pytest.raises(FetchError, match="only http and https URLs can be fetched"):
        fetch(url, allow_private=True)
    assert loopback_only == []


def test_a_redirect_to_another_scheme_is_refused(server: LocalServer) -> None:
    with pytest.raises(FetchError, match=r"^ftp://127\.0\.0\.1/file: only http and https"):
        fetch(server.url("/to-ftp"), allow_private=True)


@pytest.mark.parametrize("path", ["/huge", "/huge-unsized"])
def test_a_body_over_the_cap_is_abandoned(server: LocalServer, path: str) -> None:
    with pytest.raises(TooLargeError, match="larger than the limit of 100,000 bytes"):
        fetch(server.url(path), allow_private=True, max_bytes=100_000)


def test_a_server_that_does_not_answer_times_out(server: LocalServer) -> None:
    with pytest.raises(FetchTimeoutError, match=r"/slow: the server did not answer within 0\.3"):
        fetch(server.url("/slow"), allow_private=True, timeout=0.3)


def test_a_body_that_trickles_in_past_the_deadline_times_out(server: LocalServer) -> None:
    # Each chunk arrives well within the read timeout; the total does not.
    with pytest.raises(FetchTimeoutError):
        fetch(server.url("/drip"), allow_private=True, timeout=0.5)


def test_an_image_is_refused_when_a_page_is_expected(server: LocalServer) -> None:
    with pytest.raises(
        UnexpectedMediaTypeError, match=r"/image: the server sent image/png, not a web page"
    ):
        fetch(server.url("/image"), allow_private=True, expect=Expect.PAGE)
    assert fetch(server.url("/image"), allow_private=True).media_type == "image/png"


def test_a_feed_is_accepted_when_a_feed_is_expected(server: LocalServer) -> None:
    got = fetch(server.url("/feed.rss"), allow_private=True, expect=Expect.FEED)
    assert got.media_type == "application/rss+xml"


def test_an_http_error_status_is_reported(server: LocalServer) -> None:
    with pytest.raises(BadStatusError, match=r"/gone: the server answered 410 Gone$") as caught:
        fetch(server.url("/gone"), allow_private=True)
    assert caught.value.status == 410


def test_a_closed_port_is_a_connection_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="could not connect to the host"):
        fetch(f"http://127.0.0.1:{port}/", allow_private=True, timeout=2)


def test_fetch_errors_are_input_errors_for_the_cli() -> None:
    assert issubclass(FetchError, InputError)


def test_an_exempt_address_must_be_an_ip_literal() -> None:
    with pytest.raises(InputError, match="'localhost' is not an IP address"):
        fetch("http://127.0.0.1/", exempt_addresses=["localhost"])
