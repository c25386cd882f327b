"""`_form`: form and file parameters, parsed once per request (checked against FastAPI 0.165)."""

import io
import logging
import sys
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any, Literal

import pytest
from pydantic import AliasChoices, BaseModel, BeforeValidator, ConfigDict, Field, Json
from starlette.requests import Request

from fastslim_routing import Body, Depends, FastAPI, File, Form, UploadFile
from fastslim_routing._serve._multipart import MULTIPART_MISSING
from fastslim_testclient import AsyncTestClient, TestClient

ClientFor = Callable[..., TestClient]


def missing(*loc: Any, input: Any = None) -> dict[str, Any]:
    return {"type": "missing", "loc": list(loc), "msg": "Field required", "input": input}


def test_fields_defaults_lists_and_empty_strings(client_for: ClientFor) -> None:
    app = FastAPI()

    @app.post("/one")
    def one(
        name: Annotated[str, Form()],
        age: Annotated[int, Form()] = 3,
        tags: Annotated[list[str], Form()] = [],  # noqa: B006
        nick: Annotated[str | None, Form(alias="nick-name")] = None,
    ) -> dict[str, Any]:
        return {"name": name, "age": age, "tags": tags, "nick": nick}

    client = client_for(app)
    response = client.post(
        "/one", data={"name": "x", "age": "5", "tags": ["a", "b"], "nick-name": "n"}
    )
    assert response.json() == {"name": "x", "age": 5, "tags": ["a", "b"], "nick": "n"}
    # An empty string is missing: the default, or a `missing` error with input null.
    assert client.post("/one", data={"name": "x", "age": "", "nick-name": ""}).json() == {
        "name": "x",
        "age": 3,
        "tags": [],
        "nick": None,
    }
    for kwargs in ({"data": {"name": ""}}, {}, {"json": {"name": "x"}}):
        response = client.post("/one", **kwargs)  # type: ignore[arg-type]
        assert response.status_code == 422
        assert response.json() == {"detail": [missing("body", "name")]}
    assert client.post("/one", data={"name": "x", "age": "zz"}).json()["detail"] == [
        {
            "type": "int_parsing",
            "loc": ["body", "age"],
            "msg": "Input should be a valid integer, unable to parse string as an integer",
            "input": "zz",
        }
    ]


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    a: str
    b: int = 1
    c: list[int] = []
    first_name: str = Field(default="-", alias="first-name")


def test_form_model(client_for: ClientFor) -> None:
    app = FastAPI()

    @app.post("/model")
    def model(item: Annotated[Item, Form()], q: int = 0) -> Any:
        return item.model_dump()

    client = client_for(app)
    response = client.post("/model", data={"a": "x", "c": ["1", "2"], "first-name": "f"})
    assert response.json() == {"a": "x", "b": 1, "c": [1, 2], "first_name": "f"}
    # Missing errors carry the received form; extras are forbidden; "" is missing.
    assert client.post("/model", data={"b": "2", "d": "9"}).json()["detail"] == [
        missing("body", "a", input={"b": "2", "d": "9"}),
        {
            "type": "extra_forbidden",
            "loc": ["body", "d"],
            "msg": "Extra inputs are not permitted",
            "input": "9",
        },
    ]
    assert client.post("/model", data={"a": "", "b": ""}).json()["detail"] == [
        missing("body", "a", input={})
    ]
    # A key no field declares keeps its value, empty or not, or all of them (FastAPI's).
    extras = client.post("/model", data={"a": "x", "d": ["1", ""], "e": ""}).json()["detail"]
    assert [(error["loc"], error["input"]) for error in extras] == [
        (["body", "d"], ["1", ""]),
        (["body", "e"], ""),
    ]
    # Query errors come before body errors.
    detail = client.post("/model?q=z", data={"a": "x", "b": "y"}).json()["detail"]
    assert [error["loc"] for error in detail] == [["query", "q"], ["body", "b"]]


