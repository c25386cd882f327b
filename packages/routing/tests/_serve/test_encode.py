"""`_encode`: the response serializer (FASTAPI-FACTS section 8)."""

from typing import Any

import pytest
from pydantic import BaseModel
from starlette.responses import HTMLResponse, JSONResponse, Response

from fastslim_routing._serve._encode import DumpOptions, ResponseEncoder, body_allowed


class Item(BaseModel):
    name: str
    price: float = 1.0
    note: str | None = None


class Sub(Item):
    secret: str = "s"


class Invalid(Exception):
    pass


def encoder(
    response_type: Any = Item,
    *,
    has_field: bool = True,
    response_class: type[Response] = JSONResponse,
    class_is_default: bool = True,
    status_code: int | None = None,
    options: DumpOptions | None = None,
) -> ResponseEncoder:
    return ResponseEncoder(
        response_type,
        has_field=has_field,
        response_class=response_class,
        class_is_default=class_is_default,
        status_code=status_code,
        options=options or DumpOptions(),
        validation_error=lambda errors, value: Invalid(errors),
    )


def test_fast_path_validates_filters_and_dumps_json() -> None:
    response = encoder()(Sub(name="a"), None)
    assert type(response) is Response
    assert (response.body, response.media_type) == (
        b'{"name":"a","price":1.0,"note":null}',
        "application/json",
    )
    options = DumpOptions(exclude_unset=True)
    assert encoder(options=options)({"name": "b"}, None).body == b'{"name":"b"}'


def test_invalid_values_raise_with_response_locations() -> None:
    with pytest.raises(Invalid) as caught:
        encoder()({"price": "x"}, None)
    errors = caught.value.args[0]
    assert [error["loc"] for error in errors] == [("response", "name"), ("response", "price")]


def test_explicit_class_and_no_field() -> None:
    html = encoder(str, response_class=HTMLResponse, class_is_default=False)("<b>", 201)
    assert (type(html), html.body, html.status_code) == (HTMLResponse, b"<b>", 201)
    plain = encoder(None, has_field=False)({"a": {1}}, None)
    assert (type(plain), plain.body) == (JSONResponse, b'{"a":[1]}')


def test_bodiless_statuses() -> None:
    assert [body_allowed(code) for code in (101, 200, 204, 304, None)] == [
        False,
        True,
        False,
        False,
        True,
    ]
    empty = encoder(None, status_code=204)(None, None)
    assert (empty.body, empty.status_code) == (b"", 204)
    assert "content-length" not in empty.headers
