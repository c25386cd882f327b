"""Header and cookie parameter models (FASTAPI-FACTS 14): explicit aliases taken
literally and matched case-insensitively in headers; cookie names case-sensitive;
`extra="allow"` receiving every undeclared header or cookie; a required model that
receives none of its fields; several models on one location; an explicit `Json`
model in `Query()`."""

from typing import Annotated

from fastapi import Cookie, FastAPI, Header, Query
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, Json


class Plain(BaseModel):
    save_data: bool = False
    x_tag: list[str] = []


class Aliased(BaseModel):
    p: str = Field(alias="p_alias")


class ValidationAliased(BaseModel):
    p: str = Field(validation_alias="p_val_alias")


class BothAliases(BaseModel):
    p: str = Field(alias="p_alias", validation_alias="p_val_alias")


class SerializationAliased(BaseModel):
    p_name: str = Field(serialization_alias="p_ser")


class Choices(BaseModel):
    token: str = Field(validation_alias=AliasChoices("X-First", "x_second"))
    items: list[str] = Field([], validation_alias=AliasChoices("ITEM_VALUES", "x-item"))


class AllowHeaders(BaseModel):
    model_config = ConfigDict(extra="allow")
    x_known: str = "k"


class AllowCookies(BaseModel):
    model_config = ConfigDict(extra="allow")
    session: str = "none"


class CaseCookies(BaseModel):
    Session: str = "upper"
    session: str = "lower"


class Defaults(BaseModel):
    term: str = "default"


class First(BaseModel):
    x_a: list[str] = []
    shared: str = Field("s", alias="X-Shared")


class Second(BaseModel):
    x_a: str = "one"
    other: int = Field(0, alias="x_other")


class Filter(BaseModel):
    name: str
    size: int = 1


class ForbidHeaders(BaseModel):
    model_config = ConfigDict(extra="forbid")
    x_known: str = "k"


class AllowQuery(BaseModel):
    model_config = ConfigDict(extra="allow")
    term: str


class ForbidQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    term: str = "default"


app = FastAPI()


@app.get("/plain")
def plain(h: Annotated[Plain, Header()]) -> Plain:
    return h


@app.get("/aliased")
def aliased(h: Annotated[Aliased, Header()]) -> dict[str, str]:
    return {"p": h.p}


@app.get("/validation-aliased")
def validation_aliased(h: Annotated[ValidationAliased, Header()]) -> dict[str, str]:
    return {"p": h.p}


@app.get("/both-aliases")
def both_aliases(h: Annotated[BothAliases, Header()]) -> dict[str, str]:
    return {"p": h.p}


@app.get("/serialization-aliased")
def serialization_aliased(h: Annotated[SerializationAliased, Header()]) -> dict[str, str]:
    return {"p": h.p_name}


@app.get("/choices")
def choices(h: Annotated[Choices, Header()]) -> dict[str, object]:
    return {"token": h.token, "items": h.items}


@app.get("/no-convert")
def no_convert(h: Annotated[Plain, Header(convert_underscores=False)]) -> Plain:
    return h


@app.get("/allow-headers")
def allow_headers(h: Annotated[AllowHeaders, Header()]) -> dict[str, object]:
    return h.model_dump()


@app.get("/allow-cookies")
def allow_cookies(c: Annotated[AllowCookies, Cookie()]) -> dict[str, object]:
    return c.model_dump()


@app.get("/cookie-aliased")
def cookie_aliased(c: Annotated[BothAliases, Cookie()]) -> dict[str, str]:
    return {"p": c.p}


@app.get("/case-cookies")
def case_cookies(c: Annotated[CaseCookies, Cookie()]) -> CaseCookies:
    return c


@app.get("/required-query")
def required_query(f: Annotated[Defaults | None, Query()]) -> object:
    return f


@app.get("/required-header")
def required_header(f: Annotated[Defaults | None, Header()]) -> object:
    return f


@app.get("/required-cookie")
def required_cookie(f: Annotated[Defaults | None, Cookie()]) -> object:
    return f


@app.get("/plain-defaults")
def plain_defaults(
    q: Annotated[Defaults, Query()], h: Annotated[Defaults, Header()]
) -> dict[str, object]:
    return {"q": q, "h": h}


@app.get("/two-header-models")
def two_header_models(
    first: Annotated[First, Header()], second: Annotated[Second, Header()]
) -> dict[str, object]:
    return {"first": first.model_dump(), "second": second.model_dump()}


@app.get("/json-model")
def json_model(f: Annotated[Json[Filter], Query()]) -> Filter:
    return f


@app.get("/json-list")
def json_list(tags: Annotated[Json[list[str]], Query()] = None) -> object:  # type: ignore[assignment]
    return tags


@app.get("/optional-forbid-headers")
def optional_forbid_headers(h: Annotated[ForbidHeaders | None, Header()] = None) -> object:
    return h


@app.get("/optional-allow-query")
def optional_allow_query(f: Annotated[AllowQuery | None, Query()] = None) -> object:
    return f


@app.get("/optional-forbid-query")
def optional_forbid_query(
    f: Annotated[ForbidQuery | None, Query()] = None, limit: int = 10
) -> object:
    return {"f": f, "limit": limit}


