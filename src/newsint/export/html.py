"""Self-contained HTML analyst brief of one :class:`~newsint.model.Analysis`.

One file, no external resources: inline CSS and a few lines of inline JS. The article text
is shown with every extracted item highlighted. Overlapping items are rendered from a
boundary list: the text is cut at every item start and end, and each piece becomes one flat
``<span class="hl k-dates k-places" data-ids="...">`` carrying every item active over it,
so the markup is always well nested. All article-derived content is escaped (Jinja2
autoescape and :mod:`markupsafe`); only ``map_html`` is inserted as given.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from ..model import (
    Analysis,
    Claim,
    DateMention,
    Entity,
    Event,
    Place,
    Quantity,
    Reliability,
    Signal,
    Technique,
)
from .findings import findings
from .markdown import (
    DASH,
    EXCLUDED_SECTION_KINDS,
    NO_EVENTS,
    actor_label,
    article_facts,
    author_name,
    brief_title,
    claim_source,
    clean,
    coordinates,
    corroboration_view,
    date_label,
    event_type,
    fmt_score,
    item_id,
    item_tables,
    outlet_name,
    place_label,
    quantity_label,
    top_signals,
    truncate,
)

if TYPE_CHECKING:
    from ..corpus.store_corroboration import Corroboration

#: longest cell text in an HTML table (the full text is in the article, one click away)
HTML_CELL_CHARS = 240
#: technique colours in the stylesheet (``t-0`` .. ``t-9``), reused round-robin
TECHNIQUE_COLOURS = 10
BADGE_LABELS = frozenset({"low", "mixed", "high"})
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
SECTION_NAMES = {"title": "headline", "caption": "caption", "signoff": "sign-off"}


@dataclass(frozen=True, slots=True)
class Kind:
    """A highlight kind: its key (CSS ``k-<key>``), name, and whether it starts switched on."""

    key: str
    title: str
    on: bool = True


HIGHLIGHT_KINDS = (
    Kind("entities", "Entities"),
    Kind("dates", "Dates"),
    Kind("quantities", "Quantities"),
    Kind("places", "Places"),
    Kind("events", "Events"),
    Kind("claims", "Claims"),
    Kind("hedges", "Hedge cues"),
    Kind("techniques", "Techniques"),
    Kind("routes", "Routes", on=False),
    Kind("signals", "Signal evidence", on=False),
)


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted range of the article text."""

    item_id: str
    kind: str  # a HIGHLIGHT_KINDS key, or "sections"
    start: int
    end: int
    label: str  # what the hover title says
    css: str  # classes the range adds to its segments


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    anchor: str | None


@dataclass(frozen=True, slots=True)
class SignalView:
    name: str
    value: str
    weight: str
    note: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class ReliabilityView:
    css: str  # low | mixed | high | none
    label: str
    score: str | None
    reasons: tuple[str, ...]
    signals: tuple[SignalView, ...]


@dataclass(frozen=True, slots=True)
class Toggle:
    key: str
    title: str
    on: bool
    count: int


# --- hover labels ----------------------------------------------------------------------------


def _entity_label(entity: Entity) -> str:
    return f"entity: {clean(entity.label)}"


def _date_label(date: DateMention) -> str:
    return f"date: {date_label(date)}"


def _quantity_label(quantity: Quantity) -> str:
    return f"{quantity.kind}: {quantity_label(quantity)}"


def _place_label(place: Place) -> str:
    text = f"place: {place_label(place)}"
    if coordinates(place) != DASH:
        text += f" at {coordinates(place)}"
    return f"{text}, confidence {fmt_score(place.confidence)}"


def _event_label(event: Event) -> str:
    parts = [f"event: {event_type(event)}"]
    if event.actor:
        parts.append(f"actor: {actor_label(event.actor)}")
    if event.target:
        parts.append(f"target: {actor_label(event.target)}")
    if event.count:
        parts.append(f"count: {quantity_label(event.count)}")
    if event.place:
        parts.append(f"place: {place_label(event.place)}")
    if event.date:
        parts.append(f"date: {date_label(event.date)}")
    return "; ".join(parts)