def test_json_in_forms(client_for: ClientFor) -> None:
    app = FastAPI()

    @app.post("/json")
    def json_list(x: Annotated[Json[list[int]], Form()]) -> list[int]:
        return x

    client = client_for(app)
    assert client.post("/json", data={"x": "[1,2]"}).json() == [1, 2]
    assert client.post("/json", data={"x": "[1,"}).json()["detail"] == [
        {
            "type": "json_invalid",
            "loc": ["body", "x"],
            "msg": "Invalid JSON: EOF while parsing a value at line 1 column 3",
            "input": "[1,",
            "ctx": {"error": "EOF while parsing a value at line 1 column 3"},
        }
    ]


def test_files_bytes_lists_and_optional(client_for: ClientFor) -> None:
    app = FastAPI()

    @app.post("/file")
    async def file(f: UploadFile, b: Annotated[bytes, File()]) -> dict[str, Any]:
        return {
            "name": f.filename,
            "type": f.content_type,
            "size": f.size,
            "content": (await f.read()).decode(),
            "b": b.decode(),
        }

    @app.post("/files")
    async def files(
        fs: list[UploadFile],
        bs: Annotated[list[bytes], File()] = [],  # noqa: B006
    ) -> dict[str, Any]:
        return {"names": [f.filename for f in fs], "bs": [b.decode() for b in bs]}

    @app.post("/optional")
    async def optional(
        f: UploadFile | None = None, b: Annotated[bytes | None, File()] = None
    ) -> dict[str, Any]:
        return {"f": f is None, "b": b.decode() if b else b}

    client = client_for(app)
    sent: dict[str, Any] = {"f": ("a.txt", b"hello", "text/plain"), "b": ("b.bin", b"bb")}
    assert client.post("/file", files=sent).json() == {
        "name": "a.txt",
        "type": "text/plain",
        "size": 5,
        "content": "hello",
        "b": "bb",
    }
    assert client.post("/file", data={"f": "str", "b": "str"}).json()["detail"] == [
        {
            "type": "value_error",
            "loc": ["body", "f"],
            "msg": "Value error, Expected UploadFile, received: <class 'str'>",
            "input": "str",
            "ctx": {"error": {}},
        }
    ]
    response = client.post("/file", data={"f": "", "b": ""}, files={"z": ("z", b"")})
    assert response.json()["detail"] == [missing("body", "f"), missing("body", "b")]
    several = [("fs", ("1", b"1")), ("fs", ("2", b"2")), ("bs", ("3", b"3"))]
    assert client.post("/files", files=several).json() == {"names": ["1", "2"], "bs": ["3"]}
    assert client.post("/optional").json() == {"f": True, "b": None}
    assert client.post("/optional", files={"b": ("x", b"data")}).json() == {
        "f": True,
        "b": "data",
    }


def test_bytes_and_upload_of_one_key_share_the_content(client_for: ClientFor) -> None:
    app = FastAPI()

    @app.post("/share")
    async def share(b: Annotated[bytes, File(alias="u")], u: UploadFile) -> dict[str, Any]:
        return {"b": b.decode(), "u": (await u.read()).decode()}

    assert client_for(app).post("/share", files={"u": ("a", b"abc")}).json() == {
        "b": "abc",
        "u": "abc",
    }


def test_a_form_field_reads_its_first_key_not_empty(client_for: ClientFor) -> None:
    # FastAPI's: the field's keys in AliasChoices order (then its name), an empty value
    # skipped; the keys it did not reach are extras, as sent (empty, or all values).
    class Choices(BaseModel):
        model_config = ConfigDict(extra="allow", populate_by_name=True)
        value: int = Field(default=10, validation_alias=AliasChoices("first", "second"))
        names: list[str] = Field(default=[], validation_alias=AliasChoices("names", "legacy"))

    app = FastAPI()

    @app.post("/choices")
    def endpoint(data: Annotated[Choices, Form()]) -> dict[str, Any]:
        return data.model_dump()

    client = client_for(app)
    assert client.post("/choices", data={"first": "", "value": ""}).json() == {
        "value": 10,
        "names": [],
    }
    assert client.post("/choices", data={"first": "", "value": "5"}).json()["value"] == 5
    sent = {"names": ["a", "b"], "legacy": "", "second": ["", "2"], "first": "3"}
    assert client.post("/choices", data=sent).json() == {
        "value": 3,
        "names": ["a", "b"],
        "legacy": "",
        "second": ["", "2"],
    }


