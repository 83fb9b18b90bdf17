"""decode_text and check_size: file bytes to text, or one clear sentence."""

from __future__ import annotations

import pytest

from habeas.errors import InputError
from habeas.ingest.decode import check_size, decode_text

RUSSIAN = (
    "Полиция задержала активистку Тамару Орлову в субботу вечером у её дома. "
    "Суд назначил ей 30 суток административного ареста.\n"
)
AZERBAIJANI = (
    "Polis fəal Tamara Orlovanı şənbə axşamı evinin yanında saxlayıb. "
    "Məhkəmə ona 30 sutka inzibati həbs verib.\n"
)
ENGLISH = "Police detained the activist on Saturday — “unfairly”, said his lawyer.\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (AZERBAIJANI.encode("utf-8"), AZERBAIJANI),
        (b"\xef\xbb\xbf" + RUSSIAN.encode("utf-8"), RUSSIAN),
        (RUSSIAN.encode("utf-16"), RUSSIAN),
        (RUSSIAN.encode("utf-32"), RUSSIAN),
    ],
)
def test_unicode_files_are_decoded_without_their_bom(data: bytes, expected: str) -> None:
    assert decode_text(data, name="report.txt") == expected


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1251", RUSSIAN),
        ("koi8-r", RUSSIAN),
        ("cp866", RUSSIAN),
        ("cp1252", ENGLISH),
        ("cp1251", "Орлова"),  # a few words: unconstrained detection says Big5
    ],
)
def test_legacy_encodings_of_our_languages_are_detected(encoding: str, text: str) -> None:
    assert decode_text(text.encode(encoding), name="report.txt") == text


@pytest.mark.parametrize("data", [b"", b" \n\t ", "  ".encode("utf-16")])
def test_an_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^report\.txt: the file is empty$"):
        decode_text(data, name="report.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01",  # JPEG header
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        RUSSIAN.encode("utf-16-be"),  # UTF-16 without a BOM cannot be told from binary
        bytes(range(1, 9)) * 20 + b"some words",  # control characters, no NUL
    ],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^photo\.jpg: looks like binary data, not text$"):
        decode_text(data, name="photo.jpg")


def test_bytes_in_no_known_encoding_are_refused() -> None:
    # High bytes only, none of them a plausible letter sequence in our encodings.
    data = bytes([0x98, 0x83, 0x9F, 0x81, 0x8D, 0x90, 0xAD, 0x9D]) * 40
    with pytest.raises(InputError, match=r"^notes\.txt: unknown encoding"):
        decode_text(data, name="notes.txt")


def test_invalid_utf16_after_a_bom_is_refused() -> None:
    with pytest.raises(InputError, match=r"^a\.txt: the file is not valid UTF-16 text$"):
        decode_text(b"\xff\xfe" + b"\x00\xd8a", name="a.txt")


def test_tabs_and_form_feeds_are_text() -> None:
    data = b"name\tdate\x0c\nIlse Marrow\t2025-03-08\n"
    assert decode_text(data, name="table.tsv") == data.decode()


def test_check_size_allows_the_limit_and_refuses_one_byte_more() -> None:
    check_size(10_000_000, limit=10_000_000, name="big.txt")
    with pytest.raises(
        InputError,
        match=r"^big\.txt: the file is too large \(10,000,001 bytes; the limit is 10,000,000 bytes",
    ):
        check_size(10_000_001, limit=10_000_000, name="big.txt")