def _claim_label(claim: Claim) -> str:
    text = f"claim ({claim_source(claim)}), check-worthiness {fmt_score(claim.checkworthiness)}"
    return f"{text}, hedged" if claim.hedged or claim.hedge_cues else text


def _technique_label(technique: Technique) -> str:
    return f"technique: {clean(technique.technique)} ({fmt_score(technique.score)})"


LABELLERS: dict[str, Callable[[Any], str]] = {
    "entities": _entity_label,
    "dates": _date_label,
    "quantities": _quantity_label,
    "places": _place_label,
    "events": _event_label,
    "claims": _claim_label,
    "techniques": _technique_label,
}


# --- marks -----------------------------------------------------------------------------------


def technique_classes(analysis: Analysis) -> dict[str, str]:
    """Each technique name -> its colour class (``t-0`` ..), in name order."""
    names = sorted({t.technique for t in analysis.techniques})
    return {name: f"t-{i % TECHNIQUE_COLOURS}" for i, name in enumerate(names)}


def _item_marks(analysis: Analysis, colours: dict[str, str]) -> Iterator[Mark]:
    spans = analysis.spans()
    for kind, label in LABELLERS.items():
        for i, item in enumerate(spans.get(kind, ())):
            css = f"k-{kind}"
            if kind == "techniques":
                css += f" {colours[item.technique]}"
            yield Mark(item_id(kind, i), kind, item.start, item.end, label(item), css)


def _hedge_marks(analysis: Analysis) -> Iterator[Mark]:
    for i, claim in enumerate(analysis.claims):
        for j, cue in enumerate(claim.hedge_cues):
            label = f"hedge cue: {clean(cue.text)} (claim {i + 1})"
            yield Mark(item_id("hedges", i, j), "hedges", cue.start, cue.end, label, "k-hedges")


def _route_marks(analysis: Analysis) -> Iterator[Mark]:
    for i, route in enumerate(analysis.routes):
        label = "route: " + " → ".join(clean(p.name) for p in route.places)
        yield Mark(item_id("routes", i), "routes", route.start, route.end, label, "k-routes")


def _signal_marks(analysis: Analysis) -> Iterator[Mark]:
    signals = analysis.reliability.signals if analysis.reliability else ()
    for i, signal in enumerate(signals):
        label = f"reliability signal: {clean(signal.name)}"
        for j, span in enumerate(signal.evidence):
            mark_id = item_id("signals", i, j)
            yield Mark(mark_id, "signals", span.start, span.end, label, "k-signals")


def _section_marks(analysis: Analysis) -> Iterator[Mark]:
    for i, section in enumerate(analysis.sections):
        if section.kind not in SECTION_NAMES:
            continue
        label = SECTION_NAMES[section.kind]
        if section.kind in EXCLUDED_SECTION_KINDS:
            label += " (kept out of the analysis)"
        css = f"sec sec-{section.kind}"
        yield Mark(item_id("sections", i), "sections", section.start, section.end, label, css)


def _clip(mark: Mark, length: int) -> Mark | None:
    """``mark`` limited to ``0..length``; None when its offsets are unusable or empty."""
    if not isinstance(mark.start, int) or not isinstance(mark.end, int):
        return None
    start, end = max(0, mark.start), min(length, mark.end)
    return dataclasses.replace(mark, start=start, end=end) if start < end else None


def collect_marks(analysis: Analysis) -> list[Mark]:
    """Every highlight of the article, clipped to the text, ordered by start (longest first)."""
    colours = technique_classes(analysis)
    raw = [
        *_section_marks(analysis),
        *_item_marks(analysis, colours),
        *_hedge_marks(analysis),
        *_route_marks(analysis),
        *_signal_marks(analysis),
    ]
    length = len(analysis.article.text)
    clipped = (_clip(m, length) for m in raw)
    return sorted((m for m in clipped if m is not None), key=lambda m: (m.start, -m.end))


