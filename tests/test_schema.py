"""The committed JSON Schema equals the one generated from the record types."""
import json
from importlib import resources

import zjnews_extract


def test_committed_schema_equals_generated():
    committed = json.loads(resources.files("zjnews_extract").joinpath("data/schema.json").read_text("utf-8"))
    assert committed == zjnews_extract.json_schema(), (
        "data/schema.json is stale: regenerate it with `zjnews-extract schema > src/zjnews_extract/data/schema.json`")


def test_document_to_dict_has_every_key():
    doc = zjnews_extract.Document(text="x")
    data = doc.to_dict()
    assert data["title"] is None and data["facts"] == [] and data["published"] is None
    schema = zjnews_extract.json_schema()
    props = schema["$defs"]["Document"]["properties"]
    assert set(props) == set(data)


def test_fact_keys_follow_the_guidelines():
    schema = zjnews_extract.json_schema()
    fact = schema["$defs"]["Fact"]["properties"]
    for key in ("text", "kind", "value", "unit", "metric", "subject", "period", "status", "qualifier", "versus",
                "id", "start", "end", "sentence"):
        assert key in fact
