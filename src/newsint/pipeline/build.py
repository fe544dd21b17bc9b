"""Turn a processed ``Doc`` into an ``Analysis``."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..model import Analysis, Article, Byline, PipelineInfo, Section


def article_with_metadata(
    article: Article, sections: tuple[Section, ...], byline: Byline | None
) -> Article:
    """Fill title, author and outlet from the text where the input did not give them."""
    title = article.title
    if title is None:
        title = next((s.text for s in sections if s.kind == "title"), None)
    author = article.author
    outlet = article.outlet
    if byline is not None:
        if author is None and byline.author is not None:
            author = byline.author.text
        if outlet is None and byline.outlet is not None:
            outlet = byline.outlet.text
    return replace(article, title=title, author=author, outlet=outlet)


def build_analysis(doc: Doc, info: PipelineInfo) -> Analysis:
    """Collect what the components assigned on ``doc`` into the output contract."""
    sections: tuple[Section, ...] = doc._.newsint_sections
    byline: Byline | None = doc._.newsint_byline
    article = article_with_metadata(doc._.newsint_article, sections, byline)
    return Analysis(
        article=article,
        pipeline=info,
        sections=sections,
        byline=byline,
        entities=doc._.newsint_entities,
        dates=doc._.newsint_dates,
        quantities=doc._.newsint_quantities,
        places=doc._.newsint_places,
        routes=doc._.newsint_routes,
        events=doc._.newsint_events,
        claims=doc._.newsint_claims,
        techniques=doc._.newsint_techniques,
        reliability=doc._.newsint_reliability,
    )
