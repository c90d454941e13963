"""The API describes itself: the OpenAPI schema and the docs page."""

from __future__ import annotations

import pytest

from tend.checkins.models import Feeling
from tend.lib.limits import ANSWER_TEXT, SHORT_TEXT

OPENAPI = "/api/v1/openapi.json"


@pytest.fixture
def schema(client, db) -> dict:
    r = client.get(OPENAPI)
    assert r.status_code == 200
    return r.json()


def component(schema: dict, name: str) -> dict:
    return schema["components"]["schemas"][name]


class TestOpenApi:
    def test_it_lists_every_area_as_a_tag(self, schema):
        tags = {
            tag for path in schema["paths"].values() for op in path.values() for tag in op["tags"]
        }
        assert tags == {
            "accounts",
            "pairs",
            "checkins",
            "conversation",
            "appreciation",
            "coach",
            "privacy",
        }

    def test_it_names_objects_by_code_never_by_id(self, schema):
        for path in schema["paths"]:
            assert "{id}" not in path and "{pk}" not in path

    def test_it_states_the_text_limits(self, schema):
        daily = component(schema, "DailyIn")["properties"]
        for name in ("win", "challenge", "carrying", "support"):
            assert daily[name]["maxLength"] == ANSWER_TEXT
        assert component(schema, "PairIn")["properties"]["name"]["maxLength"] == SHORT_TEXT
        assert component(schema, "TokenIn")["properties"]["name"]["maxLength"] == SHORT_TEXT

    def test_it_states_the_scales_and_word_lists(self, schema):
        assert component(schema, "Mood")["enum"] == [1, 2, 3, 4, 5]
        assert component(schema, "Feeling")["enum"] == [f.value for f in Feeling]
        assert component(schema, "Visibility")["enum"] == ["private", "shared"]
        assert component(schema, "WeeklyIn")["properties"]["closeness"]["enum"] == list(
            range(1, 11)
        )
        hour = component(schema, "ProfilePatch")["properties"]["reminder_hour"]
        assert (hour["minimum"], hour["maximum"]) == (0, 23)

    def test_it_refuses_extra_fields_in_writes(self, schema):
        for name in ("DailyIn", "WeeklyIn", "PairIn", "ProfilePatch", "DeleteAccountIn"):
            assert component(schema, name)["additionalProperties"] is False

    def test_it_documents_both_ways_to_sign_in(self, schema):
        schemes = schema["components"]["securitySchemes"]
        assert {s["type"] for s in schemes.values()} == {"http", "apiKey"}


@pytest.mark.django_db
def test_the_docs_page_loads_from_our_own_static_files(client):
    r = client.get("/api/v1/docs")
    assert r.status_code == 200
    html = r.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn." not in html
    assert "/api/v1/openapi.json" in html


def test_the_conversation_limits_are_stated(schema):
    from tend.lib.limits import ANSWER_TEXT, PROMPT_TEXT, REPLY_TEXT

    assert component(schema, "AnswerIn")["properties"]["text"]["maxLength"] == ANSWER_TEXT
    assert component(schema, "ReplyIn")["properties"]["text"]["maxLength"] == REPLY_TEXT
    assert component(schema, "OwnPromptIn")["properties"]["text"]["maxLength"] == PROMPT_TEXT
