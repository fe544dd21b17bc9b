"""The Python API: ``analyze`` one text, ``analyze_many`` for batches."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator

from .config import Config
from .errors import ConfigError
from .ingest import article_from_text
from .model import Analysis, Article
from .pipeline import AnalysisFailedError, Pipeline

_PIPELINES: dict[tuple[str, tuple[str, ...], bool], Pipeline] = {}
_LOCK = threading.Lock()


def get_pipeline(config: Config | None = None) -> Pipeline:
    """The process-wide pipeline for ``config`` (model, ratings, demonym places), loaded on
    first use."""
    config = config or Config.from_env()
    key = (config.model, config.ratings_files, config.demonym_places)
    with _LOCK:
        pipeline = _PIPELINES.get(key)
        if pipeline is None:
            pipeline = _PIPELINES[key] = Pipeline.load(config)
    if pipeline.config != config:
        return Pipeline(pipeline.nlp, config)
    return pipeline


def run_articles(
    articles: Iterable[Article], config: Config
) -> Iterator[Analysis | AnalysisFailedError]:
    """Analyse ``articles`` in input order: in this process, or in ``config.n_process``
    workers. A failing article yields its error and the run goes on."""
    if config.n_process > 1:
        from .parallel import run_parallel

        return run_parallel(articles, config)
    return get_pipeline(config).run(articles)


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """A publication date from a date, datetime or ISO string (``2017-09-28``)."""
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise ConfigError(f"published date must be ISO (YYYY-MM-DD), not {value!r}") from exc


def analyze(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    published: str | dt.date | None = None,
    outlet: str | None = None,
    author: str | None = None,
) -> Analysis:
    """Analyse one article text. Raises ``EmptyInputError`` for empty text."""
    article = article_from_text(
        text,
        title=title,
        url=url,
        outlet=outlet,
        author=author,
        published=parse_published(published),
        source="<text>",
    )
    (result,) = list(get_pipeline().run([article]))
    if isinstance(result, AnalysisFailedError):
        raise result
    return result


def analyze_many(
    items: Iterable[str | Article],
    *,
    batch_size: int = 32,
    n_process: int = 1,
    published: str | dt.date | None = None,
) -> Iterator[Analysis]:
    """Analyse texts or ``Article`` objects in batches, yielding results in input order.

    ``n_process > 1`` runs worker processes that each load the model once. Raises
    ``AnalysisFailedError`` for an article that cannot be analysed.
    """
    config = Config.from_env(batch_size=batch_size, n_process=n_process)
    date = parse_published(published)
    articles = (_as_article(item, date, index) for index, item in enumerate(items))
    for result in run_articles(articles, config):
        if isinstance(result, AnalysisFailedError):
            raise result
        yield result


def _as_article(item: str | Article, published: dt.date | None, index: int) -> Article:
    if isinstance(item, Article):
        return item
    return article_from_text(item, published=published, source=f"<text {index}>")
