"""The OpenAPI document, its route and the docs pages, through the app and the client."""

import subprocess
import sys
from collections.abc import Callable
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, computed_field

from fastslim_routing import APIRouter, Body, Depends, FastAPI, Query, Security
from fastslim_routing.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastslim_routing.openapi.utils import get_openapi
from fastslim_routing.security import HTTPBearer, OAuth2PasswordBearer
from fastslim_testclient import TestClient

Client = Callable[..., TestClient]


class Item(BaseModel):
    name: str
    price: float = 1.0


class Priced(BaseModel):
    price: float

    @computed_field  # type: ignore[prop-decorator]
    @property
    def doubled(self) -> float:
        return self.price * 2


def _app(**options: Any) -> FastAPI:
    app = FastAPI(title="Shop", version="2.0", **options)

    @app.get("/items/{item_id}", tags=["items"])
    def read_item(item_id: int, q: Annotated[str | None, Query(max_length=3)] = None) -> Item:
        """Read one item.

        More text.
        \f
        Hidden from the document.
        """
        return Item(name="a")

    @app.post("/items", status_code=201, responses={404: {"model": Item, "description": "Gone"}})
    def create(item: Item, note: Annotated[str, Body()] = "") -> Priced:
        return Priced(price=item.price)

    return app


def test_document_operations_and_components() -> None:
    document = _app().openapi()
    assert document["openapi"] == "3.1.0"
    assert document["info"] == {"title": "Shop", "version": "2.0"}
    read = document["paths"]["/items/{item_id}"]["get"]
    assert read["summary"] == "Read Item"
    assert read["description"] == "Read one item.\n\nMore text."
    assert read["operationId"] == "read_item_items__item_id__get"
    assert read["tags"] == ["items"]
    assert read["parameters"] == [
        {
            "name": "item_id",
            "in": "path",
            "required": True,
            "schema": {"type": "integer", "title": "Item Id"},
        },
        {
            "name": "q",
            "in": "query",
            "required": False,
            "schema": {
                "anyOf": [{"type": "string", "maxLength": 3}, {"type": "null"}],
                "title": "Q",
            },
        },
    ]
    assert read["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Item"
    }
    assert read["responses"]["422"]["description"] == "Validation Error"
    create = document["paths"]["/items"]["post"]
    assert create["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Body_create_items_post"
    }
    assert set(create["responses"]) == {"201", "404", "422"}
    assert create["responses"]["404"]["description"] == "Gone"
    schemas = document["components"]["schemas"]
    assert sorted(schemas) == [
        "Body_create_items_post",
        "HTTPValidationError",
        "Item",
        "Priced",
        "ValidationError",
    ]
    assert schemas["Priced"]["properties"]["doubled"]["readOnly"] is True
    assert schemas["ValidationError"]["properties"]["ctx"] == {"title": "Context", "type": "object"}
    assert schemas["Body_create_items_post"]["properties"]["note"] == {
        "type": "string",
        "title": "Note",
        "default": "",
    }


def test_document_is_cached_and_refreshed_when_routes_change() -> None:
    app = _app()
    first = app.openapi()
    assert app.openapi() is first
    router = APIRouter()

    @router.get("/late")
    def late() -> None:
        return None

    app.include_router(router, prefix="/r")
    assert "/r/late" in app.openapi()["paths"]


def test_served_document_docs_pages_and_root_path(client_for: Client) -> None:
    client = client_for(_app(), root_path="/proxy")
    document = client.get("/openapi.json").json()
    assert document["servers"] == [{"url": "/proxy"}]
    docs = client.get("/docs")
    assert docs.headers["content-type"] == "text/html; charset=utf-8"
    assert "url: '/proxy/openapi.json'" in docs.text
    assert "oauth2RedirectUrl: window.location.origin + '/proxy/docs/oauth2-redirect'" in docs.text
    assert "Swagger UI: OAuth2 Redirect" in client.get("/docs/oauth2-redirect").text
    assert '<redoc spec-url="/proxy/openapi.json"></redoc>' in client.get("/redoc").text


def test_openapi_url_none_turns_everything_off(client_for: Client) -> None:
    client = client_for(_app(openapi_url=None))
    assert [client.get(path).status_code for path in ("/openapi.json", "/docs", "/redoc")] == [
        404,
        404,
        404,
    ]


