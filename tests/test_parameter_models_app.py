"""Header, cookie and query parameter models through the whole stack, on asyncio and
trio (FASTAPI-FACTS 14): explicit aliases literal and case-insensitive in headers,
cookies case-sensitive, `extra="allow"` receiving undeclared keys, a required model
that receives none of its fields, several models on one location, an explicit
`Json` model in `Query()`, and the names the OpenAPI document gives them."""

from typing import Annotated, Any, Literal

import pytest
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, Json

from fastslim import Cookie, FastAPI, Header, Query
from fastslim.testclient import TestClient


class Aliased(BaseModel):
    p: str = Field(alias="p_alias")
    v: int = Field(0, validation_alias=AliasChoices("X-First", "x_second"))


class Allow(BaseModel):
    model_config = ConfigDict(extra="allow")
    session: str = "none"


class Defaults(BaseModel):
    term: str = "default"


class First(BaseModel):
    x_a: list[str] = []


class Second(BaseModel):
    x_a: str = "one"
    other: int = Field(0, alias="x_other")


class Filter(BaseModel):
    name: str


def make_app() -> FastAPI:
    app = FastAPI()

    @app.get("/aliased")
    def aliased(h: Annotated[Aliased, Header()]) -> dict[str, Any]:
        return {"p": h.p, "v": h.v}

    @app.get("/allow")
    def allow(c: Annotated[Allow, Cookie()]) -> dict[str, Any]:
        return c.model_dump()

    @app.get("/required")
    def required(f: Annotated[Defaults | None, Query()]) -> Any:
        return f

    @app.get("/two")
    def two(a: Annotated[First, Header()], b: Annotated[Second, Header()]) -> list[Any]:
        return [a.model_dump(), b.model_dump()]

    @app.get("/json")
    def json_model(f: Annotated[Json[Filter], Query()]) -> Filter:
        return f

    return app


@pytest.fixture(params=["asyncio", "trio"])
def client(request: pytest.FixtureRequest) -> TestClient:
    backend: Literal["asyncio", "trio"] = request.param
    return TestClient(make_app(), backend=backend)


def test_header_aliases_are_literal_and_case_insensitive(client: TestClient) -> None:
    assert client.get("/aliased", headers={"P_ALIAS": "x", "x_second": "2"}).json() == {
        "p": "x",
        "v": 2,
    }
    missing = client.get("/aliased", headers={"p-alias": "hyphenated"}).json()["detail"]
    assert [(error["type"], error["loc"]) for error in missing] == [
        ("missing", ["header", "p_alias"])
    ]
    invalid = client.get("/aliased", headers={"p_alias": "x", "X_SECOND": "z"}).json()
    assert invalid["detail"][0]["loc"] == ["header", "x_second"]


def test_cookies_are_case_sensitive_and_allow_receives_the_others(client: TestClient) -> None:
    response = client.get("/allow", headers={"cookie": "Session=upper; session=s; theme=dark"})
    assert response.json() == {"session": "s", "Session": "upper", "theme": "dark"}


def test_a_required_model_without_any_of_its_fields_fails_as_a_whole(
    client: TestClient,
) -> None:
    assert client.get("/required?other=1").json() == {
        "detail": [{"type": "missing", "loc": ["query"], "msg": "Field required", "input": None}]
    }
    assert client.get("/required?term=").json() == {"term": ""}


def test_several_models_on_one_location_keep_their_own_shapes(client: TestClient) -> None:
    headers = [("x-a", "1"), ("x-a", "2"), ("x_other", "5")]
    assert client.get("/two", headers=headers).json() == [
        {"x_a": ["1", "2"]},
        {"x_a": "1", "other": 5},
    ]


def test_an_explicit_json_model_stays_one_parameter(client: TestClient) -> None:
    assert client.get("/json", params={"f": '{"name": "n"}'}).json() == {"name": "n"}
    errors = client.get("/json", params={"f": "{}"}).json()["detail"]
    assert [error["loc"] for error in errors] == [["query", "f", "name"]]


def test_the_document_names_each_field_as_it_is_read(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]

    def names(path: str) -> list[tuple[str, str, bool]]:
        return [
            (p["name"], p["schema"]["title"], p["required"])
            for p in paths[path]["get"]["parameters"]
        ]

    assert names("/aliased") == [("p_alias", "P Alias", True), ("X-First", "X-First", False)]
    assert names("/json") == [("f", "F", True)]
    # Two models reading one key: documented once, as FastAPI's document.
    assert names("/two") == [("x-a", "X A", False), ("x_other", "X Other", False)]
