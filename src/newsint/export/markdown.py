"""Markdown analyst brief of one :class:`~newsint.model.Analysis`.

The brief is written for the terminal (``rich.markdown.Markdown`` displays it) and reads
well as a plain ``.md`` file. :func:`item_tables` builds the per-kind tables as plain text;
the HTML brief (:mod:`newsint.export.html`) renders the very same tables.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import (
    Actor,
    Analysis,
    Claim,
    DateMention,
    Entity,
    Event,
    Place,
    Quantity,
    Reliability,
    Signal,
)

DASH = "—"
ELLIPSIS = "…"
#: longest cell text in a Markdown table (longer evidence ends with "…")
MARKDOWN_CELL_CHARS = 120
#: section kinds kept out of the analysis, listed in the "Sections" table and greyed in HTML
EXCLUDED_SECTION_KINDS = ("caption", "signoff")
TOP_REASONS = 3
_MD_SPECIAL = re.compile(r"([\\`*\[\]<>|])")
NO_MATCH = "no other outlet in the corpus reports a matching event"
UNCHECKED = "not checked: a match needs the event's place with coordinates and its own date"
NO_EVENTS = "The article has no events to corroborate."

if TYPE_CHECKING:
    from ..corpus.store_corroboration import Corroboration

    Corroborations = Mapping[int, Sequence[Corroboration]]


@dataclass(frozen=True, slots=True)
class Row:
    """One table row: plain-text cells and the id of the item it shows (``dates-3``)."""

    cells: tuple[str, ...]
    item_id: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table of one item kind; ``evidence_column`` is the index of the quoted-text column."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    evidence_column: int | None = None


@dataclass(frozen=True, slots=True)
class MatchLine:
    """One corroborating article of an event, as plain text."""

    article_id: str
    outlet: str
    title: str
    published: str
    distance: str  # "12.3 km"
    days: str  # "same day", "2 days apart"


@dataclass(frozen=True, slots=True)
class CorroboratedEvent:
    """One event of the article and what the corpus says about it.

    ``status``: ``matched`` (``matches`` holds the other outlets' articles), ``none`` (checked,
    nothing matched) or ``unchecked`` (no located place or no date: nothing to compare).
    """

    index: int
    item_id: str
    label: str
    text: str
    status: str
    matches: tuple[MatchLine, ...]

    @property
    def note(self) -> str:
        """What to say of the event when nothing matched."""
        return UNCHECKED if self.status == "unchecked" else NO_MATCH


# --- plain-text formatting, shared with the HTML brief ------------------------------------


def item_id(kind: str, *index: int) -> str:
    """The id of an item in briefs: ``dates-3``; hedge cue 0 of claim 2 is ``hedges-2-0``."""
    return "-".join([kind, *(str(i) for i in index)])


def clean(text: str | None) -> str:
    """``text`` on one line, runs of whitespace (newlines included) as one space."""
    return " ".join((text or "").split())


def truncate(text: str | None, limit: int = MARKDOWN_CELL_CHARS) -> str:
    """``clean(text)`` cut to ``limit`` characters, ending with "…" when cut."""
    flat = clean(text)
    if len(flat) <= limit:
        return flat
    return flat[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def fmt_num(value: float | None) -> str:
    """1500000 -> ``1,500,000``; 2.5 -> ``2.5``."""
    if value is None:
        return DASH
    if not math.isfinite(value):
        return str(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def fmt_score(value: float | None) -> str:
    return DASH if value is None else f"{value:.2f}"


def or_dash(text: str | None) -> str:
    return clean(text) or DASH


def brief_title(analysis: Analysis) -> str:
    """The article title, else the headline section, else "Untitled article"."""
    if clean(analysis.article.title):
        return clean(analysis.article.title)
    heads = [s.text for s in analysis.sections if s.kind == "title" and clean(s.text)]
    return clean(heads[0]) if heads else "Untitled article"


def date_value(date: DateMention) -> str:
    """``2017-09-25``, or a period ``2017-09-01 – 2017-09-30`` (open ends say so)."""
    if date.open_end:
        return f"{date.value} – {date.end_value or ELLIPSIS} (open end)"
    if date.end_value and date.end_value != date.value:
        return f"{date.value} – {date.end_value}"
    return date.value


def date_label(date: DateMention) -> str:
    """``2017-09-25 (day)``, with ", inferred" when the year was not written."""
    text = f"{date_value(date)} ({date.granularity})"
    return f"{text}, inferred" if date.inferred else text


def quantity_value(quantity: Quantity) -> str:
    return ("≈" if quantity.approximate else "") + fmt_num(quantity.value)


def quantity_label(quantity: Quantity) -> str:
    """``≈12 people``, ``1,500,000 USD``, ``50 USD per trip``."""
    parts = [quantity_value(quantity), quantity.unit or "", quantity.noun or ""]
    text = " ".join(p for p in parts if p)
    return f"{text} per {quantity.per}" if quantity.per else text


def actor_label(actor: Actor | None) -> str:
    if actor is None:
        return DASH
    name = clean(actor.name or actor.text) or DASH
    return f"{name} ({actor.sector})" if actor.sector else name


def place_label(place: Place) -> str:
    """``Kyiv, UA (city)``."""
    text = clean(place.name or place.text)
    if place.country_code:
        text = f"{text}, {place.country_code}"
    return f"{text} ({place.kind})" if place.kind else text


def coordinates(place: Place) -> str:
    if place.lat is None or place.lon is None:
        return DASH
    return f"{place.lat:.4f}, {place.lon:.4f}"


def event_type(event: Event) -> str:
    return f"{event.type}/{event.mode}" if event.mode else event.type


def event_notes(event: Event) -> str:
    notes = [
        "negated" if event.negated else "",
        "hypothetical" if event.hypothetical else "",
        "hedged" if event.hedged else "",
        f"reported by {event.reported_by}" if event.reported_by else "",
    ]
    return ", ".join(n for n in notes if n) or DASH


def claim_source(claim: Claim) -> str:
    return clean(claim.attribution.source) if claim.attribution else "unattributed"


def signal_reason(signal: Signal) -> str:
    """``anonymous_sourcing (+0.70 × -0.40): unnamed officials``."""
    text = f"{signal.name} ({signal.value:+.2f} × {signal.weight:.2f})"
    return f"{text}: {clean(signal.note)}" if clean(signal.note) else text


def top_signals(reliability: Reliability, n: int = TOP_REASONS) -> list[Signal]:
    """The ``n`` signals that explain the label best.

    For a low or mixed label, those pulling the score down most (``weight × (1 − value)``);
    for a high label, those holding it up most (``weight × value``).
    """

    def pull(signal: Signal) -> float:
        if reliability.label == "high":
            return signal.weight * signal.value
        return signal.weight * (1 - signal.value)

    return sorted(reliability.signals, key=pull, reverse=True)[:n]


def author_name(analysis: Analysis) -> str:
    """The article's author, else the one its byline names, else ""."""
    byline = analysis.byline
    if not clean(analysis.article.author) and byline is not None and byline.author is not None:
        return clean(byline.author.text)
    return clean(analysis.article.author)