# --- highlighting ----------------------------------------------------------------------------


def segments(length: int, marks: Sequence[Mark]) -> Iterator[tuple[int, int, tuple[Mark, ...]]]:
    """Cut ``0..length`` at every mark boundary; yield each piece with the marks over it."""
    starting: dict[int, list[Mark]] = defaultdict(list)
    for mark in marks:
        starting[mark.start].append(mark)
    bounds = {0, length, *(m.start for m in marks), *(m.end for m in marks)}
    points = sorted(p for p in bounds if 0 <= p <= length)
    active: list[Mark] = []
    for start, end in pairwise(points):
        active = [m for m in active if m.end > start] + starting.get(start, [])
        yield start, end, tuple(active)


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _classes(active: Sequence[Mark]) -> str:
    classes = [c for m in active for c in m.css.split()]
    if any(m.kind != "sections" for m in active):
        classes.insert(0, "hl")
    if sum(m.kind == "techniques" for m in active) > 1:
        classes.append("t-multi")
    return " ".join(_unique(classes))


def _text(text: str) -> str:
    """Escaped text; carriage returns as character references so browsers keep them."""
    return str(escape(text)).replace("\r", "&#13;")


def highlight(text: str, marks: Sequence[Mark]) -> tuple[Markup, set[str]]:
    """The article text as HTML with ``marks`` highlighted, and the ids that got an anchor.

    Stripping the tags and unescaping the result gives back ``text`` exactly. Built with
    plain string operations (the workbench's article page, its most visited, calls this on
    every view); every piece of text, class, id and label is escaped before it is joined.
    """
    anchored: set[str] = set()
    pieces: list[str] = []
    for start, end, active in segments(len(text), marks):
        if not active:
            pieces.append(_text(text[start:end]))
            continue
        for mark in active:
            if mark.item_id not in anchored:
                anchored.add(mark.item_id)
                pieces.append(f'<span class="anchor" id="m-{escape(mark.item_id)}"></span>')
        ids = escape(" ".join(m.item_id for m in active))
        title = escape("\n".join(_unique(m.label for m in active)))
        pieces.append(
            f'<span class="{escape(_classes(active))}" data-ids="{ids}" title="{title}">'
            f"{_text(text[start:end])}</span>"
        )
    return Markup("".join(pieces)), anchored


def brief_context(analysis: Analysis) -> dict[str, Any]:
    """What the HTML brief and the workbench's article page both show: title, facts,
    findings, the highlighted text with its toggles and legend, reliability."""
    marks = collect_marks(analysis)
    article_html, anchored = highlight(analysis.article.text, marks)
    return {
        "title": brief_title(analysis),
        "lang": html_lang(analysis.article.language),
        "article": analysis.article,
        "facts": article_facts(analysis),
        "findings": findings(analysis),
        "masthead": masthead_facts(analysis),
        "link": safe_link(analysis.article.url),
        "reliability": reliability_view(analysis.reliability, anchored),
        "article_html": article_html,
        "toggles": toggles(marks),
        "legend": sorted(technique_classes(analysis).items()),
        "anchored": anchored,
        "pipeline": analysis.pipeline,
    }


def show_classes(switches: Sequence[Toggle]) -> str:
    """The CSS classes that switch on the highlights shown by default."""
    return " ".join(f"show-{t.key}" for t in switches if t.on)


# --- the view model ----------------------------------------------------------------------


