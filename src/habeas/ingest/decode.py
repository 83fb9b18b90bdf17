"""Bytes of an uploaded or local file → text, refusing what is not text."""

from __future__ import annotations

import codecs

from habeas.errors import InputError

# Bytes inspected to tell text from binary data; enough for any real header.
_SNIFF_BYTES = 8192
# Text has tabs and newlines but almost no other C0 controls; binary formats
# have many. Above this share of the sniffed bytes the input is called binary.
_MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
# charset-normalizer's "chaos" score of the best guess; at or below it we trust it.
_MAX_CHAOS = 0.1
# Legacy encodings of the languages we read (English, Russian, Azerbaijani).
# Limiting detection to them stops short Cyrillic files being read as Big5 or
# Shift-JIS, which the detector otherwise prefers for a few words.
LEGACY_ENCODINGS: tuple[str, ...] = (
    "cp1251",
    "koi8_r",
    "cp866",
    "mac_cyrillic",
    "iso8859_5",
    "cp1252",
    "iso8859_15",
    "cp1254",
    "iso8859_9",
)


def check_size(n: int, *, limit: int, name: str) -> None:
    """Raise InputError when an input of `n` bytes is over `limit` bytes."""
    if n > limit:
        raise InputError(
            f"{name}: the file is too large ({n:,} bytes; the limit is {limit:,} bytes)"
        )


def decode_text(data: bytes, *, name: str) -> str:
    """Decode a text file, naming `name` in the InputError raised for non-text input.

    Tries UTF-8 (with or without a BOM), then UTF-16/32 with a BOM, then one of
    `LEGACY_ENCODINGS` when the detector is confident. The result never starts
    with a BOM.
    """
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    # UTF-16/32 text is full of NUL bytes, so its BOM must be read before the binary test.
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _non_empty(data.decode(codec), name=name)
            except UnicodeDecodeError:
                raise InputError(f"{name}: the file is not valid {codec.upper()} text") from None
    if _looks_binary(data[:_SNIFF_BYTES]):
        raise InputError(f"{name}: looks like binary data, not text")
    try:
        return _non_empty(data.decode("utf-8-sig"), name=name)
    except UnicodeDecodeError:
        pass
    return _non_empty(_detected(data, name=name), name=name)


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls > _MAX_CONTROL_SHARE * len(head)


def _detected(data: bytes, *, name: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise InputError(f"{name}: unknown encoding; save the file as UTF-8 and try again")
    try:
        return data.decode(best.encoding)
    except (LookupError, UnicodeDecodeError):
        raise InputError(
            f"{name}: unknown encoding; save the file as UTF-8 and try again"
        ) from None


def _non_empty(text: str, *, name: str) -> str:
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    return text