def outlet_name(analysis: Analysis) -> str:
    """The article's outlet, else the one its byline names, else ""."""
    byline = analysis.byline
    if not clean(analysis.article.outlet) and byline is not None and byline.outlet is not None:
        return clean(byline.outlet.text)
    return clean(analysis.article.outlet)


def author_fact(analysis: Analysis) -> str:
    """The author, with the byline line that names them as evidence."""
    author = author_name(analysis) or DASH
    if analysis.byline is None:
        return author
    return f"{author} (byline: “{truncate(analysis.byline.text)}”)"


def article_facts(analysis: Analysis) -> list[tuple[str, str]]:
    """Label/value pairs about the article (the URL is left to each renderer)."""
    article = analysis.article
    facts = [
        ("Article ID", or_dash(article.id)),
        ("Outlet", outlet_name(analysis) or DASH),
        ("Author", author_fact(analysis)),
        ("Published", article.published.isoformat() if article.published else DASH),
        ("Language", or_dash(article.language)),
    ]
    return facts + ([("Source", clean(article.source))] if clean(article.source) else [])


# --- the item tables -----------------------------------------------------------------------


def events_table(analysis: Analysis) -> Table:
    rows = tuple(
        Row(
            (
                event_type(e),
                actor_label(e.actor),
                actor_label(e.target),
                quantity_label(e.count) if e.count else DASH,
                place_label(e.place) if e.place else DASH,
                date_label(e.date) if e.date else DASH,
                event_notes(e),
                fmt_score(e.confidence),
                e.text,
            ),
            item_id("events", i),
        )
        for i, e in enumerate(analysis.events)
    )
    columns = ("Type", "Actor", "Target", "Count", "Place", "Date", "Notes", "Conf.", "Evidence")
    return Table("events", "Events", columns, rows, evidence_column=8)


def places_table(analysis: Analysis) -> Table:
    rows = tuple(
        Row(
            (
                clean(p.name) + (" (metonymic)" if p.metonymic else ""),
                or_dash(p.country_code),
                or_dash(p.kind),
                coordinates(p),
                fmt_score(p.confidence),
                p.text,
            ),
            item_id("places", i),
        )
        for i, p in enumerate(analysis.places)
    )
    columns = ("Name", "Country", "Kind", "Lat/Lon", "Conf.", "As written")
    return Table("places", "Places", columns, rows, evidence_column=5)