def test_security_schemes_and_requirements() -> None:
    app = FastAPI()
    oauth = OAuth2PasswordBearer(tokenUrl="token", scopes={"me": "Me"})

    def user(token: Annotated[str, Depends(oauth)]) -> str:
        return token

    @app.get("/me", dependencies=[Depends(HTTPBearer())])
    def me(name: Annotated[str, Security(user, scopes=["me"])]) -> str:
        return name

    document = app.openapi()
    assert document["paths"]["/me"]["get"]["security"] == [
        {"HTTPBearer": []},
        {"OAuth2PasswordBearer": ["me"]},
    ]
    assert document["components"]["securitySchemes"] == {
        "HTTPBearer": {"type": "http", "scheme": "bearer"},
        "OAuth2PasswordBearer": {
            "type": "oauth2",
            "flows": {"password": {"scopes": {"me": "Me"}, "tokenUrl": "token"}},
        },
    }


def test_get_openapi_override_pattern() -> None:
    app = _app()

    def custom_openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        document = get_openapi(title="Custom", version="9", routes=app.routes)
        document["info"]["x-logo"] = {"url": "logo.png"}
        app.openapi_schema = document
        return document

    app.openapi = custom_openapi  # type: ignore[method-assign]
    assert app.openapi()["info"]["x-logo"] == {"url": "logo.png"}
    assert "/items" in app.openapi()["paths"]


def test_include_in_schema_and_duplicate_operation_ids() -> None:
    app = FastAPI()

    @app.get("/hidden", include_in_schema=False)
    def hidden() -> None:
        return None

    @app.get("/a", operation_id="same")
    def a() -> None:
        return None

    @app.get("/b", operation_id="same")
    def b() -> None:
        return None

    with pytest.warns(UserWarning, match="Duplicate Operation ID same for function b"):
        document = app.openapi()
    assert set(document["paths"]) == {"/a", "/b"}


def test_docs_html_escapes_values() -> None:
    page = bytes(get_swagger_ui_html(openapi_url="/o'</script>", title="<b>T</b>").body).decode()
    assert "<title>&lt;b&gt;T&lt;/b&gt;</title>" in page
    assert "</script>'" not in page
    redoc = bytes(
        get_redoc_html(openapi_url='/o"x', title="T", with_google_fonts=False).body
    ).decode()
    assert 'spec-url="/o&quot;x"' in redoc
    assert "fonts.googleapis" not in redoc


def test_import_stays_light() -> None:
    code = (
        "import sys, fastslim_routing;"
        "print(any(m.startswith('fastslim_routing.openapi.') and m != "
        "'fastslim_routing.openapi._setup' for m in sys.modules))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "False"


def test_get_openapi_of_route_contexts() -> None:
    from fastslim_routing.routing import iter_route_contexts

    app = FastAPI()
    router = APIRouter(prefix="/r")

    @router.get("/items/{item_id}")
    def item(item_id: int) -> int:
        return item_id

    app.include_router(router, prefix="/api")
    document = get_openapi(title="T", version="1", routes=list(iter_route_contexts(app.routes)))
    operation = document["paths"]["/api/r/items/{item_id}"]["get"]
    assert operation["operationId"] == "item_api_r_items__item_id__get"
    assert document == app.openapi() | {"info": {"title": "T", "version": "1"}}


def test_callbacks_and_webhooks() -> None:
    app = FastAPI()
    callbacks = APIRouter()

    @callbacks.post("{$callback_url}/events")
    def event(body: Item) -> None:
        return None

    @app.post("/subscribe", callbacks=callbacks.routes)
    def subscribe(url: str) -> str:
        return url

    @app.webhooks.post("new-item")
    def new_item(body: Item) -> None:
        return None

    document = app.openapi()
    callback = document["paths"]["/subscribe"]["post"]["callbacks"]["event"]
    assert list(callback) == ["{$callback_url}/events"]
    assert callback["{$callback_url}/events"]["post"]["operationId"] == (
        "event__callback_url__events_post"
    )
    assert document["webhooks"]["new-item"]["post"]["requestBody"]["content"] == {
        "application/json": {"schema": {"$ref": "#/components/schemas/Item"}}
    }


def test_form_bodies_and_files() -> None:
    from fastslim_routing import File, Form, UploadFile

    app = FastAPI()

    @app.post("/login")
    def login(name: Annotated[str, Form()], age: Annotated[int, Form()] = 1) -> str:
        return name

    @app.post("/upload")
    def upload(file: UploadFile, note: Annotated[str, Form()] = "") -> str:
        return note

    @app.post("/raw")
    def raw(data: Annotated[bytes, File()]) -> int:
        return len(data)

    document = app.openapi()
    login_body = document["paths"]["/login"]["post"]["requestBody"]
    assert login_body == {
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {"$ref": "#/components/schemas/Body_login_login_post"}
            }
        },
        "required": True,
    }
    upload_media = document["paths"]["/upload"]["post"]["requestBody"]["content"]
    assert list(upload_media) == ["multipart/form-data"]
    schemas = document["components"]["schemas"]
    assert schemas["Body_upload_upload_post"]["properties"]["file"] == {
        "type": "string",
        "contentMediaType": "application/octet-stream",
        "title": "File",
    }
    assert schemas["Body_raw_raw_post"]["required"] == ["data"]