@app.get("/optional-allow-cookies")
def optional_allow_cookies(c: Annotated[AllowCookies | None, Cookie()] = None) -> object:
    return c


CASES = [
    ("openapi", "GET", "/openapi.json"),
    ("plain-none", "GET", "/plain"),
    (
        "plain-converted",
        "GET",
        "/plain",
        {"headers": [("save-data", "true"), ("x-tag", "a"), ("x-tag", "b")]},
    ),
    ("plain-underscored", "GET", "/plain", {"headers": {"save_data": "true", "x_tag": "c"}}),
    ("aliased-missing", "GET", "/aliased"),
    ("aliased-literal", "GET", "/aliased", {"headers": {"p_alias": "hello"}}),
    ("aliased-upper", "GET", "/aliased", {"headers": {"P_ALIAS": "hello"}}),
    ("aliased-hyphen", "GET", "/aliased", {"headers": {"p-alias": "hello"}}),
    ("aliased-by-name", "GET", "/aliased", {"headers": {"p": "hello"}}),
    ("validation-missing", "GET", "/validation-aliased"),
    ("validation-literal", "GET", "/validation-aliased", {"headers": {"P_Val_Alias": "v"}}),
    ("validation-by-name", "GET", "/validation-aliased", {"headers": {"p": "v"}}),
    ("both-by-alias", "GET", "/both-aliases", {"headers": {"p_alias": "v"}}),
    ("both-by-validation-alias", "GET", "/both-aliases", {"headers": {"p_val_alias": "v"}}),
    ("serialization-by-name", "GET", "/serialization-aliased", {"headers": {"p-name": "v"}}),
    ("serialization-by-ser", "GET", "/serialization-aliased", {"headers": {"p_ser": "v"}}),
    ("choices-first", "GET", "/choices", {"headers": {"x-first": "1", "X_SECOND": "2"}}),
    ("choices-second", "GET", "/choices", {"headers": {"X_SECOND": "2"}}),
    (
        "choices-items",
        "GET",
        "/choices",
        {"headers": [("x-first", "1"), ("item_values", "a"), ("ITEM_VALUES", "b")]},
    ),
    ("choices-missing", "GET", "/choices"),
    ("no-convert", "GET", "/no-convert", {"headers": {"save_data": "true", "x-tag": "d"}}),
    (
        "allow-headers",
        "GET",
        "/allow-headers",
        {"headers": {"x-known": "K", "x-extra": "e", "X_Under": "u"}},
    ),
    (
        "allow-cookies",
        "GET",
        "/allow-cookies",
        {"cookies": {"session": "s", "Theme": "dark", "b": "2"}},
    ),
    ("cookie-aliased-alias", "GET", "/cookie-aliased", {"cookies": {"p_alias": "x"}}),
    ("cookie-aliased-validation", "GET", "/cookie-aliased", {"cookies": {"p_val_alias": "x"}}),
    ("cookie-aliased-upper", "GET", "/cookie-aliased", {"cookies": {"P_VAL_ALIAS": "x"}}),
    ("case-cookies", "GET", "/case-cookies", {"cookies": {"Session": "A", "session": "b"}}),
    ("case-cookies-lower", "GET", "/case-cookies", {"cookies": {"session": "b"}}),
    ("required-query-none", "GET", "/required-query"),
    ("required-query-empty", "GET", "/required-query?term="),
    ("required-query-other", "GET", "/required-query?other=1"),
    ("required-header-none", "GET", "/required-header"),
    ("required-header-term", "GET", "/required-header", {"headers": {"term": "t"}}),
    ("required-cookie-none", "GET", "/required-cookie"),
    ("required-cookie-term", "GET", "/required-cookie", {"cookies": {"term": "t"}}),
    ("plain-defaults", "GET", "/plain-defaults"),
    ("two-models-none", "GET", "/two-header-models"),
    (
        "two-models",
        "GET",
        "/two-header-models",
        {"headers": [("x-a", "1"), ("x-a", "2"), ("x-shared", "S"), ("x_other", "5")]},
    ),
    ("two-models-invalid", "GET", "/two-header-models", {"headers": {"x_other": "z"}}),
    ("json-model", "GET", "/json-model", {"params": {"f": '{"name": "n", "size": 2}'}}),
    ("json-model-invalid", "GET", "/json-model", {"params": {"f": '{"size": "x"}'}}),
    ("json-model-not-json", "GET", "/json-model?f=nope"),
    ("json-model-missing", "GET", "/json-model"),
    ("optional-forbid-headers", "GET", "/optional-forbid-headers"),
    ("optional-allow-query-none", "GET", "/optional-allow-query"),
    ("optional-allow-query-unknown", "GET", "/optional-allow-query?unknown=v"),
    ("optional-allow-query-term", "GET", "/optional-allow-query?term=s&unknown=v"),
    ("optional-forbid-query-none", "GET", "/optional-forbid-query"),
    ("optional-forbid-query-sibling", "GET", "/optional-forbid-query?limit=5"),
    ("optional-allow-cookies-none", "GET", "/optional-allow-cookies"),
    ("optional-allow-cookies-other", "GET", "/optional-allow-cookies", {"cookies": {"x": "1"}}),
    ("json-list", "GET", "/json-list", {"params": {"tags": '["a", "b"]'}}),
]
