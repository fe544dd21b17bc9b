"""The keyword baseline reads the first lexicon word and the chunks around it."""

from __future__ import annotations

from newsint.events.baseline import keyword_case_label, keyword_guess

from .conftest import Process


def test_first_keyword_and_neighbouring_chunks(process: Process) -> None:
    guess = keyword_guess(process("The Israeli army arrested two Palestinian men."))
    assert guess.sense is not None and guess.sense.type == "COERCE"
    assert guess.actor == "The Israeli army" and guess.target == "two Palestinian men"


def test_case_label_and_no_keyword(process: Process) -> None:
    assert keyword_case_label(process("Protesters rallied in the capital.")) == "PEACE_PROTEST"
    assert keyword_case_label(process("The weather was fine.")) == "OTHER"