@pytest.mark.parametrize("extra", ["ignore", "allow", "forbid"])
def test_an_optional_form_model_is_present_when_its_keys_are_sent(
    client_for: ClientFor, extra: Any
) -> None:
    # FastAPI 0.165: a key of the model sent, even empty, makes it present; for a model
    # taking extras any key of the form does (a sibling parameter's, a file's).
    class Profile(BaseModel):
        model_config = ConfigDict(extra=extra)
        name: str = "default"
        age: int

    app = FastAPI()

    @app.post("/p")
    def endpoint(
        token: Annotated[str, Form()], profile: Annotated[Profile | None, Form()] = None
    ) -> Any:
        return profile

    client = client_for(app)
    none_sent = client.post("/p", data={"token": "t"})
    present = client.post("/p", data={"token": "t", "name": ""})
    assert ["body", "age"] in [error["loc"] for error in present.json()["detail"]]
    if extra == "ignore":
        assert none_sent.json() is None
    else:
        assert none_sent.status_code == 422
    body = app.openapi()["components"]["schemas"]["Body_endpoint_p_post"]
    absent = (
        {"maxProperties": 0}
        if extra != "ignore"
        else {"not": {"anyOf": [{"required": ["age"]}, {"required": ["name"]}]}}
    )
    assert body["allOf"][0]["anyOf"][0] == absent


def test_bytes_read_from_where_the_upload_stands(client_for: ClientFor) -> None:
    # A dependency that read part of an upload: a `bytes` File() of that key gets the
    # rest, and the upload stays where the dependency left it (FastAPI 0.165).
    app = FastAPI()

    async def prefix(f: UploadFile) -> str:
        return (await f.read(2)).decode()

    def rest(head: Annotated[str, Depends(prefix)], f: Annotated[bytes, File()]) -> list[str]:
        return [head, f.decode()]

    @app.post("/rest")
    async def endpoint(parts: Annotated[list[str], Depends(rest)], f: UploadFile) -> Any:
        return {"parts": parts, "at": f.file.tell(), "then": (await f.read()).decode()}

    response = client_for(app).post("/rest", files={"f": ("a", b"hello")})
    assert response.json() == {"parts": ["he", "llo"], "at": 2, "then": "llo"}


def test_dependencies_read_the_form_parsed_once(client_for: ClientFor) -> None:
    app = FastAPI()
    seen: list[Any] = []

    def dep(name: Annotated[str, Form()], f: UploadFile) -> str:
        seen.append(f)
        return name

    @app.post("/dep")
    async def endpoint(
        x: Annotated[str, Depends(dep)],
        f: UploadFile,
        content: Annotated[bytes, File(alias="f")],
        request: Request,
    ) -> dict[str, Any]:
        form = await request.form()
        seen.append(f)
        return {"x": x, "same": seen[0] is f is form["f"], "content": content.decode()}

    client = client_for(app)
    response = client.post("/dep", data={"name": "n"}, files={"f": ("a", b"data")})
    assert response.json() == {"x": "n", "same": True, "content": "data"}
    # Each slot reports its own error, dependencies first.
    response = client.post("/dep", files={"z": ("a", b"data")})
    assert response.json()["detail"] == [missing("body", "name")] + [missing("body", "f")] * 3


class PasswordForm:
    """The shape of `OAuth2PasswordRequestForm`: a class whose `__init__` takes forms."""

    def __init__(
        self,
        username: Annotated[str, Form()],
        password: Annotated[str, Form()],
        scope: Annotated[str, Form()] = "",
    ) -> None:
        self.username = username
        self.password = password
        self.scopes = scope.split()


