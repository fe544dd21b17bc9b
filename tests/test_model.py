"""The output contract: round trips and the shipped JSON Schema."""

from __future__ import annotations

import datetime as dt

import jsonschema
import pytest

from newsint.model import (
    Analysis, Article, Attribution, Claim, DateMention, Event, PipelineInfo, Place,
    Quantity, Reliability, Route, Signal, Span, Technique,
)
from newsint.schema import analysis_schema, validate_analysis

TEXT = "Police detained 3 men in Gaziantep on March 14, officials said."


def full_analysis() -> Analysis:
    place = Place("Gaziantep", 23, 32, "Gaziantep", 314830, 37.06, 37.38, "TR", "city", 0.9)
    date = DateMention("March 14", 36, 44, "2019-03-14", None, "day")
    count = Quantity("3", 16, 17, 3.0, "people", None, "men", 18, 21)
    return Analysis(
        article=Article("abc", TEXT, published=dt.date(2019, 3, 20)),
        pipeline=PipelineInfo("0", "m", ("a",)),
        dates=(date,), quantities=(count,), places=(place,),
        events=(Event("COERCE", "Police detained 3 men", 0, 21, mode="arrest", count=count,
                      place=place, date=date, confidence=0.8),),
        routes=(Route((place, place), {"type": "LineString", "coordinates": [[37.38, 37.06]] * 2},
                      "Gaziantep", 23, 32),),
        claims=(Claim(TEXT, 0, len(TEXT), Attribution("officials", "officials said", 48, 62),
                      hedge_cues=(Span("said", 58, 62),), checkworthiness=0.7),),
        techniques=(Technique("Loaded_Language", "detained", 7, 15, 0.5),),
        reliability=Reliability(0.3, "low", (Signal("outlet", 0.2, 0.5, (Span("Police", 0, 6),)),)),
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
    data["places"][0]["start"] = 24
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
