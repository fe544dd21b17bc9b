from __future__ import annotations

import codecs
import gzip
import io
import random
import zipfile

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsint.errors import BinaryInputError, DecodeError, EmptyInputError, InputError
from newsint.ingest import decode_bytes
from newsint.ingest.decode import binary_kind

from .samples import png_bytes

TEXT = "Café São Paulo résumé — “quoted” text\nSecond line, 200 people.\n"


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"),
        TEXT.encode("utf-32-le"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "utf32le-bom",
        "utf32be-bom",
        "utf32le",
    ],
)
def test_unicode_encodings_round_trip(data: bytes) -> None:
    assert decode_bytes(data, source="a.txt") == TEXT


def test_utf16_without_bom_in_a_non_latin_script() -> None:
    text = "Президент заявил в понедельник, что выборы пройдут в срок.\n"
    assert decode_bytes(text.encode("utf-16-le"), source="ru.txt") == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Café São Paulo résumé", "latin-1"),
        ("Café São Paulo résumé\nThe mayor of São Paulo said the café would reopen.", "latin-1"),
        ("naïve", "latin-1"),
        ("“Quoted” text — it’s here", "cp1252"),
        ("He said “no”.", "cp1252"),
        ("Straße für Müller: €5", "cp1252"),
    ],
)
def test_legacy_western_encodings(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec), source="old.txt") == text


def test_legacy_cyrillic_encoding_is_guessed() -> None:
    text = "Президент заявил в понедельник, что выборы пройдут в срок."
    assert decode_bytes(text.encode("cp1251"), source="ru.txt") == text


def test_newlines_are_normalised_and_nothing_else_changes() -> None:
    data = b"  Title line  \r\n\r\nBody\rmore\ttext  \n\n"
    assert decode_bytes(data, source="a.txt") == "  Title line  \n\nBody\nmore\ttext  \n\n"


def test_leading_bom_character_is_removed() -> None:
    assert decode_bytes("\ufeffHello".encode("utf-16"), source="a") == "Hello"
    assert decode_bytes(codecs.BOM_UTF8 + b"Hello", source="a") == "Hello"


def test_lines_of_one_letter_are_not_mistaken_for_utf16() -> None:
    text = "a\n" * 50
    assert decode_bytes(text.encode(), source="a.txt") == text


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (png_bytes(), "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100), "JPEG"),
        (b"GIF89a\x01\x00\x01\x00" + bytes(20), "GIF"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (_zip(), "ZIP"),
        (gzip.compress(b"hello world"), "gzip"),
    ],
)
def test_known_binary_types_are_named(data: bytes, kind: str) -> None:
    with pytest.raises(BinaryInputError) as info:
        decode_bytes(data, source="thing.txt")
    assert kind in info.value.reason
    assert info.value.source == "thing.txt"
    assert str(info.value).startswith("thing.txt: ")


def test_random_bytes_are_binary() -> None:
    data = random.Random(0).randbytes(4096)
    with pytest.raises(BinaryInputError, match="binary"):
        decode_bytes(data, source="noise")


def test_nul_heavy_bytes_are_binary() -> None:
    with pytest.raises(BinaryInputError):
        decode_bytes(b"\x00\x01\x02\x03" * 100 + b"text", source="x")


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n  ", " \n ".encode("utf-16")])
def test_empty_and_whitespace_only(data: bytes) -> None:
    with pytest.raises(EmptyInputError) as info:
        decode_bytes(data, source="blank.txt")
    assert info.value.source == "blank.txt"


def test_broken_utf16_after_bom_is_a_decode_error() -> None:
    data = codecs.BOM_UTF16_LE + b"a\x00\x00\xd8b\x00"  # a lone high surrogate
    with pytest.raises(DecodeError, match="UTF-16"):
        decode_bytes(data, source="bad.txt")


def test_all_errors_are_input_errors() -> None:
    for data in (b"", png_bytes()):
        with pytest.raises(InputError):
            decode_bytes(data, source="x")


_TEXT_CHARS = st.characters(exclude_categories=("Cc", "Cs"), include_characters="\n\r\t")


@given(st.text(_TEXT_CHARS, min_size=1))
def test_utf8_round_trips_modulo_newlines(text: str) -> None:
    expected = text[1:] if text.startswith("\ufeff") else text
    expected = expected.replace("\r\n", "\n").replace("\r", "\n")
    assume(expected.strip())
    data = text.encode("utf-8")
    assume(binary_kind(data) is None)
    assert decode_bytes(data, source="prop") == expected


@settings(max_examples=300)
@given(st.binary(max_size=512))
def test_any_bytes_give_text_or_an_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, source="fuzz")
    except InputError as exc:
        assert exc.source == "fuzz"
    else:
        assert text.strip() and "\r" not in text
