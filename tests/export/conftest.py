"""Hand-built analyses for the brief exporters: a full one, a hostile one, an empty one."""

from __future__ import annotations

import datetime as dt

import pytest

from newsint.model import (
    Actor,
    Analysis,
    Article,
    Attribution,
    Byline,
    Claim,
    DateMention,
    Entity,
    Event,
    PipelineInfo,
    Place,
    Quantity,
    Reliability,
    Route,
    Section,
    SectionKind,
    Signal,
    Span,
    Technique,
)

PIPELINE = PipelineInfo("0.1.0", "en_core_web_sm", ("sections", "dates", "places"))

TITLE = "Drone strike hits Kyiv depot, officials say"
BODY = (
    "On Monday, 25 September, at least 12 people were killed when drones struck "
    "a fuel depot in Kyiv.\n"
    "The ministry said the repairs would cost $1.5 million.\n"
    "Fuel convoys were rerouted from Kyiv to Lviv.\n"
    "According to the governor, the attack was allegedly ordered by the enemy command, "
    "a shameful and cowardly act that everyone knows is pure terror."
)
CAPTION = "Smoke rises over the depot"
SIGNOFF = "Jane Doe is a correspondent at Example News where this article was first published."
TEXT = "\n".join([TITLE, BODY, CAPTION, SIGNOFF])


def find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Start and end of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def span(needle: str, nth: int = 0, text: str = TEXT) -> Span:
    return Span(needle, *find(text, needle, nth))


def section(kind: SectionKind, needle: str) -> Section:
    return Section(kind, needle, *find(TEXT, needle))


def kyiv(nth: int) -> Place:
    return Place(
        "Kyiv", *find(TEXT, "Kyiv", nth), name="Kyiv", geonameid=703448, lat=50.4501,
        lon=30.5234, country_code="UA", kind="city", confidence=0.93,
    )  # fmt: skip


def _claim() -> Claim:
    text = "the attack was allegedly ordered by the enemy command, a shameful and cowardly act"
    cue = "According to the governor"
    attribution = Attribution("the governor", cue, *find(TEXT, cue))
    return Claim(
        text, *find(TEXT, text), attribution=attribution, hedged=True,
        hedge_cues=(span("allegedly"),), checkworthiness=0.81,
    )  # fmt: skip


def sample_analysis() -> Analysis:
    date = DateMention(
        "Monday, 25 September",
        *find(TEXT, "Monday, 25 September"),
        value="2017-09-25",
        end_value=None,
        granularity="day",
        inferred=True,
    )
    people = Quantity(
        "at least 12 people",
        *find(TEXT, "at least 12 people"),
        value=12,
        kind="people",
        noun="people",
        noun_start=find(TEXT, "people")[0],
        noun_end=find(TEXT, "people")[1],
        approximate=True,
    )
    money = Quantity(
        "$1.5 million", *find(TEXT, "$1.5 million"), value=1_500_000, kind="money", unit="USD"
    )
    lviv = Place(
        "Lviv",
        *find(TEXT, "Lviv"),
        name="Lviv",
        lat=49.8397,
        lon=24.0297,
        country_code="UA",
        kind="city",
        confidence=0.88,
    )
    event = Event(
        "attack",
        "drones struck a fuel depot in Kyiv",
        *find(TEXT, "drones struck a fuel depot in Kyiv"),
        mode="drone",
        actor=Actor("drones", *find(TEXT, "drones")),
        target=Actor("a fuel depot", *find(TEXT, "a fuel depot"), sector="energy"),
        count=people,
        place=kyiv(1),
        date=date,
        confidence=0.9,
    )
    techniques = (
        Technique(
            "loaded_language",
            "a shameful and cowardly act",
            *find(TEXT, "a shameful and cowardly act"),
            score=0.88,
        ),
        Technique(
            "bandwagon",
            "cowardly act that everyone knows",
            *find(TEXT, "cowardly act that everyone knows"),
            score=0.64,
        ),
    )
    return Analysis(
        article=Article(
            id="a1b2c3", text=TEXT, title=TITLE, url="https://example.org/news/1?a=1&b=2",
            outlet="Example News", author="Jane Doe", published=dt.date(2017, 9, 27),
            source="tests/sample.txt",
        ),
        pipeline=PIPELINE,
        sections=(section("title", TITLE), section("body", BODY), section("caption", CAPTION),
                  section("signoff", SIGNOFF)),
        byline=Byline(SIGNOFF, *find(TEXT, SIGNOFF), author=span("Jane Doe"),
                      outlet=span("Example News"), role="correspondent"),
        entities=(
            Entity("Kyiv", *find(TEXT, "Kyiv", 0), label="GPE"),
            Entity("Kyiv", *find(TEXT, "Kyiv", 1), label="GPE"),
            Entity("Lviv", *find(TEXT, "Lviv"), label="GPE"),
            Entity("The ministry", *find(TEXT, "The ministry"), label="ORG"),
        ),
        dates=(date,),
        quantities=(people, money),
        places=(kyiv(0), kyiv(1), kyiv(2), lviv),
        routes=(Route((kyiv(2), lviv), {"type": "LineString", "coordinates": []},
                      "from Kyiv to Lviv", *find(TEXT, "from Kyiv to Lviv")),),
        events=(event,),
        claims=(_claim(),),
        techniques=techniques,
        reliability=Reliability(0.42, "mixed", (
            Signal("anonymous_sourcing", 0.7, -0.4, (span("officials say"),), "unnamed officials"),
            Signal("loaded_language", 0.6, -0.3, (span("shameful and cowardly"),)),
        )),
    )  # fmt: skip


