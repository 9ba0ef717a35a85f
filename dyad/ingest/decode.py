"""Bytes -> text, with a clear word about what was wrong with the bytes."""

from __future__ import annotations

import codecs
import logging

from dyad.errors import InputError

log = logging.getLogger("dyad")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in text; tab, newlines and form feed do.
_BINARY_BYTES = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a document's bytes: UTF-8, or UTF-16/32 with a byte-order mark;
    anything else that is still text is read as Windows-1252/Latin-1 with a
    warning. Binary data and empty files are errors."""
    if not data.strip():
        raise InputError(source, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            if encoding != "utf-8-sig":
                log.warning("%s: encoded as %s with a byte-order mark; read as such", source, encoding.upper())
            return _normalise_newlines(text, source)
    if _looks_binary(data):
        raise InputError(source, "binary file, not text (expected UTF-8 text, HTML or JSON Lines)")
    try:
        return _normalise_newlines(data.decode("utf-8"), source)
    except UnicodeDecodeError as error:
        log.warning(
            "%s: not valid UTF-8 (byte %d); read as Windows-1252/Latin-1", source, error.start
        )
        return _normalise_newlines(data.decode("cp1252", errors="replace"), source)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    odd = sum(1 for byte in sample if byte in _BINARY_BYTES)
    return odd > len(sample) * 0.02


def _normalise_newlines(text: str, source: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "no text after decoding")
    return text
