"""Tiny synthetic corpora in the GeoWebNews and GeoVirus XML formats."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

GWN_TEXTS = [
    "Fighting in Aleppo, Syria. Damascus said the Russian jets left.",
    "Police in Paris detained two men near the Seine on Monday.",
]


def _toponym(text: str, phrase: str, kind: str, coords: tuple[float, float] | None) -> str:
    start = text.index(phrase)
    geo = ""
    if coords is not None:
        geo = (
            "<geonamesID>1</geonamesID>"
            f"<latitude>{coords[0]}</latitude><longitude>{coords[1]}</longitude>"
        )
    return (
        f"<toponym><extractedName>{escape(phrase)}</extractedName><normalisedName/>"
        f"<type>{kind}</type><modifierType/><nonLocational>No</nonLocational>"
        f"<start>{start}</start><end>{start + len(phrase)}</end>{geo}</toponym>"
    )


def write_geowebnews(path: Path) -> Path:
    """Two articles: literal, metonymic, adjectival and non-toponym annotations."""
    first, second = GWN_TEXTS
    articles = [
        (
            first,
            [
                _toponym(first, "Aleppo", "Literal", (36.2, 37.16)),
                _toponym(first, "Syria", "Literal", (35.0, 38.0)),
                _toponym(first, "Damascus", "Metonymic", (33.51, 36.29)),
                _toponym(first, "Russian", "Non_Literal_Modifier", (60.0, 100.0)),
                _toponym(first, "jets", "Non_Lit_Expression", None),
            ],
        ),
        (
            second,
            [
                _toponym(second, "Paris", "Literal", (48.85, 2.35)),
                _toponym(second, "Seine", "Literal", None),
                # an annotation whose offsets point outside the text (as in GeoWebNews #123)
                "<toponym><extractedName>US</extractedName><type>Literal</type>"
                "<start>-20</start><end>-18</end></toponym>",
            ],
        ),
    ]
    body = "".join(
        f'<article file="{i}"><title>Title {i}</title><link>http://example.org/{i}</link>'
        f"<text>{escape(text)}</text><toponyms>{''.join(tops)}</toponyms></article>"
        for i, (text, tops) in enumerate(articles)
    )
    path.write_text(f'<?xml version="1.0" ?>\n<articles>{body}</articles>', encoding="utf-8")
    return path


GV_TEXT = "Cases of Ebola were reported in Kinshasa and Goma, Congo."


def _location(text: str, name: str, lat: float, lon: float, shift: int, inner: str = "") -> str:
    start = text.index(name) + shift
    return (
        f"<location>{inner}<name>{name}</name><start>{start}</start>"
        f"<end>{start + len(name)}</end><lat>{lat}</lat><lon>{lon}</lon>"
        f"<page>https://en.wikipedia.org/wiki/{name}</page></location>"
    )


def write_geovirus(path: Path) -> Path:
    """One article with GeoVirus's off-by-one offsets and one nested <location>."""
    goma = _location(GV_TEXT, "Goma", -1.68, 29.22, 1)
    locations = _location(GV_TEXT, "Kinshasa", -4.32, 15.31, 1) + _location(
        GV_TEXT, "Congo", -2.88, 23.65, 1, inner=goma
    )
    body = (
        "<article><source>https://en.wikinews.org/wiki/Ebola</source>"
        f"<text>{escape(GV_TEXT)}</text><locations>{locations}</locations></article>"
        "<article><source>https://en.wikinews.org/wiki/Empty</source>"
        "<text>No places at all here.</text><locations/></article>"
    )
    path.write_text(f"<articles>{body}</articles>", encoding="utf-8")
    return path