def routes_table(analysis: Analysis) -> Table:
    rows = tuple(
        Row((" → ".join(clean(p.name) for p in r.places) or DASH, r.text), item_id("routes", i))
        for i, r in enumerate(analysis.routes)
    )
    return Table("routes", "Routes", ("Route", "Evidence"), rows, evidence_column=1)


def dates_table(analysis: Analysis) -> Table:
    rows = tuple(
        Row(
            (d.text, date_value(d), d.granularity, "inferred" if d.inferred else ""),
            item_id("dates", i),
        )
        for i, d in enumerate(analysis.dates)
    )
    columns = ("As written", "Value", "Granularity", "Inferred")
    return Table("dates", "Dates", columns, rows, evidence_column=0)


def quantities_table(analysis: Analysis) -> Table:
    rows = tuple(
        Row(
            (
                q.text,
                quantity_value(q),
                q.kind,
                or_dash(q.unit),
                or_dash(q.noun),
                or_dash(q.per),
            ),
            item_id("quantities", i),
        )
        for i, q in enumerate(analysis.quantities)
    )
    columns = ("As written", "Value", "Kind", "Unit", "Noun", "Per")
    return Table("quantities", "Quantities", columns, rows, evidence_column=0)


def _hedge_cell(claim: Claim) -> str:
    cues = ", ".join(clean(c.text) for c in claim.hedge_cues)
    return cues or ("hedged" if claim.hedged else DASH)


def claims_table(analysis: Analysis) -> Table:
    rows = tuple(
        Row(
            (c.text, claim_source(c), _hedge_cell(c), fmt_score(c.checkworthiness)),
            item_id("claims", i),
        )
        for i, c in enumerate(analysis.claims)
    )
    columns = ("Claim", "Source", "Hedge cues", "Check-worthiness")
    return Table("claims", "Claims", columns, rows, evidence_column=0)


def techniques_table(analysis: Analysis) -> Table:
    rows = tuple(
        Row((t.technique, t.text, fmt_score(t.score)), item_id("techniques", i))
        for i, t in enumerate(analysis.techniques)
    )
    return Table("techniques", "Techniques", ("Technique", "Text", "Score"), rows, 1)


def _mentions(entities: Iterable[Entity]) -> str:
    counts = Counter(clean(e.text) for e in entities)
    return ", ".join(f"{text} ×{n}" if n > 1 else text for text, n in counts.most_common())


def entities_table(analysis: Analysis) -> Table:
    """Entities grouped by label, largest group first; each row points at its first mention."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, entity in enumerate(analysis.entities):
        groups[entity.label].append(i)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    rows = tuple(
        Row(
            (label, str(len(idx)), _mentions(analysis.entities[i] for i in idx)),
            item_id("entities", idx[0]),
        )
        for label, idx in ordered
    )
    return Table("entities", "Entities", ("Label", "Count", "Mentions"), rows, evidence_column=2)


def sections_table(analysis: Analysis) -> Table:
    """Captions and sign-off lines, which were kept out of the analysis."""
    rows = tuple(
        Row((s.kind, s.text), item_id("sections", i))
        for i, s in enumerate(analysis.sections)
        if s.kind in EXCLUDED_SECTION_KINDS
    )
    return Table("sections", "Sections kept out of the analysis", ("Kind", "Text"), rows, 1)


def signals_table(analysis: Analysis) -> Table:
    """The reliability signals with their evidence (empty when not assessed)."""
    signals = analysis.reliability.signals if analysis.reliability else ()
    rows = tuple(
        Row(
            (
                s.name,
                f"{s.value:+.2f}",
                f"{s.weight:.2f}",
                or_dash(s.note),
                " · ".join(f"“{clean(e.text)}”" for e in s.evidence) or DASH,
            ),
            item_id("signals", i, 0) if s.evidence else None,
        )
        for i, s in enumerate(signals)
    )
    columns = ("Signal", "Value", "Weight", "Note", "Evidence")
    return Table("signals", "Reliability signals", columns, rows, evidence_column=4)


TABLE_BUILDERS: tuple[Callable[[Analysis], Table], ...] = (
    events_table,
    places_table,
    routes_table,
    dates_table,
    quantities_table,
    claims_table,
    techniques_table,
    entities_table,
    sections_table,
)


def item_tables(analysis: Analysis) -> list[Table]:
    """The non-empty item tables, in brief order (signals are not among them)."""
    tables = (build(analysis) for build in TABLE_BUILDERS)
    return [t for t in tables if t.rows]


# --- corroboration ---------------------------------------------------------------------------


def _match_line(match: Corroboration) -> MatchLine:
    from ..corpus.store_corroboration import days_apart_label

    return MatchLine(
        article_id=match.article_id,
        outlet=clean(match.outlet) or "unknown outlet",
        title=clean(match.title) or "untitled",
        published=match.published.isoformat() if match.published else DASH,
        distance=f"{match.distance_km:.1f} km",
        days=days_apart_label(match.days_apart),
    )


def event_summary(event: Event) -> str:
    """``COERCE/arrest · Homs, SY (city) · 2019-03-03 (day)``."""
    parts = [event_type(event)]
    if event.place is not None:
        parts.append(place_label(event.place))
    if event.date is not None:
        parts.append(date_label(event.date))
    return " · ".join(parts)


def corroboration_view(analysis: Analysis, found: Corroborations) -> list[CorroboratedEvent]:
    """Each event of the article with its corroborating articles (best match per article)."""
    from ..corpus.store_corroboration import by_article, checkable

    view = []
    for index, event in enumerate(analysis.events):
        matches = tuple(_match_line(m) for m in by_article(found.get(index, ())))
        status = "matched" if matches else ("none" if checkable(event) else "unchecked")
        view.append(
            CorroboratedEvent(
                index, item_id("events", index), event_summary(event), event.text, status, matches
            )
        )
    return view


def corroboration_markdown(analysis: Analysis, found: Corroborations) -> str:
    """The "Corroboration" section: a numbered list of events, their other outlets below."""
    from ..corpus.store_corroboration import rule_text

    lines = ["## Corroboration", "", f"*Matching events in the corpus: {md_text(rule_text())}.*"]
    view = corroboration_view(analysis, found)
    if not view:
        return "\n".join([*lines, "", NO_EVENTS])
    lines.append("")
    for n, event in enumerate(view, 1):
        head = f"{n}. **{md_text(event.label)}** — “{md_text(truncate(event.text))}”"
        if not event.matches:
            lines.append(f"{head} — {event.note}")
            continue
        lines.append(f"{head} — corroborated by {len(event.matches)} article(s):")
        lines += [
            f"   - **{md_text(m.outlet)}**: {md_text(truncate(m.title))} ({m.published})"
            f" · {m.distance} · {m.days}"
            for m in event.matches
        ]
    return "\n".join(lines)


# --- Markdown ------------------------------------------------------------------------------


def md_text(text: str | None) -> str:
    """``text`` on one line with Markdown specials (pipes included) backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", clean(text))


