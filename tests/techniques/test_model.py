"""The shipped technique model: loads offline, predicts valid spans on any input."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from newsint.model import Technique
from newsint.techniques.data import TECHNIQUES
from newsint.techniques.model import DEFAULT_MODEL_DIR, TechniqueModel, load_technique_model

ARTICLE = (
    "Traitors Betray Our Great Nation!\n\n"
    "The so-called experts want you to believe the corrupt elite will save you.\n"
    "They are lying, and everyone knows it.\n"
    "Make America Great Again!\n"
    "If we do nothing now, the terrorists will destroy our children's future.\n"
    "The minister said on Tuesday that talks would resume in March.\n"
)

HOSTILE = {
    "empty": "",
    "spaces": "   \n\n\t  ",
    "one_word_lines": "War\nPeace\nLies\n!\n?\n",
    "all_caps": "THE CORRUPT MEDIA IS THE ENEMY OF THE PEOPLE!!! WAKE UP AMERICA!!!",
    "rtl": "قال المتحدث إن الإرهابيين فروا إلى تركيا. הם ברחו מהעיר אתמול.",
    "symbols": "@@@ ### $$$ %%% ^^^ &&& *** ((( ))) \u200b\u200b \ufeff",
    "long_paragraph": "the radical regime lies and lies again about the war " * 400,
}


def check(doc: Doc, found: list[Technique]) -> None:
    for item in found:
        assert item.technique in TECHNIQUES
        assert 0 <= item.start < item.end <= len(doc.text)
        assert doc.text[item.start : item.end] == item.text
        assert item.text == item.text.strip(), "spans are trimmed"
        assert 0.0 <= item.score <= 1.0


def test_artifact_is_small_and_loads_once() -> None:
    size = sum(p.stat().st_size for p in DEFAULT_MODEL_DIR.iterdir())
    assert size <= 40 * 2**20
    model = load_technique_model()
    assert load_technique_model() is model
    assert model.techniques == TECHNIQUES
    assert {"cv_si", "cv_tc"} <= set(model.info)


def test_propagandistic_text_gets_spans(
    technique_model: TechniqueModel, parse: Callable[[str], Doc]
) -> None:
    doc = parse(ARTICLE)
    found = technique_model.predict(doc)
    check(doc, found)
    assert found, "a text full of loaded language yields at least one span"


def test_ranges_restrict_the_spans(
    technique_model: TechniqueModel, parse: Callable[[str], Doc]
) -> None:
    doc = parse(ARTICLE)
    body = ARTICLE.index("The so-called")
    ranges = [(body, len(ARTICLE))]
    found = technique_model.predict(doc, ranges=ranges)
    check(doc, found)
    assert all(t.start >= body for t in found)
    assert technique_model.predict(doc, ranges=[]) == []


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_inputs(
    name: str, technique_model: TechniqueModel, parse: Callable[[str], Doc]
) -> None:
    doc = parse(HOSTILE[name])
    found = technique_model.predict(doc)
    check(doc, found)
    labels = technique_model.classify_spans(doc, [(0, len(doc.text)), (0, 0)])
    assert len(labels) == 2 and all(t in TECHNIQUES and 0 <= p <= 1 for t, p in labels)


def test_a_megabyte_paragraph_without_a_parser(technique_model: TechniqueModel) -> None:
    """Docs that only went through a tokenizer (no tags, no sentences) still work."""
    nlp = spacy.blank("en")
    nlp.max_length = 2_000_000
    doc = nlp("The regime's thugs lie! " * 44_000)
    assert len(doc.text) > 1_000_000
    check(doc, technique_model.predict(doc))


def test_classify_spans_gives_repeated_spans_distinct_techniques(
    technique_model: TechniqueModel, parse: Callable[[str], Doc]
) -> None:
    doc = parse(ARTICLE)
    start = ARTICLE.index("corrupt elite")
    span = (start, start + len("corrupt elite"))
    labels = technique_model.classify_spans(doc, [span, span, span, (-5, 10**9)])
    assert len(labels) == 4
    assert len({labels[0][0], labels[1][0], labels[2][0]}) == 3
    assert labels[0][1] >= labels[1][1] >= labels[2][1]
    assert all(t in TECHNIQUES and 0.0 <= p <= 1.0 for t, p in labels)
    assert technique_model.classify_spans(doc, []) == []