def test_streaming_item_schemas() -> None:
    from collections.abc import AsyncIterator, Iterator

    from fastslim_routing.sse import EventSourceResponse

    app = FastAPI()

    @app.get("/lines")
    def lines() -> Iterator[Item]:
        yield Item(name="a")

    @app.get("/events", response_class=EventSourceResponse)
    async def events() -> AsyncIterator[Item]:
        yield Item(name="a")

    @app.get("/untyped")
    def untyped():  # type: ignore[no-untyped-def]
        yield 1

    paths = app.openapi()["paths"]
    content = paths["/lines"]["get"]["responses"]["200"]["content"]
    assert content == {"application/jsonl": {"itemSchema": {"$ref": "#/components/schemas/Item"}}}
    event = paths["/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]
    assert event["itemSchema"]["required"] == ["data"]
    assert event["itemSchema"]["properties"]["data"]["contentSchema"] == {
        "$ref": "#/components/schemas/Item"
    }
    untyped_content = paths["/untyped"]["get"]["responses"]["200"]["content"]
    assert untyped_content == {"application/jsonl": {"itemSchema": {}}}


def test_separate_input_output_schemas_off_keeps_computed_fields_apart() -> None:
    def build(separate: bool) -> set[str]:
        app = FastAPI(separate_input_output_schemas=separate)

        @app.post("/priced")
        def priced(value: Priced) -> Priced:
            return value

        @app.post("/item")
        def item(value: Item) -> Item:
            return value

        return set(app.openapi()["components"]["schemas"])

    expected = {"Item", "Priced-Input", "Priced-Output", "HTTPValidationError", "ValidationError"}
    assert build(True) == expected
    assert build(False) == expected


def test_unique_id_function_of_an_inclusion_sees_the_full_path() -> None:
    app = FastAPI()
    router = APIRouter(prefix="/r", tags=["things"])

    @router.get("/x")
    def x() -> str:
        return "x"

    app.include_router(
        router, prefix="/api", generate_unique_id_function=lambda r: f"{r.tags[0]}{r.path}"
    )
    assert app.openapi()["paths"]["/api/r/x"]["get"]["operationId"] == "things/api/r/x"


def test_operation_helpers_of_utils() -> None:
    from fastslim_routing.exceptions import FastAPIDeprecationWarning
    from fastslim_routing.openapi.utils import (
        generate_operation_id,
        generate_operation_summary,
        get_openapi_operation_metadata,
    )
    from fastslim_routing.routing import APIRoute

    app = FastAPI()

    @app.get("/a/{x}", tags=["t"], deprecated=True, description="d")
    def read_a(x: int) -> int:
        return x

    route = next(r for r in app.routes if isinstance(r, APIRoute))
    assert generate_operation_summary(route=route, method="GET") == "Read A"
    ids: set[str] = set()
    assert get_openapi_operation_metadata(route=route, method="GET", operation_ids=ids) == {
        "tags": ["t"],
        "summary": "Read A",
        "description": "d",
        "operationId": "read_a_a__x__get",
        "deprecated": True,
    }
    assert ids == {"read_a_a__x__get"}
    with pytest.warns(FastAPIDeprecationWarning, match="generate_operation_id"):
        assert generate_operation_id(route=route, method="GET") == "read_a_a__x__get"


U = "application/x-www-form-urlencoded"
C = U + "; charset=utf-8"
M = "multipart/form-data"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [(U, C, U), (C, C, C), ("text/plain", "text/plain", "text/plain"), (C, M, M), (C, None, C)],
)
def test_a_form_bodys_media_type(first: str, second: str | None, expected: str) -> None:
    # FastAPI 0.165 (observed): multipart when a field declares it or is a file, else the
    # one media type all form fields declare, else the urlencoded default.
    from fastslim_routing import Form

    app = FastAPI()
    if second is None:

        @app.post("/")
        def one(a: Annotated[str, Form(media_type=first)]) -> None:
            return None  # pragma: no cover

    else:

        @app.post("/")
        def two(
            a: Annotated[str, Form(media_type=first)], b: Annotated[str, Form(media_type=second)]
        ) -> None:
            return None  # pragma: no cover

    assert list(app.openapi()["paths"]["/"]["post"]["requestBody"]["content"]) == [expected]
