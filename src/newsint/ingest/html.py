"""HTML to an ``Article``: the main text without boilerplate, plus the page's metadata.

trafilatura does the work; it is imported on first use because importing it is slow.
Fragments too small for trafilatura fall back to the visible text of the markup.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..errors import EmptyInputError, InputError
from ..model import Article
from .ids import article_id

HTML_SNIFF_CHARS = 2048
_HTML_START = re.compile(
    r"""\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*
    (?:<!doctype\s+html|<(?:html|head|body|meta|title|article|main|section|div|p|h[1-6]
    |header|nav|ul|ol|table|blockquote|figure|span|a|br|img)(?:[\s/>]))""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]", re.IGNORECASE)
_DOCUMENT = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")
_DROPPED_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe")
_BLOCK_TAGS = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
    "article", "section", "header", "footer", "figcaption", "pre", "dd", "dt", "title",
)  # fmt: skip
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def looks_like_html(text: str) -> bool:
    """True when the text is markup: a doctype, ``<html>``, ``<body>``, ``<p>``... first."""
    head = text[:HTML_SNIFF_CHARS].lstrip("\ufeff")
    return bool(_HTML_START.match(head) or _HTML_ANYWHERE.search(head))


def article_from_html(html: str, *, source: str, url: str | None = None) -> Article:
    """The article in an HTML page: main text, title, author, date, outlet and URL.

    Scripts, styles, navigation and footers are left out. Raises ``EmptyInputError``
    when no text is left, ``InputError`` when the markup cannot be parsed at all.
    """
    if not _DOCUMENT.search(html[:HTML_SNIFF_CHARS]):
        html = f"<html><body>{html}</body></html>"
    try:
        fields = _extract(html, url)
    except (ValueError, TypeError, LookupError, AttributeError) as exc:
        raise InputError(source, f"could not parse the HTML: {exc}") from exc
    text = fields.get("text") or ""
    if not text.strip():
        raise EmptyInputError(source, "no article text found in the HTML")
    return Article(
        id=article_id(text),
        text=text,
        title=_clean(fields.get("title")),
        url=url or _clean(fields.get("url")),
        outlet=_clean(fields.get("sitename")),
        author=_clean(fields.get("author")),
        published=parse_date(fields.get("date")),
        source=source,
    )


def parse_date(value: object) -> dt.date | None:
    """A date from ``YYYY-MM-DD...`` (ISO date or datetime); None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = _DATE.match(value)
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _extract(html: str, url: str | None) -> dict[str, Any]:
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    if document is not None:
        fields = document if isinstance(document, dict) else document.as_dict()
        if fields.get("text"):
            return dict(fields)
    metadata = trafilatura.extract_metadata(html, default_url=url, date_config=dict(_DATE_PARAMS))
    found: dict[str, Any] = dict(metadata.as_dict())
    found["text"] = _visible_text(html)
    return found


def _visible_text(html: str) -> str:
    """The text a browser would show, one line per block, for fragments trafilatura skips."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


__all__ = ["article_from_html", "looks_like_html", "parse_date"]