HOSTILE_TEXT = (
    "Breaking <script>alert(1)</script> news\n"
    'See <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">x</a> here.\n'
    "Then \"><svg onload=alert(1)> & more 'quoted' text &amp; entities.\r\n"
    "Last line."
)


def hostile_analysis() -> Analysis:
    text = HOSTILE_TEXT

    def at(needle: str) -> tuple[int, int]:
        return find(text, needle)

    payload = '"><svg onload=alert(1)>'
    return Analysis(
        article=Article(
            id='"><script>alert(1)</script>', text=text, title="<script>alert(1)</script>",
            url="javascript:alert(1)", outlet="<img src=x onerror=alert(1)>", author=payload,
            source='<a href="javascript:alert(1)">x</a>', language='en" onload="alert(1)',
        ),
        pipeline=PipelineInfo("<script>alert(1)</script>", payload, (payload,)),
        sections=(Section("caption", "Last line.", *at("Last line.")),),
        byline=Byline(payload, *at(payload), author=Span(payload, *at(payload))),
        entities=(
            Entity("<script>alert(1)</script>", *at("<script>alert(1)</script>"), label=payload),
            Entity("bad", -5, 3, label="ORG"),            # starts before the text
            Entity("bad", 30, 10, label="ORG"),           # inverted
            Entity("bad", len(text) - 3, len(text) + 50, label="ORG"),  # runs past the end
            Entity("bad", len(text) + 5, len(text) + 9, label="ORG"),   # wholly outside
        ),
        dates=(DateMention("x", *at("<img src=x onerror=alert(1)>"), value="<b>2017</b>",
                           end_value=payload, granularity="<i>day</i>"),),
        quantities=(Quantity("1", *at("alert(1)"), value=1, kind="count", unit=payload,
                             noun="<script>", per='"><svg onload=alert(1)>'),),
        places=(Place("x", *at('<a href="javascript:alert(1)">x</a>'), name=payload,
                      country_code="<script>", kind="city", lat=1.0, lon=2.0),),
        claims=(Claim(text, 0, len(text), attribution=Attribution(payload, payload, 0, 5),
                      hedge_cues=(Span("'quoted'", *at("'quoted'")),)),),
        techniques=(
            Technique("<script>alert(1)</script>", "x", *at("Breaking <script>"), score=0.5),
            Technique(payload, "x", *at("<script>alert(1)</script> news"), score=0.5),
        ),
        reliability=Reliability(0.1, "low", (
            Signal(payload, 1.0, 1.0, (Span("x", *at("onerror=alert(1)")),),
                   note="<img src=x onerror=alert(1)>"),
        )),
    )  # fmt: skip


def empty_analysis() -> Analysis:
    return Analysis(article=Article(id="empty", text=""), pipeline=PIPELINE)


@pytest.fixture
def sample() -> Analysis:
    return sample_analysis()


@pytest.fixture
def hostile() -> Analysis:
    return hostile_analysis()


@pytest.fixture
def empty() -> Analysis:
    return empty_analysis()


@pytest.fixture
def bare() -> Analysis:
    """Text but no items and no reliability."""
    return Analysis(article=Article(id="bare", text="Just some text.\nNothing found."),
                    pipeline=PIPELINE)  # fmt: skip