def md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(md_text(truncate(c)) for c in cells) + " |"


def table_markdown(table: Table) -> str:
    columns = ("#", *table.columns)
    lines = [f"## {md_text(table.title)} ({len(table.rows)})", "", md_row(columns)]
    lines.append("|" + "|".join("---" for _ in columns) + "|")
    lines += [md_row((str(n), *row.cells)) for n, row in enumerate(table.rows, 1)]
    return "\n".join(lines)


def facts_markdown(analysis: Analysis) -> str:
    facts = article_facts(analysis)
    if analysis.article.url:
        facts.append(("URL", analysis.article.url))
    return "\n".join(f"- **{label}:** {md_text(value)}" for label, value in facts)


def reliability_markdown(reliability: Reliability | None) -> str:
    if reliability is None:
        return "**Reliability:** not assessed"
    line = f"**Reliability:** {reliability.score:.2f} — **{md_text(reliability.label)}**"
    reasons = [md_text(truncate(signal_reason(s), 160)) for s in top_signals(reliability)]
    return line + (" · top reasons: " + "; ".join(reasons) if reasons else "")


def footer_markdown(analysis: Analysis) -> str:
    info = analysis.pipeline
    text = f"newsint {info.newsint_version} · model {info.model}"
    if info.components:
        text += " · components: " + ", ".join(info.components)
    return f"*{md_text(text)}*"


def render_markdown(analysis: Analysis, corroboration: Corroborations | None = None) -> str:
    """The analyst brief as Markdown: facts, reliability, key findings, then one table per
    item kind.

    ``corroboration`` (event index -> matches, from
    :func:`newsint.corpus.store_corroboration.corroborate_in_store`) adds a "Corroboration"
    section after the events; None (no corpus given) adds nothing, since saying "no other
    outlet" without having looked would be false.
    """
    from .findings import findings_markdown

    parts = [
        f"# {md_text(brief_title(analysis))}",
        facts_markdown(analysis),
        reliability_markdown(analysis.reliability),
    ]
    findings = findings_markdown(analysis)
    if findings is not None:
        parts.append(findings)
    tables = [t for t in (signals_table(analysis), *item_tables(analysis)) if t.rows]
    for table in tables:
        parts.append(table_markdown(table))
        if corroboration is not None and table.key == "events":
            parts.append(corroboration_markdown(analysis, corroboration))
    if corroboration is not None and not analysis.events:
        parts.append(corroboration_markdown(analysis, corroboration))
    parts += ["---", footer_markdown(analysis)]
    return "\n\n".join(parts) + "\n"
