"""The reliability score: signal ranges on hostile inputs, formula properties, labels."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsint.model import Article, Attribution, Byline, Claim, Reliability, Section, Span, Technique
from newsint.pipeline.sections import find_byline, find_sections
from newsint.reliability import label_for, load_ratings, score_reliability
from newsint.reliability.score import count_sentences, covered_characters, headline_cues

SIGNALS = {
    "outlet_reputation",
    "byline",
    "unattributed_claims",
    "hedging",
    "technique_density",
    "loaded_language",
    "unsourced_accusations",
    "sensational_headline",
}


def _article(text: str, **fields: str) -> Article:
    return Article(id="t", text=text, **fields)


def _score(text: str, **kwargs: object) -> Reliability:
    byline = find_byline(text)
    sections = find_sections(text, byline=byline)
    article_fields = kwargs.pop("article", {})
    assert isinstance(article_fields, dict)
    return score_reliability(
        _article(text, **article_fields),
        byline=byline,
        sections=sections,
        **kwargs,
    )


def assert_well_formed(result: Reliability, text: str) -> None:
    assert 0.0 <= result.score <= 1.0
    assert result.label == label_for(result.score)
    for signal in result.signals:
        assert 0.0 <= signal.value <= 1.0, signal
        assert signal.weight >= 0.0, signal
        assert signal.note, signal
        for span in signal.evidence:
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.text


# --- hostile inputs -----------------------------------------------------------------------


HOSTILE = {
    "empty": "",
    "whitespace": " \n\t \n",
    "punctuation": "... !!! ??? ---",
    "one word lines": "word\nanother\nthird\nfourth\n",
    "all caps": "BREAKING!!! THEY ARE LYING TO YOU\nTHE ELITES HAVE BETRAYED US ALL. WAKE UP NOW!\n"
    * 50,
    "rtl": "عاجل: الإرهابيون يهربون إلى تركيا\nقالت مصادر إن المسلحين عبروا الحدود. " * 20,
    "one huge paragraph": ("The officials said the border was closed. " * 25_000)[:1_000_000],
    "control characters": "Head\x00line\x07\nBody\u200b text.\u2028More\u2029 text.",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_keeps_every_value_in_range(name: str) -> None:
    text = HOSTILE[name]
    techniques = (
        Technique("Loaded_Language", text[:5], 0, 5, 1.0),
        Technique("Doubt", "", -10, 10**9, 0.5),  # offsets from a buggy component
    )
    claims = (Claim(text[:3], 0, 3), Claim("", 10**8, 10**8 + 5, Attribution("they", "", -1, 2)))
    result = _score(
        text,
        claims=claims,
        techniques=techniques,
        unsourced_accusations=claims[:1],
        article={"url": "not a url", "outlet": "!!!", "author": "   "},
    )
    assert_well_formed(result, text)


@pytest.mark.parametrize("name", ["empty", "whitespace", "punctuation"])
def test_nothing_to_score_is_neutral_with_a_note(name: str) -> None:
    result = _score(HOSTILE[name], claims=(), techniques=())
    assert result.score == 0.5 and result.label == "mixed"
    (signal,) = result.signals
    assert signal.weight == 0 and "no sentences" in (signal.note or "")


def test_every_signal_is_reported_once() -> None:
    result = _score("A headline\nThe minister said on Monday that talks would resume.", claims=())
    assert sorted(s.name for s in result.signals) == sorted(SIGNALS)


def test_inputs_not_analysed_carry_no_weight() -> None:
    result = _score("A headline\nThe minister said on Monday that talks would resume.")
    weights = {s.name: s.weight for s in result.signals}
    for name in ("unattributed_claims", "hedging", "technique_density", "loaded_language"):
        assert weights[name] == 0
    assert weights["outlet_reputation"] > 0


# --- single signals -----------------------------------------------------------------------


def test_unknown_outlet_is_neutral_with_low_weight() -> None:
    result = _score("Title here\nA sentence.", article={"url": "https://unheard-of.example/a"})
    outlet = next(s for s in result.signals if s.name == "outlet_reputation")
    assert outlet.value == 0.5 and 0 < outlet.weight < 1
    assert "outlet not in ratings table" in (outlet.note or "")


def test_rated_outlets_order_by_factuality() -> None:
    text = "Title here\nThe council met on Tuesday."
    by_outlet = {
        outlet: _score(text, article={"outlet": outlet}).score
        for outlet in ("Reuters", "CNN", "RT", "Inside Syria Media Center")
    }
    assert (
        by_outlet["Reuters"]
        > by_outlet["CNN"]
        > by_outlet["RT"]
        > by_outlet["Inside Syria Media Center"]
    )


@pytest.mark.parametrize(
    ("author", "value"),
    [
        ("Jane Roe", 1.0),
        ("Reuters Staff", 0.5),
        ("Web Desk", 0.5),
        ("", 0.4),
        ("Sophia Mangal", 0.0),
    ],
)
def test_byline_values(author: str, value: float) -> None:
    result = _score("Title here\nThe council met on Tuesday.", article={"author": author})
    byline = next(s for s in result.signals if s.name == "byline")
    assert byline.value == value


def test_hedge_cues_are_the_evidence() -> None:
    text = "Title here\nIt seems the border is open. Officials said the road was shut."
    cue = Span("It seems", text.index("It seems"), text.index("It seems") + 8)
    claims = (
        Claim(
            "It seems the border is open.", cue.start, text.index(" Officials"), None, True, (cue,)
        ),
        Claim("the road was shut", text.index("the road"), len(text) - 1),
    )
    hedging = next(s for s in _score(text, claims=claims).signals if s.name == "hedging")
    assert hedging.value == 0.5 and hedging.evidence == (cue,)


def test_named_sources_count_more_than_unnamed_ones() -> None:
    text = (
        "Title here\nThe road is shut, the Interior Ministry said. "
        "Officials said it was mined. It burned."
    )
    named, anonymous = text.index("the Interior"), text.index("Officials")
    claims = (
        Claim(
            "The road is shut", 11, 27, Attribution("the Interior Ministry", "", named, named + 21)
        ),
        Claim(
            "it was mined",
            anonymous + 15,
            anonymous + 27,
            Attribution("Officials", "", anonymous, anonymous + 9),
        ),
        Claim("It burned", len(text) - 10, len(text) - 1),
    )
    signal = next(s for s in _score(text, claims=claims).signals if s.name == "unattributed_claims")
    assert signal.value == pytest.approx((1.0 + 0.6 + 0.0) / 3)
    assert [e.text for e in signal.evidence] == ["It burned"]
    assert 0 < signal.weight < 1  # three claims: partial support


@pytest.mark.parametrize(
    ("headline", "cues"),
    [
        ("ISIS Militants and Commanders Flee to Turkey", 0),
        ("THE ELITES ARE LYING TO YOU", 1),
        ("You won't believe what they did!", 2),
        ("BREAKING: SHOCKING TRUTH EXPOSED!!!", 3),
    ],
)
def test_headline_cues(headline: str, cues: int) -> None:
    assert len(headline_cues(headline)) == cues


def test_sentences_and_coverage_helpers() -> None:
    assert count_sentences("One. Two!\nThree\n...\n", [(0, 20)]) == 3
    assert covered_characters([(0, 10), (5, 15), (40, 50)], [(0, 12), (45, 100)]) == 17


def test_labels_use_the_documented_thresholds() -> None:
    assert [label_for(x) for x in (0.0, 0.449, 0.45, 0.699, 0.7, 1.0)] == [
        "low",
        "low",
        "mixed",
        "mixed",
        "high",
        "high",
    ]


def test_user_ratings_change_the_outlet_signal(tmp_path: object) -> None:
    import pathlib

    assert isinstance(tmp_path, pathlib.Path)
    path = tmp_path / "r.csv"
    path.write_text("domain,name,factuality,bias,notes,source\nreuters.com,Reuters,low,,,test\n")
    text = "Title here\nThe council met on Tuesday."
    default = _score(text, article={"outlet": "Reuters"})
    overridden = _score(text, article={"outlet": "Reuters"}, ratings=load_ratings([path]))
    assert overridden.score < default.score


# --- properties ---------------------------------------------------------------------------

SENTENCE = st.sampled_from(
    [
        "The minister said talks would resume on Monday.",
        "Militants fled across the border, according to local officials.",
        "It is not excluded that the terrorists are hiding there.",
        "THE TRAITORS WILL PAY!",
        "Prices rose by 4 percent in March.",
    ]
)


@st.composite
def scenario(draw: st.DrawFn) -> tuple[str, list[Claim], list[Technique]]:
    text = "\n".join(draw(st.lists(SENTENCE, min_size=1, max_size=8)))
    n = len(text)

    def span() -> tuple[int, int]:
        a = draw(st.integers(0, n - 1))
        return a, draw(st.integers(a + 1, n))

    kinds = st.sampled_from(["Loaded_Language", "Doubt", "Name_Calling,Labeling", "Flag-Waving"])
    techniques = [
        Technique(draw(kinds), text[a:b], a, b, 1.0)
        for a, b in (span() for _ in range(draw(st.integers(0, 6))))
    ]
    claims = []
    for _ in range(draw(st.integers(0, 7))):
        a, b = span()
        attribution = draw(st.sampled_from([None, Attribution("officials", "officials", a, b)]))
        claims.append(Claim(text[a:b], a, b, attribution, draw(st.booleans())))
    return text, claims, techniques


def _full_score(text: str, claims: list[Claim], techniques: list[Technique], outlet: str) -> float:
    return _score(
        text,
        claims=claims,
        techniques=techniques,
        unsourced_accusations=(),
        article={"outlet": outlet},
    ).score


OUTLETS = st.sampled_from(["", "Reuters", "RT", "Inside Syria Media Center", "Unknown Gazette"])


@settings(max_examples=150, deadline=None)
@given(scenario(), st.data(), OUTLETS)
def test_adding_a_technique_never_raises_the_score(
    case: tuple[str, list[Claim], list[Technique]], data: st.DataObject, outlet: str
) -> None:
    text, claims, techniques = case
    a = data.draw(st.integers(0, len(text) - 1))
    b = data.draw(st.integers(a + 1, len(text)))
    kind = data.draw(st.sampled_from(["Loaded_Language", "Doubt", "Repetition"]))
    extra = Technique(kind, text[a:b], a, b, 0.9)
    before = _full_score(text, claims, techniques, outlet)
    after = _full_score(text, claims, [*techniques, extra], outlet)
    assert after <= before + 1e-12


@settings(max_examples=150, deadline=None)
@given(scenario(), st.data(), OUTLETS)
def test_adding_an_attribution_never_lowers_the_score(
    case: tuple[str, list[Claim], list[Technique]], data: st.DataObject, outlet: str
) -> None:
    text, claims, techniques = case
    bare = [i for i, c in enumerate(claims) if c.attribution is None]
    if not bare:
        claims = [*claims, Claim(text[:5], 0, 5)]
        bare = [len(claims) - 1]
    index = data.draw(st.sampled_from(bare))
    source = data.draw(st.sampled_from(["officials", "the Interior Ministry", "Reuters"]))
    attributed = list(claims)
    attributed[index] = dataclasses.replace(
        claims[index],
        attribution=Attribution(source, source, claims[index].start, claims[index].end),
    )
    before = _full_score(text, claims, techniques, outlet)
    after = _full_score(text, attributed, techniques, outlet)
    assert after >= before - 1e-12


@settings(max_examples=100, deadline=None)
@given(
    st.text(max_size=400),
    st.lists(st.tuples(st.integers(-50, 500), st.integers(-50, 500)), max_size=5),
)
def test_arbitrary_text_and_offsets_stay_in_range(
    text: str, offsets: list[tuple[int, int]]
) -> None:
    techniques = [Technique("Loaded_Language", "", a, b, 1.0) for a, b in offsets]
    claims = [Claim("", a, b, None, True, (Span("", a, b),)) for a, b in offsets]
    sections = (Section("body", text, 0, len(text)),)
    byline = Byline("", 0, 0, Span("x", -3, 2), Span("RT", 5, 1))
    result = score_reliability(
        _article(text, outlet="RT"),
        byline=byline,
        sections=sections,
        claims=claims,
        techniques=techniques,
        unsourced_accusations=claims,
    )
    assert_well_formed(result, text)