def test_a_class_of_form_fields_as_a_dependency(client_for: ClientFor) -> None:
    app = FastAPI()

    @app.post("/login")
    def login(form: Annotated[PasswordForm, Depends()]) -> dict[str, Any]:
        return vars(form)

    client = client_for(app)
    response = client.post("/login", data={"username": "u", "password": "p", "scope": "a b"})
    assert response.json() == {"username": "u", "password": "p", "scopes": ["a", "b"]}
    assert client.post("/login", data={"username": "u"}).json()["detail"] == [
        missing("body", "password")
    ]


def test_body_parameters_of_a_form_route_read_the_form(client_for: ClientFor) -> None:
    app = FastAPI()

    @app.post("/mixed")
    def mixed(a: Annotated[str, Form()], b: Annotated[int, Body()] = 0) -> dict[str, Any]:
        return {"a": a, "b": b}

    assert client_for(app).post("/mixed", data={"a": "1", "b": "3"}).json() == {"a": "1", "b": 3}


def test_files_are_closed_after_teardown_and_background_tasks(client_for: ClientFor) -> None:
    from fastslim_routing import BackgroundTasks

    app = FastAPI()
    log: list[tuple[str, bool]] = []

    async def upload(f: UploadFile) -> AsyncIterator[UploadFile]:
        yield f
        log.append(("teardown", f.file.closed))

    @app.post("/life")
    async def life(f: Annotated[UploadFile, Depends(upload)], tasks: BackgroundTasks) -> None:
        tasks.add_task(lambda: log.append(("task", f.file.closed)))
        log.append(("endpoint", f.file.closed))

    files: list[Any] = []

    @app.post("/fail")
    async def fail(f: UploadFile) -> None:
        files.append(f)
        raise RuntimeError("boom")

    def keep(f: UploadFile) -> None:
        files.append(f)

    @app.post("/invalid", dependencies=[Depends(keep)])
    async def invalid(n: Annotated[int, Form()]) -> None:
        raise AssertionError("not reached")  # pragma: no cover

    client = client_for(app, raise_server_exceptions=False)
    client.post("/life", files={"f": ("a", b"abc")})
    assert log == [("endpoint", False), ("task", False), ("teardown", False)]
    assert client.post("/fail", files={"f": ("a", b"abc")}).status_code == 500
    assert files[0].file.closed
    response = client.post("/invalid", data={"n": "x"}, files={"f": ("a", b"abc")})
    assert response.status_code == 422
    assert len(files) == 2
    assert files[1].file.closed


def test_uploads_past_one_mebibyte_are_spooled_to_disk(client_for: ClientFor) -> None:
    app = FastAPI()

    @app.post("/size")
    async def size(f: UploadFile) -> dict[str, Any]:
        return {"on_disk": f.file._rolled, "size": f.size}  # type: ignore[attr-defined]

    client = client_for(app)
    small = client.post("/size", files={"f": ("a", b"x" * (1024 * 1024))}).json()
    large = client.post("/size", files={"f": ("a", io.BytesIO(b"x" * (1024 * 1024 + 1)))}).json()
    assert small == {"on_disk": False, "size": 1024 * 1024}
    assert large == {"on_disk": True, "size": 1024 * 1024 + 1}


def test_a_late_override_with_form_parameters(client_for: ClientFor) -> None:
    app = FastAPI()

    def original() -> str:
        return "original"

    @app.post("/o")
    def endpoint(value: Annotated[str, Depends(original)], a: Annotated[str, Form()]) -> str:
        return f"{value}-{a}"

    def override(b: Annotated[str, Form()]) -> str:
        return b

    app.dependency_overrides[original] = override
    client = client_for(app)
    assert client.post("/o", data={"a": "1", "b": "2"}).json() == "2-1"
    assert client.post("/o", data={"a": "1"}).json()["detail"] == [missing("body", "b")]


