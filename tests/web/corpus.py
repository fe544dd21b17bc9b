"""The test corpus of the web tests: real pipeline output plus two hand-made event reports.

- the bundled synthetic sample, and a republished copy of it under another outlet (a
  near-duplicate pair);
- the reference article ``../shared/samples/isis-flee-to-turkey.txt`` when it is present;
- a hostile article whose text, title, outlet and URL carry script, markup and
  ``javascript:`` links;
- two hand-made analyses of one shelling, by two outlets, with located, dated events (so
  the map, the event filters and corroboration have something to show whether or not the
  pipeline's event component is installed). Their spans are real slices of their texts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from newsint.ingest.ids import article_id
from newsint.model import (
    Actor,
    Analysis,
    Article,
    Attribution,
    Claim,
    DateMention,
    Entity,
    Event,
    PipelineInfo,
    Place,
    Reliability,
    Signal,
    Span,
    Technique,
)
from newsint.store import open_store

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "samples" / "isis-flee-to-turkey.txt"
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_LINK = '<a href="javascript:alert(1)">x</a>'
HOSTILE_TEXT = (
    f"Militants {HOSTILE_SCRIPT} crossed the border near Aleppo on 3 March 2019.\n\n"
    f"{HOSTILE_IMG} Officials in Damascus said {HOSTILE_LINK} the convoy later reached Idlib.\n\n"
    '\u202eRTL override text\u202c and "quotes" & ampersands < > stay text.'
)
HOSTILE_TITLE = f'{HOSTILE_IMG} Hostile "title" {HOSTILE_SCRIPT}'
REPUBLISH_NOTE = "This article was republished from Frontier Ledger with permission.\n\n"
INFO = PipelineInfo("test", "hand-made", ("fixture",))
ALEPPO = (36.20124, 37.16117)


@dataclass(frozen=True)
class WebCorpus:
    path: Path
    sample_id: str
    copy_id: str
    hostile_id: str
    report_ids: tuple[str, str]
    reference_id: str | None

    @property
    def pipeline_ids(self) -> list[str]:
        ids = [self.sample_id, self.copy_id, self.hostile_id]
        return ids + ([self.reference_id] if self.reference_id else [])


def _span(text: str, needle: str) -> tuple[str, int, int]:
    start = text.index(needle)
    return needle, start, start + len(needle)


def event_report(text: str, outlet: str, published: dt.date, place_word: str) -> Analysis:
    """A hand-made analysis: one shelling at Aleppo on 5 March 2019, with its evidence."""
    place = Place(*_span(text, place_word), "Aleppo", 170063, *ALEPPO, "SY", "city", 0.95)
    date = DateMention(*_span(text, "5 March 2019"), "2019-03-05", None, "day")
    verb = "shelling" if "shelling" in text else "shells"
    event = Event(
        "ASSAULT",
        *_span(text, text.split(".")[0]),
        mode="bombing",
        actor=Actor(*_span(text, verb)),
        place=place,
        date=date,
        confidence=0.9,
    )
    cue = Span(*_span(text, "reportedly"))
    source = Attribution("officials", *_span(text, "officials said"))
    claim = Claim(*_span(text, text.split(".")[0]), source, True, (cue,), 0.8)
    technique = Technique("Loaded_Language", *_span(text, "barbaric"), 0.7)
    reliability = Reliability(0.55, "mixed", (Signal("hedging", 0.4, 0.3, (cue,)),))
    article = Article(article_id(text), text, f"Shelling in Aleppo ({outlet})", None, outlet,
                      None, published, "en", f"fixture:{outlet}")  # fmt: skip
    entity = Entity(*_span(text, place_word), "GPE")
    return Analysis(article, INFO, entities=(entity,), places=(place,), events=(event,),
                    claims=(claim,), techniques=(technique,), reliability=reliability)  # fmt: skip


REPORT_A = (
    "The barbaric shelling of Aleppo on 5 March 2019 reportedly killed 12 civilians, "
    "officials said. Rescue teams searched the rubble overnight."
)
REPORT_B = (
    "The barbaric shells struck eastern Aleppo on 5 March 2019 and reportedly killed twelve "
    "people, officials said. Hospitals asked for blood donors."
)


def build_corpus(path: Path) -> WebCorpus:
    """Analyse the articles with the real pipeline and store everything at ``path``."""
    from newsint import analyze
    from newsint.cli.demo import SAMPLE_PUBLISHED, sample_text

    sample = analyze(sample_text(), published=SAMPLE_PUBLISHED, outlet="Frontier Ledger")
    copy = analyze(
        REPUBLISH_NOTE + sample_text(), published="2019-03-22", outlet="Mirror Daily",
        url="https://mirror-daily.example/frontier-copy",
    )  # fmt: skip
    hostile = analyze(
        HOSTILE_TEXT, title=HOSTILE_TITLE, url="javascript:alert(1)",
        outlet="<b>Evil</b> Outlet", published="2019-03-04",
    )  # fmt: skip
    reports = (
        event_report(REPORT_A, "Outlet A", dt.date(2019, 3, 6), "Aleppo"),
        event_report(REPORT_B, "Outlet B", dt.date(2019, 3, 6), "Aleppo"),
    )
    items = [sample, copy, hostile, *reports]
    reference = None
    if REFERENCE.exists():
        reference = analyze(
            REFERENCE.read_text(encoding="utf-8"), published="2017-09-28", outlet="ISMC"
        )
        items.append(reference)
    with open_store(path) as store:
        store.add_many((a, [a.article.source or "test"]) for a in items)
    return WebCorpus(
        path,
        sample.article.id,
        copy.article.id,
        hostile.article.id,
        (reports[0].article.id, reports[1].article.id),
        reference.article.id if reference else None,
    )
