"""newsint's spaCy components, registered by name with what they require and assign.

Each component is a thin ``Doc -> Doc`` wrapper around a pure function in its own
module, so the logic can be tested without the pipeline. ``COMPONENTS`` lists them in
pipeline order with where they go; ``tests/pipeline/test_components.py`` pins the names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Article, Entity
from .dates import extract_dates
from .extensions import register_extensions
from .quantities import extract_quantities
from .sections import find_byline, find_sections
from .spans import analysed_ranges

register_extensions()

#: (name, placement) in pipeline order; placement is passed to ``nlp.add_pipe``.
COMPONENTS: tuple[tuple[str, dict[str, str | bool]], ...] = (
    ("newsint_lines", {"before": "parser"}),
    ("newsint_sections", {"last": True}),
    ("newsint_entities", {"last": True}),
    ("newsint_dates", {"last": True}),
    ("newsint_quantities", {"last": True}),
    ("newsint_places", {"last": True}),
    ("newsint_events", {"last": True}),
    ("newsint_claims", {"last": True}),
    ("newsint_techniques", {"last": True}),
    ("newsint_reliability", {"last": True}),
)


@Language.component("newsint_lines", assigns=["token.is_sent_start"])
def newsint_lines(doc: Doc) -> Doc:
    """Start a sentence at every line start: headlines and captions have no full stop."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


@Language.component("newsint_sections", assigns=["doc._.newsint_sections", "doc._.newsint_byline"])
def newsint_sections(doc: Doc) -> Doc:
    """Headline, body, captions and sign-off; author and outlet from the byline."""
    byline = find_byline(doc.text)
    doc._.newsint_byline = byline
    doc._.newsint_sections = tuple(find_sections(doc.text, byline=byline))
    return doc


@Language.component("newsint_entities", requires=["doc.ents"], assigns=["doc._.newsint_entities"])
def newsint_entities(doc: Doc) -> Doc:
    """Named entities from the statistical NER, kept with their offsets."""
    doc._.newsint_entities = tuple(
        Entity(ent.text, ent.start_char, ent.end_char, ent.label_) for ent in doc.ents
    )
    return doc


@Language.component(
    "newsint_dates",
    requires=["doc.ents", "doc._.newsint_sections"],
    assigns=["doc._.newsint_dates"],
)
def newsint_dates(doc: Doc) -> Doc:
    """Date expressions resolved against the publication date."""
    article: Article | None = doc._.newsint_article
    published = article.published if article is not None else None
    doc._.newsint_dates = tuple(
        extract_dates(doc, published=published, ranges=analysed_ranges(doc))
    )
    return doc


@Language.component(
    "newsint_quantities",
    requires=["token.dep", "doc.ents", "doc._.newsint_sections"],
    assigns=["doc._.newsint_quantities"],
)
def newsint_quantities(doc: Doc) -> Doc:
    """Counts of people, money and other quantities with the noun they count."""
    doc._.newsint_quantities = tuple(extract_quantities(doc, ranges=analysed_ranges(doc)))
    return doc


@Language.factory(
    "newsint_places",
    default_config={"demonyms": False},
    requires=["doc.ents", "token.dep", "doc._.newsint_sections"],
    assigns=["doc._.newsint_places", "doc._.newsint_routes"],
)
def make_newsint_places(nlp: Language, name: str, demonyms: bool) -> Callable[[Doc], Doc]:
    """Place mentions resolved to coordinates (gazetteer + context), and routes.

    ``demonyms``: also return demonyms ("Syrian") as places of what they name.
    """
    from ..geo import geoparse

    def newsint_places(doc: Doc) -> Doc:
        places, routes = geoparse(doc, ranges=analysed_ranges(doc), demonyms=demonyms)
        doc._.newsint_places = tuple(places)
        doc._.newsint_routes = tuple(routes)
        return doc

    return newsint_places


@Language.component(
    "newsint_events",
    requires=[
        "token.dep",
        "doc._.newsint_places",
        "doc._.newsint_dates",
        "doc._.newsint_quantities",
    ],
    assigns=["doc._.newsint_events"],
)
def newsint_events(doc: Doc) -> Doc:
    """Who did what to whom, where, when and how many (PLOVER types and modes)."""
    from ..events import extract_events

    doc._.newsint_events = tuple(extract_events(doc, ranges=analysed_ranges(doc)))
    return doc


@Language.component(
    "newsint_claims",
    requires=["token.dep", "doc.ents", "doc._.newsint_sections", "doc._.newsint_quantities"],
    assigns=["doc._.newsint_claims", "doc._.newsint_unsourced"],
)
def newsint_claims(doc: Doc) -> Doc:
    """Check-worthy claims with attribution and hedge cues; unsourced accusations."""
    from ..claims import extract_claims, unsourced_accusations

    claims = extract_claims(doc, ranges=analysed_ranges(doc))
    doc._.newsint_claims = tuple(claims)
    doc._.newsint_unsourced = tuple(unsourced_accusations(claims, doc))
    return doc


@Language.component(
    "newsint_techniques",
    requires=["token.dep", "doc._.newsint_sections"],
    assigns=["doc._.newsint_techniques"],
)
def newsint_techniques(doc: Doc) -> Doc:
    """Propaganda technique spans (14 SemEval-2020 Task 11 techniques) in the analysed text."""
    from ..techniques import load_technique_model

    model = load_technique_model()
    doc._.newsint_techniques = tuple(model.predict(doc, ranges=analysed_ranges(doc)))
    return doc


@Language.factory(
    "newsint_reliability",
    default_config={"ratings_files": []},
    requires=["doc._.newsint_sections", "doc._.newsint_byline", "doc._.newsint_entities"],
    assigns=["doc._.newsint_reliability"],
)
def make_newsint_reliability(
    nlp: Language, name: str, ratings_files: list[str]
) -> Callable[[Doc], Doc]:
    """Reliability score from outlet reputation and the article's own signals.

    ``ratings_files``: CSV tables of outlet ratings that extend/override the built-in one.
    """
    from ..reliability import load_ratings, score_reliability

    ratings = load_ratings(ratings_files)

    def newsint_reliability(doc: Doc) -> Doc:
        doc._.newsint_reliability = score_reliability(
            _article(doc),
            byline=doc._.newsint_byline,
            sections=doc._.newsint_sections,
            claims=_ran(doc, "newsint_claims"),
            techniques=_ran(doc, "newsint_techniques"),
            entities=doc._.newsint_entities,
            unsourced_accusations=_ran(doc, "newsint_unsourced"),
            ratings=ratings,
        )
        return doc

    return newsint_reliability


def _article(doc: Doc) -> Article:
    """The article set before the pipeline ran, or one made from the text (``nlp(text)``)."""
    article: Article | None = doc._.newsint_article
    if article is None:
        from ..ingest import article_id

        article = Article(id=article_id(doc.text), text=doc.text)
    return article


def _ran(doc: Doc, extension: str) -> Any:
    """The items a step assigned, or None when that step is not in the pipeline."""
    return doc._.get(extension) if Doc.has_extension(extension) else None
