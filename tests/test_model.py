"""The output contract: round trips and the shipped JSON Schema."""

from __future__ import annotations

import datetime as dt

import jsonschema
import pytest

from newsint.model import (
    Analysis,
    Article,
    Attribution,
    Claim,
    DateMention,
    Event,
    PipelineInfo,
    Place,
    Quantity,
    Reliability,
    Route,
    Signal,
    Span,
    Technique,
)
from newsint.schema import analysis_schema, validate_analysis

TEXT = "Police detained 3 men in Gaziantep on March 14, officials said."


def at(part: str) -> tuple[str, int, int]:
    start = TEXT.index(part)
    return part, start, start + len(part)


def full_analysis() -> Analysis:
    place = Place(*at("Gaziantep"), "Gaziantep", 314830, 37.06, 37.38, "TR", "city", 0.9)
    date = DateMention(*at("March 14"), "2019-03-14", None, "day")
    count = Quantity(*at("3"), 3.0, "people", None, "men", *at("men")[1:])
    return Analysis(
        article=Article("abc", TEXT, published=dt.date(2019, 3, 20)),
        pipeline=PipelineInfo("0", "m", ("a",)),
        dates=(date,),
        quantities=(count,),
        places=(place,),
        events=(
            Event(
                "COERCE",
                *at("Police detained 3 men"),
                mode="arrest",
                count=count,
                place=place,
                date=date,
                confidence=0.8,
            ),
        ),
        routes=(
            Route(
                (place, place),
                {"type": "LineString", "coordinates": [[37.38, 37.06]] * 2},
                *at("Gaziantep"),
            ),
        ),
        claims=(
            Claim(
                *at(TEXT),
                Attribution("officials", *at("officials said")),
                hedge_cues=(Span(*at("said")),),
                checkworthiness=0.7,
            ),
        ),
        techniques=(Technique("Loaded_Language", *at("detained"), 0.5),),
        reliability=Reliability(0.3, "low", (Signal("outlet", 0.2, 0.5, (Span(*at("Police")),)),)),
    )


def test_round_trip_and_schema() -> None:
    analysis = full_analysis()
    data = analysis.to_dict()
    validate_analysis(data)
    assert Analysis.from_dict(data) == analysis
    assert data["article"]["published"] == "2019-03-20"


def test_schema_rejects_broken_output() -> None:
    data = full_analysis().to_dict()
    data["dates"][0]["value"] = "14 March"
    with pytest.raises(jsonschema.ValidationError):
        validate_analysis(data)
    data = full_analysis().to_dict()
    data["places"][0]["start"] += 1
    with pytest.raises(ValueError, match="places"):
        validate_analysis(data)
    data = full_analysis().to_dict()
    del data["reliability"]
    with pytest.raises(jsonschema.ValidationError):
        validate_analysis(data)


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(analysis_schema())


def test_dataclasses_are_frozen() -> None:
    with pytest.raises(AttributeError):
        full_analysis().article.title = "x"  # type: ignore[misc]
