"""Bytes to text: byte-order marks, UTF-16/32, UTF-8, then a best guess; binary refused.

The text that comes out is the input text: only a leading BOM is removed and line ends
become ``\\n``, so character offsets still point at the file's content.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections import Counter

from ..errors import BinaryInputError, DecodeError, EmptyInputError

SAMPLE_BYTES = 8192
MAX_CONTROL_RATIO = 0.05  # more NUL/control bytes than this in the sample: binary
MAX_HIGH_RATIO_FOR_CP1252 = 0.3  # mostly-ASCII text that is not UTF-8 is almost always cp1252

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (also .docx, .xlsx, .epub)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Microsoft Office document"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)

# Bytes that are control characters in ASCII and every legacy 8-bit encoding, but not
# the whitespace controls (tab, newline, vertical tab, form feed, carriage return) or ESC.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_HIGH_BYTES = bytes(range(0x80, 0x100))
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ALLOWED_CONTROLS = frozenset("\t\n\x0b\x0c\r\x1b")


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode the bytes of one input, or raise the ``InputError`` that says why not.

    BOMs (UTF-8/16/32), UTF-16/32 without BOM (from the NUL-byte pattern), strict UTF-8,
    then cp1252 or charset-normalizer's best guess. Binary data raises
    ``BinaryInputError``, nothing but whitespace ``EmptyInputError``, undecodable bytes
    ``DecodeError``. Line ends become ``\\n`` and a leading BOM is dropped; nothing else
    changes.
    """
    if not data:
        raise EmptyInputError(source, "empty input (0 bytes)")
    kind = binary_kind(data)
    if kind is not None:
        raise BinaryInputError(source, f"binary data ({kind}), not text")
    text = _decode(data, source)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInputError(source, "no text (whitespace only)")
    if _control_char_ratio(text) > MAX_CONTROL_RATIO:
        raise BinaryInputError(source, "binary data (many control characters), not text")
    return text


def binary_kind(data: bytes) -> str | None:
    """The file type named by the magic number at the start of ``data``, if known."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP image"
    if data[:3] == b"BZh" and data[3:4].isdigit() and data[4:10] in (b"1AY&SY", b"\x17rE8P\x90"):
        return "bzip2-compressed data"
    return None


def _decode(data: bytes, source: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, source)
    wide = _wide_codec(data)
    if wide is not None:
        try:
            return data.decode(wide)
        except UnicodeDecodeError:
            pass
    sample = data[:SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > MAX_CONTROL_RATIO * len(sample):
        raise BinaryInputError(source, "binary data (many NUL or control bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _guess(data, source)


def _strict(data: bytes, codec: str, source: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if codec == "utf-8-sig" else codec.upper()
        raise DecodeError(
            source, f"starts with a {name} byte-order mark but is not valid {name}: {exc.reason}"
        ) from exc


def _wide_codec(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a BOM, recognised by its zero (or script) bytes."""
    sample = data[: SAMPLE_BYTES - SAMPLE_BYTES % 4]
    units = len(sample) // 4
    if units and len(data) % 4 == 0:
        if sample[2::4].count(0) == units and sample[3::4].count(0) == units:
            return "utf-32-le"
        if sample[0::4].count(0) == units and sample[1::4].count(0) == units:
            return "utf-32-be"
    if len(data) % 2:
        return None
    score_le = _high_byte_score(sample[1::2])
    score_be = _high_byte_score(sample[0::2])
    if score_le >= 0.5 and score_le > score_be:
        return "utf-16-le"
    if score_be >= 0.5 and score_be > score_le:
        return "utf-16-be"
    return None


def _high_byte_score(high_bytes: bytes) -> float:
    """How much one byte of each UTF-16 unit looks like the high byte of one script.

    Text in one script below U+2000 (Latin, Greek, Cyrillic, Hebrew, Arabic...) has the
    same high byte in most units: 0x00 for ASCII, 0x04 for Cyrillic. Whitespace bytes are
    not counted, or ``"a\\na\\n"`` would look like UTF-16.
    """
    if not high_bytes:
        return 0.0
    value, count = Counter(high_bytes).most_common(1)[0]
    if value >= 0x20 or value in (9, 10, 11, 12, 13):
        return 0.0
    return count / len(high_bytes)


def _guess(data: bytes, source: str) -> str:
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    letters = high + len(data) - len(data.translate(None, _ASCII_LETTERS))
    cp1252 = _try_decode(data, "cp1252")
    if cp1252 is not None and high <= MAX_HIGH_RATIO_FOR_CP1252 * letters:
        return cp1252
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    guessed = None if best is None else str(best)
    if guessed is not None and (cp1252 is None or _mostly_non_latin(guessed)):
        return guessed
    if cp1252 is not None:
        return cp1252
    raise DecodeError(source, "not UTF-8 and no other text encoding fits; save the file as UTF-8")


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _mostly_non_latin(text: str) -> bool:
    """True when most non-ASCII letters are not Latin (Cyrillic, Greek, CJK...)."""
    letters = [ch for ch in text[: SAMPLE_BYTES * 4] if ord(ch) > 0x7F and ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin < len(letters) / 2


def _control_char_ratio(text: str) -> float:
    sample = text[:SAMPLE_BYTES]
    controls = sum(
        1 for ch in sample if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    return controls / len(sample)


__all__ = ["binary_kind", "decode_bytes"]
