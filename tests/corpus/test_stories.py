"""Story clusters: paraphrases and copies together, unrelated stories apart, dates respected."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

import numpy as np
import pytest

from newsint.corpus.dedup import find_duplicates
from newsint.corpus.stories import Story, cluster_stories, lede
from newsint.errors import ConfigError
from newsint.model import Analysis, Article, PipelineInfo

TEXTS = {
    "quake1": "Powerful earthquake strikes eastern Turkey. A magnitude 6.8 earthquake hit the "
    "province of Elazig on Friday evening, killing at least 18 people. Buildings collapsed in "
    "several villages and rescuers searched the rubble through the night.",
    "quake2": "Deadly quake in Turkey's Elazig. At least eighteen people died when a strong "
    "earthquake of magnitude 6.8 shook Elazig province in eastern Turkey late on Friday. Rescue "
    "teams worked overnight to pull survivors from collapsed buildings.",
    "quake3": "Turkey earthquake death toll rises. Rescuers in eastern Turkey were still digging "
    "through collapsed houses in Elazig on Saturday after Friday's 6.8-magnitude earthquake, "
    "which officials say killed 18 people and injured hundreds.",
    "vote1": "Parliament rejects budget bill. Lawmakers voted 312 to 250 against the government's "
    "spending plan on Tuesday, dealing a blow to the prime minister. Opposition parties said the "
    "budget cut hospital funding.",
    "vote2": "Government loses budget vote. The prime minister suffered a heavy defeat on Tuesday "
    "as members of parliament voted down the spending bill by 312 votes to 250. Critics had "
    "attacked cuts to hospitals.",
    "match1": "City win the cup final. Manchester City beat Arsenal 3-1 at Wembley on Saturday to "
    "lift the trophy, with two goals from their striker in the second half. The fans celebrated "
    "late into the night.",
    "match2": "Manchester City claim cup with win over Arsenal. Two second-half goals from the "
    "striker sealed a 3-1 victory for City against Arsenal in the Wembley final on Saturday.",
    "ebola": "Ebola outbreak declared in Congo. Health officials confirmed two cases of Ebola in "
    "Equateur province on Tuesday and the World Health Organization sent a team to the area.",
}
INFO = PipelineInfo("0.1.0", "en_test-0", ())


def art(aid: str, text: str, day: int | None = None, outlet: str | None = None) -> Article:
    published = dt.date(2020, 1, 1) + dt.timedelta(days=day) if day is not None else None
    return Article(id=aid, text=text, published=published, outlet=outlet)


def partition(stories: Sequence[Story]) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


def test_paraphrases_cluster_and_unrelated_stay_apart() -> None:
    stories = cluster_stories([art(k, v) for k, v in TEXTS.items()])
    assert partition(stories) == {
        frozenset({"quake1", "quake2", "quake3"}),
        frozenset({"vote1", "vote2"}),
        frozenset({"match1", "match2"}),
        frozenset({"ebola"}),
    }


def test_analyses_are_accepted_and_every_article_is_in_one_story() -> None:
    items = [
        Analysis(article=art(k, v, day=i % 3), pipeline=INFO)
        for i, (k, v) in enumerate(TEXTS.items())
    ]
    stories = cluster_stories(items)
    ids = [aid for s in stories for aid in s.article_ids]
    assert sorted(ids) == sorted(TEXTS)
    assert [s.story_id for s in stories] == list(range(1, len(stories) + 1))


def test_time_window_separates_the_same_text_weeks_apart() -> None:
    text = TEXTS["quake1"]
    near = cluster_stories(
        [art("a", text, day=0), art("b", text + " Update.", day=3)], duplicate_groups=()
    )
    far = cluster_stories(
        [art("a", text, day=0), art("b", text + " Update.", day=10)], duplicate_groups=()
    )
    undated = cluster_stories(
        [art("a", text, day=0), art("b", text + " Update.")], duplicate_groups=()
    )
    assert partition(near) == {frozenset({"a", "b"})}
    assert partition(far) == {frozenset({"a"}), frozenset({"b"})}
    assert partition(undated) == {frozenset({"a", "b"})}


def test_story_dates_and_outlets() -> None:
    items = [
        art("q2", TEXTS["quake2"], day=1, outlet="b.com"),
        art("q1", TEXTS["quake1"], day=0, outlet="a.com"),
        art("q3", TEXTS["quake3"], day=2, outlet="b.com"),
    ]
    (story,) = cluster_stories(items)
    assert story.article_ids == ("q1", "q2", "q3")
    assert story.first_published == dt.date(2020, 1, 1)
    assert story.last_published == dt.date(2020, 1, 3)
    assert story.outlets == ("a.com", "b.com")


def long_article(seed: int) -> str:
    rng = random.Random(seed)
    sentences = [
        " ".join(rng.choices([f"w{i}" for i in range(3000)], k=20)).capitalize() + "."
        for _ in range(40)
    ]
    return " ".join(sentences)


def test_copies_with_a_different_lede_share_a_story_through_their_duplicate_group() -> None:
    body = TEXTS["vote1"] + " " + long_article(1)
    copy = "Subscribe to our newsletter for more. Share this story with friends. " + body
    items = [art("original", body), art("copy", copy), art("other", TEXTS["match1"])]
    grouped = cluster_stories(items)
    assert frozenset({"original", "copy"}) in partition(grouped)
    groups = find_duplicates(items).groups
    assert len(groups) == 1
    assert partition(cluster_stories(items, duplicate_groups=groups)) == partition(grouped)


def test_lede_is_title_and_first_three_sentences() -> None:
    text = "Headline here\n\nFirst one. Second one! Third one? Fourth one."
    assert lede(Article(id="x", text=text)) == "Headline here. First one. Second one! Third one?"
    titled = Article(id="y", text="Headline here\nBody starts. More.", title="Headline here")
    assert lede(titled) == "Headline here. Body starts. More."
    assert len(lede(Article(id="z", text="word " * 200_000))) <= 1_500


def unit_embedder(vectors: dict[str, list[float]]):  # type: ignore[no-untyped-def]
    """Embeds each text as the vector of the key it starts with (for date-logic tests)."""

    def embed(texts: Sequence[str]) -> np.ndarray:
        rows = [np.array(next(v for k, v in vectors.items() if t.startswith(k))) for t in texts]
        return np.array([r / np.linalg.norm(r) for r in rows], dtype=np.float32)

    return embed


def test_a_story_grows_day_by_day_within_the_window() -> None:
    embed = unit_embedder({"A": [1.0, 0.0], "B": [0.0, 1.0]})
    items = [art(f"a{d}", f"A day {d}", day=d) for d in (0, 2, 4, 6)] + [art("b", "B", day=1)]
    stories = cluster_stories(items, embedder=embed, duplicate_groups=())
    assert partition(stories) == {frozenset({"a0", "a2", "a4", "a6"}), frozenset({"b"})}
    gap = [art("a0", "A one", day=0), art("a9", "A two", day=9)]
    assert len(cluster_stories(gap, embedder=embed, duplicate_groups=())) == 2


@pytest.mark.parametrize("text", ["", "   ", "ALL CAPS", "مرحبا بالعالم", "x" * 1_000_000])
def test_hostile_texts_do_not_crash(text: str) -> None:
    stories = cluster_stories([art("h", text), art("q", TEXTS["quake1"])])
    assert sorted(a for s in stories for a in s.article_ids) == ["h", "q"]


def test_empty_input_and_bad_options() -> None:
    assert cluster_stories([]) == []
    with pytest.raises(ConfigError):
        cluster_stories([art("a", "x")], threshold=2.0)
    with pytest.raises(ConfigError):
        cluster_stories([art("a", "x")], window_days=-1)