def safe_link(url: str | None) -> str | None:
    """``url`` when it is a plain http(s) URL that may become a link, else None."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    return url


def _evidence(index: int, signal: Signal, anchored: set[str]) -> tuple[Evidence, ...]:
    ids = (item_id("signals", index, j) for j in range(len(signal.evidence)))
    return tuple(
        Evidence(truncate(span.text, HTML_CELL_CHARS), _anchor(mark_id, anchored))
        for span, mark_id in zip(signal.evidence, ids, strict=True)
    )


def _signal_views(reliability: Reliability, anchored: set[str]) -> tuple[SignalView, ...]:
    return tuple(
        SignalView(
            name=s.name,
            value=f"{s.value:+.2f}",
            weight=f"{s.weight:.2f}",
            note=clean(s.note) or DASH,
            evidence=_evidence(i, s, anchored),
        )
        for i, s in enumerate(reliability.signals)
    )


def _anchor(identifier: str, anchored: set[str]) -> str | None:
    return identifier if identifier in anchored else None


def reliability_view(reliability: Reliability | None, anchored: set[str]) -> ReliabilityView:
    if reliability is None:
        return ReliabilityView("none", "not assessed", None, (), ())
    label = str(reliability.label)
    return ReliabilityView(
        css=label if label in BADGE_LABELS else "none",
        label=label,
        score=f"{reliability.score:.2f}",
        reasons=tuple(s.name for s in top_signals(reliability)),
        signals=_signal_views(reliability, anchored),
    )


def toggles(marks: Sequence[Mark]) -> list[Toggle]:
    """One checkbox per highlight kind that has something in the text."""
    counts = Counter(m.kind for m in marks)
    return [Toggle(k.key, k.title, k.on, counts[k.key]) for k in HIGHLIGHT_KINDS if counts[k.key]]


def html_lang(language: str | None) -> str:
    """``language`` when it is a well-formed language tag, else "und" (undetermined)."""
    return language if language and _LANGUAGE_TAG.fullmatch(language) else "und"


def masthead_facts(analysis: Analysis) -> list[tuple[str, str]]:
    """Outlet, author and publication date for the page header."""
    published = analysis.article.published
    return [
        ("Outlet", outlet_name(analysis) or DASH),
        ("Author", author_name(analysis) or DASH),
        ("Published", published.isoformat() if published else DASH),
    ]


def _context(
    analysis: Analysis,
    map_html: str | None,
    corroboration: Mapping[int, Sequence[Corroboration]] | None = None,
) -> dict[str, Any]:
    from ..corpus.store_corroboration import rule_text

    context = brief_context(analysis)
    context.update(
        show_classes=show_classes(context["toggles"]),
        tables=item_tables(analysis),
        map_html=_map_markup(analysis, map_html),
        corroboration=(
            None if corroboration is None else corroboration_view(analysis, corroboration)
        ),
        corroboration_rule=rule_text(),
        no_events=NO_EVENTS,
    )
    return context


def _cell(text: str) -> str:
    return truncate(text, HTML_CELL_CHARS)


@functools.cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the brief templates (autoescaping everything)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsint.export", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["cell"] = _cell
    return env


def _map_markup(analysis: Analysis, map_html: str | None) -> Markup | None:
    """The given map, else an offline SVG map of the resolved places and routes."""
    if map_html is not None:
        return Markup(map_html)
    from .svgmap import render_svg_map

    overview = render_svg_map(analysis.places, analysis.routes)
    if overview is None or not analysis.routes:
        return overview
    on_routes = [p for route in analysis.routes for p in route.places]
    detail = render_svg_map(on_routes, analysis.routes, min_span=0.6)
    if detail is None:
        return overview
    return (
        Markup('<p class="map-caption">Routes</p>')
        + detail
        + Markup('<p class="map-caption">All places</p>')
        + overview
    )


def render_html(
    analysis: Analysis,
    *,
    map_html: str | None = None,
    corroboration: Mapping[int, Sequence[Corroboration]] | None = None,
) -> str:
    """The analyst brief as one self-contained HTML page.

    ``map_html`` (an offline map from the places component) is trusted markup and inserted
    as given into ``<section id="map">``; everything taken from the article is escaped.
    ``corroboration`` (event index -> matches of other outlets, from
    :func:`newsint.corpus.store_corroboration.corroborate_in_store`) adds a "Corroboration"
    panel after the events table; None, no panel. Their titles and outlets are escaped too.
    """
    template = environment().get_template("brief.html.j2")
    return template.render(**_context(analysis, map_html, corroboration))
