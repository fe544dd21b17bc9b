"""Article structure from plain text: headline, body, image captions, byline/sign-off.

Plain-text news often arrives as the headline on the first line, paragraphs one per
line, image captions as short lines without a full stop, and a sign-off such as "X is a
correspondent at Y where this article was originally published". Captions and the
sign-off are kept out of the body analysis; the sign-off gives author and outlet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Byline, Section, Span

MAX_HEADLINE_WORDS = 25
MAX_CAPTION_WORDS = 16
_SENTENCE_END = re.compile(r"""[.!?:;]["'’”)\]]*$""")
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|al|bin|ibn|la|le|da|di)){1,4}"
_OUTLET = r"(?:the\s+)?[A-Z0-9][\w&'’.-]*(?:\s+(?:[A-Z0-9&][\w&'’.-]*|of|for|and|on|the|de))*"
_ROLES = (
    r"correspondent|journalist|reporter|writer|editor|co-editor|analyst|columnist|"
    r"contributor|commentator|blogger|author|researcher|freelancer|photographer|"
    r"producer|director|founder|fellow|expert"
)
_SIGNOFF = re.compile(
    rf"^(?P<author>{_NAME})\s+is\s+(?:an?|the)\s+(?P<role>[^.]*?\b(?:{_ROLES})\b[^.]*?)\s+"
    rf"(?:at|for|with|of|in)\s+(?P<outlet>{_OUTLET})"
    rf"(?=\s*(?:,|\.|$|\s+where\b|\s+and\b|\s+who\b|\s+based\b))"
)
_BY_LINE = re.compile(
    rf"^\s*(?:[Bb]y|BY)\s+(?P<author>{_NAME})(?:\s*[,|/–—-]\s*(?P<outlet>{_OUTLET}))?\s*$"
)
_REPORTING_BY = re.compile(rf"\((?:[Rr]eporting|[Ww]riting) by (?P<author>{_NAME})")


@dataclass(frozen=True, slots=True)
class _Line:
    text: str  # stripped
    start: int
    end: int

    @property
    def words(self) -> int:
        return len(self.text.split())


def _lines(text: str) -> Iterator[_Line]:
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            yield _Line(stripped, start, start + len(stripped))
        pos += len(raw)


def _is_headline(line: _Line, *, more_lines: bool) -> bool:
    return (
        more_lines
        and line.words <= MAX_HEADLINE_WORDS
        and not re.search(r"[.;]$", line.text)
        and any(c.isalpha() for c in line.text)
    )


def _is_caption(line: _Line) -> bool:
    """A short line that is not a sentence: image caption or sub-heading."""
    return (
        line.words <= MAX_CAPTION_WORDS
        and not _SENTENCE_END.search(line.text)
        and any(c.isalpha() for c in line.text)
    )


def find_byline(text: str) -> Byline | None:
    """The byline or sign-off naming the author and outlet, if the text has one."""
    lines = list(_lines(text))
    candidates = lines[-3:][::-1] + lines[:3]
    for line in candidates:
        for pattern in (_SIGNOFF, _BY_LINE):
            match = pattern.search(line.text)
            if match:
                return _byline_from(match, line)
    match = _REPORTING_BY.search(text)
    if match:
        author = match.group("author")
        start = match.start("author")
        return Byline(
            match.group(0), match.start(), match.end(), Span(author, start, start + len(author))
        )
    return None


def _byline_from(match: re.Match[str], line: _Line) -> Byline:
    def span(group: str) -> Span | None:
        if match.group(group) is None:
            return None
        value = match.group(group).rstrip(".,")
        start = line.start + match.start(group)
        return Span(value, start, start + len(value))

    role = match.groupdict().get("role")
    return Byline(line.text, line.start, line.end, span("author"), span("outlet"), role)


MAX_SIGNOFF_WORDS = 80


def _is_signoff(line: _Line, byline: Byline | None, *, single: bool) -> bool:
    """The line holding the byline, unless it is the whole article or a long paragraph
    that merely starts with "By X." (wire copy on one line)."""
    if byline is None or single or line.words > MAX_SIGNOFF_WORDS:
        return False
    return line.start <= byline.start < line.end + 1


def find_sections(text: str, *, byline: Byline | None = None) -> list[Section]:
    """Split ``text`` into title, body, caption and sign-off sections (in text order)."""
    lines = list(_lines(text))
    kinds: list[str] = []
    for index, line in enumerate(lines):
        if _is_signoff(line, byline, single=len(lines) == 1):
            kinds.append("signoff")
        elif index == 0 and _is_headline(line, more_lines=len(lines) > 1):
            kinds.append("title")
        elif len(lines) > 2 and _is_caption(line):
            kinds.append("caption")
        else:
            kinds.append("body")
    sections: list[Section] = []
    for line, kind in zip(lines, kinds, strict=True):
        previous = sections[-1] if sections else None
        if previous is not None and previous.kind == "body" == kind:
            merged_text = text[previous.start : line.end]
            sections[-1] = Section("body", merged_text, previous.start, line.end)
        else:
            sections.append(Section(kind, line.text, line.start, line.end))  # type: ignore[arg-type]
    return sections