@pytest.mark.parametrize("declare", ["form", "file", "upload", "optional upload", "dependency"])
def test_declaring_a_form_without_python_multipart_fails(
    declare: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "python_multipart", None)
    monkeypatch.setitem(sys.modules, "multipart", None)  # its older layout, also absent
    app = FastAPI()

    def form_dep(x: Annotated[str, Form()]) -> str:
        return x  # pragma: no cover

    def endpoint(x: Any = None) -> Any:
        return x  # pragma: no cover

    annotations: dict[str, dict[str, Any]] = {
        "form": {"x": Annotated[str, Form()]},
        "file": {"x": Annotated[bytes, File()]},
        "upload": {"x": UploadFile},
        "optional upload": {"x": UploadFile | None},
        "dependency": {"x": Annotated[str, Depends(form_dep)]},
    }
    endpoint.__annotations__ = annotations[declare]
    if declare != "optional upload":
        endpoint.__defaults__ = None
    with caplog.at_level(logging.ERROR), pytest.raises(RuntimeError) as raised:
        app.post("/a")(endpoint)
    assert str(raised.value) == MULTIPART_MISSING
    assert "pip install python-multipart" in str(raised.value)
    assert [record.getMessage() for record in caplog.records] == [MULTIPART_MISSING]
    # The same app declares JSON bodies without python-multipart.

    @app.post("/json")
    def json_body(item: Item) -> Item:
        return item  # pragma: no cover


class Loose(BaseModel):
    a: str


@pytest.mark.anyio
async def test_forms_through_the_async_client() -> None:
    app = FastAPI()

    @app.post("/f")
    async def endpoint(
        f: UploadFile, name: Annotated[str, Form()], item: Annotated[Loose, Form()]
    ) -> dict[str, Any]:
        return {"f": (await f.read()).decode(), "name": name, "a": item.a}

    async with AsyncTestClient(app) as client:
        response = await client.post(
            "/f", data={"name": "n", "a": "x"}, files={"f": ("f.txt", b"content")}
        )
    assert response.json() == {"f": "content", "name": "n", "a": "x"}


class Address(BaseModel):
    street: str
    city: str = "Paris"


class Card(BaseModel):
    kind: Literal["card"]
    number: str


class Transfer(BaseModel):
    kind: Literal["transfer"]
    iban: str


def test_optional_and_union_form_models(client_for: ClientFor) -> None:
    app = FastAPI()

    @app.post("/optional")
    def optional(address: Annotated[Address | None, Form()] = None) -> Address | None:
        return address

    @app.post("/required")
    def required(address: Annotated[Address | None, Form()]) -> Address | None:
        return address  # pragma: no cover

    @app.post("/union")
    def union(payment: Annotated[Card | Transfer, Form()]) -> Card | Transfer:
        return payment

    client = client_for(app)
    # None when none of the model's keys is sent (other keys do not count).
    assert client.post("/optional", data={"other": "x"}).json() is None
    assert client.post("/optional", data={"street": "s"}).json() == {"street": "s", "city": "Paris"}
    assert client.post("/required").json()["detail"] == [missing("body")]
    transfer = {"kind": "transfer", "iban": "FR76"}
    assert client.post("/union", data=transfer).json() == transfer
    locs = [error["loc"] for error in client.post("/union", data={"kind": "cash"}).json()["detail"]]
    assert locs == [
        ["body", "Card", "kind"],
        ["body", "Card", "number"],
        ["body", "Transfer", "kind"],
        ["body", "Transfer", "iban"],
    ]


