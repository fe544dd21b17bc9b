"""Attribution patterns on short sentences: the source's name and the phrase's span."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsint.claims import find_attribution, is_anonymous_source

from .conftest import only_sentence

CASES = [
    # according to X
    (
        "According to law enforcement agencies, five of the detainees joined the attack.",
        "law enforcement agencies",
        "According to law enforcement agencies",
    ),
    (
        "According to the global financial monitoring company IHS Markit, incomes fell by half.",
        "IHS Markit",
        "According to the global financial monitoring company IHS Markit",
    ),
    ("As reported by Reuters, 15 people were detained in Ankara.", "Reuters",
     "As reported by Reuters"),
    # speech verbs, pre- and post-posed
    ("The police said that 12 people were killed in the blast.", "The police", "The police said"),
    ("Twelve people were killed in the blast, the police said.", "the police", "the police said"),
    ("The ministry says 40 soldiers died in the fighting.", "The ministry", "The ministry says"),
    ("Reuters reported that 15 people had been detained in Ankara.", "Reuters",
     "Reuters reported"),
    ("The army denied that its planes had bombed the market.", "The army", "The army denied"),
    ("Human Rights Watch warned that thousands of civilians were trapped in Mosul.",
     "Human Rights Watch", "Human Rights Watch warned"),
    ("The company confirmed it had laid off 500 workers.", "The company", "The company confirmed"),
    ("He added that the border would stay closed until March.", "He", "He added"),
    # quotes with a speaker
    ('"We have captured 300 fighters," the minister said.', "the minister", "the minister said"),
    ('"We have captured 300 fighters," said the defence minister, Ali Khan.', "Ali Khan",
     "said the defence minister, Ali Khan"),
    # anonymous and vague sources are kept as written
    ("Sources say the army lost 20 tanks near Aleppo.", "Sources", "Sources say"),
    ("Officials said the attack killed 30 civilians.", "Officials", "Officials said"),
    ("A source close to the investigation said the suspects had received money from abroad.",
     "A source close to the investigation", "A source close to the investigation said"),
    # spokesmen, statements, documents, citing
    ("The Kremlin's spokesman told reporters that no troops had crossed the border.",
     "The Kremlin's spokesman", "The Kremlin's spokesman told reporters"),
    ("A spokesman for the ministry said 15 soldiers were wounded.",
     "A spokesman for the ministry", "A spokesman for the ministry said"),
    ("In a statement, the ministry accused Russia of bombing hospitals.", "the ministry",
     "In a statement, the ministry accused"),
    ("In a statement, Hamas took responsibility for the attack that killed 3 people.", "Hamas",
     "In a statement, Hamas"),
    ("The minister's statement said 40 people had been arrested.", "The minister",
     "The minister's statement said"),
    ("A report by Amnesty International found that 13,000 prisoners were hanged.",
     "Amnesty International", "A report by Amnesty International found"),
    ("The police, citing witnesses, said two men fled the scene.", "The police",
     "The police, citing witnesses, said"),
    # a publishing body: the descriptor and locatives stay out of the source
    (
        "In early August, the administration of Samsun province in Turkey at its website "
        "published information on 5 detained ISIS fighters.",
        "the administration of Samsun province",
        "the administration of Samsun province in Turkey at its website published information",
    ),
    ("Russia and China said they would veto the resolution.", "Russia and China",
     "Russia and China said"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "source", "phrase"), CASES)
def test_attribution_patterns(nlp: Language, sentence: str, source: str, phrase: str) -> None:
    sent = only_sentence(nlp, sentence)
    found = find_attribution(sent)
    assert found is not None
    assert (found.source, found.text) == (source, phrase)
    assert sent.doc.text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Twelve people were killed in the blast on Monday.",
        "It was reported that 12 people were killed.",  # a hidden speaker is a hedge, not a source
        "The man who said hello was arrested in Paris.",  # the speech verb is in a relative clause
        "The government published a plan to build 300 schools.",  # publishing, no statement
        "There are reports of shelling near Idlib.",
        "The team played at the conference in Doha in 2019.",  # not a statement
    ],
)
def test_no_attribution(nlp: Language, sentence: str) -> None:
    assert find_attribution(only_sentence(nlp, sentence)) is None


def test_passive_with_agent(nlp: Language) -> None:
    found = find_attribution(only_sentence(nlp, "The figure was confirmed by the UN on Monday."))
    assert found is not None
    assert (found.source, found.text) == ("UN", "was confirmed by the UN")


@pytest.mark.parametrize(
    ("source", "anonymous"),
    [
        ("sources", True),
        ("Officials", True),
        ("law enforcement agencies", True),
        ("A source close to the investigation", True),
        ("Kremlin sources", True),
        ("senior US officials", True),  # tied to a body, but no person is named
        ("officials of the Samsun administration", True),
        ("A spokesman for the ministry", False),  # speaks for the ministry on the record
        ("The Kremlin's spokesman", False),
        ("IHS Markit", False),
        ("the administration of Samsun province", False),
        ("the police", False),  # an institution identified in context
        ("Reuters", False),
        ("", False),
    ],
)
def test_is_anonymous_source(source: str, anonymous: bool) -> None:
    assert is_anonymous_source(source) is anonymous
