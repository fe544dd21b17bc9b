from __future__ import annotations

import io
import json

from newsint.export.geojson import GeoJSONWriter, features, to_geojson
from newsint.model import Analysis


def test_features_of_a_full_analysis(sample: Analysis) -> None:
    collection = to_geojson([sample])
    assert collection["type"] == "FeatureCollection"
    kinds = [f["properties"]["feature"] for f in collection["features"]]
    located = [p for p in sample.places if p.lat is not None]
    assert kinds.count("place") == len(located)
    drawable = [r for r in sample.routes if len(r.geometry["coordinates"]) >= 2]
    assert kinds.count("route") == len(drawable)
    for feature in collection["features"]:
        props = feature["properties"]
        assert props["article_id"] == sample.article.id
        assert sample.article.text[props["start"] : props["end"]] == props["text"]
        if feature["geometry"]["type"] == "Point":
            lon, lat = feature["geometry"]["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_streaming_writer_matches_collection(sample: Analysis, empty: Analysis) -> None:
    stream = io.StringIO()
    writer = GeoJSONWriter(stream)
    for analysis in (sample, empty, sample):
        writer.add(analysis)
    writer.close()
    data = json.loads(stream.getvalue())
    assert data == to_geojson([sample, empty, sample])
    assert list(features(empty)) == []