def test_lists_keep_their_empty_strings(client_for: ClientFor) -> None:
    app = FastAPI()

    class Tags(BaseModel):
        tags: list[str] = []

    @app.post("/lists")
    def lists(
        model: Annotated[Tags, Form()],
        words: Annotated[list[str], Form()] = [],  # noqa: B006
        counts: Annotated[list[int], Form()] = [],  # noqa: B006
    ) -> dict[str, Any]:
        return {"tags": model.tags, "words": words}

    client = client_for(app)
    response = client.post("/lists", data={"tags": ["", "a"], "words": ["", "b"]})
    assert response.json() == {"tags": ["", "a"], "words": ["", "b"]}
    detail = client.post("/lists", data={"counts": ["1", ""]}).json()["detail"]
    assert [(error["loc"], error["input"]) for error in detail] == [(["body", "counts", 1], "")]


def test_only_file_parameters_read_the_content_of_files(client_for: ClientFor) -> None:
    app = FastAPI()

    @app.post("/form-bytes")
    def form_bytes(data: Annotated[bytes, Form()]) -> int:
        return len(data)  # pragma: no cover

    @app.post("/file-bytes")
    def file_bytes(data: Annotated[bytes, File()]) -> int:
        return len(data)

    client = client_for(app)
    response = client.post("/form-bytes", files={"data": ("d", b"abcd")})
    assert [error["type"] for error in response.json()["detail"]] == ["bytes_type"]
    assert client.post("/file-bytes", files={"data": ("d", b"abcd")}).json() == 4


@pytest.mark.parametrize("declaration", [Form, File, Body])
def test_a_body_or_form_parameter_cannot_be_a_path_parameter(declaration: Any) -> None:
    app = FastAPI()

    def update(item_id: Annotated[str, declaration(alias="other")]) -> None:
        raise AssertionError("not reached")  # pragma: no cover

    kind = declaration.__name__
    with pytest.raises(AssertionError, match=f"^Cannot use `{kind}` for path param 'item_id'$"):
        app.post("/items/{item_id}")(update)


def test_an_empty_file_input_is_missing(client_for: ClientFor) -> None:
    app = FastAPI()

    @app.post("/required")
    async def required(file: UploadFile) -> str:
        return file.filename or ""

    @app.post("/optional")
    async def optional(file: UploadFile | None = None) -> bool:
        return file is None

    @app.post("/list")
    async def many(files: list[UploadFile]) -> list[str]:
        return [file.filename or "" for file in files]

    def part(name: str, filename: str, content: bytes) -> bytes:
        return (
            b'--XX\r\nContent-Disposition: form-data; name="' + name.encode() + b'"; '
            b'filename="' + filename.encode() + b'"\r\n'
            b"Content-Type: application/octet-stream\r\n\r\n" + content + b"\r\n"
        )

    headers = {"content-type": "multipart/form-data; boundary=XX"}
    client = client_for(app)
    empty = part("file", "", b"") + b"--XX--\r\n"
    assert client.post("/required", content=empty, headers=headers).json()["detail"] == [
        missing("body", "file")
    ]
    assert client.post("/optional", content=empty, headers=headers).json() is True
    both = part("files", "", b"") + part("files", "a", b"abc") + b"--XX--\r\n"
    assert client.post("/list", content=both, headers=headers).json() == ["a"]


@pytest.mark.parametrize("location", ["form", "body"])
def test_validate_default_validates_a_body_or_form_default(
    client_for: ClientFor, location: str
) -> None:
    # pydantic's validate_default, as FastAPI applies it: the default of a parameter
    # not sent goes through its validators (the factory called once).
    calls: list[int] = []

    def doubled(value: Any) -> int:
        return 0 if value is None else int(value) * 2

    def factory() -> int:
        calls.append(1)
        return 10

    Doubled = Annotated[int | None, BeforeValidator(doubled)]
    declared = (
        Form(validate_default=True, default_factory=factory)
        if location == "form"
        else Body(embed=True, validate_default=True, default_factory=factory)
    )
    app = FastAPI()

    @app.post("/v")
    def endpoint(value: Annotated[Doubled, declared]) -> Any:
        return value

    client = client_for(app)
    response = client.post("/v", json={}) if location == "body" else client.post("/v")
    assert response.json() == 20
    assert calls == [1]
