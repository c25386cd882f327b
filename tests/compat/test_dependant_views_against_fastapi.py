"""`get_dependant`, `get_parameterless_sub_dependant`, `APIRoute.dependant`,
`.body_field`, `._embed_body_fields`, `.response_field` and the body-field helpers
(issue 16) against FastAPI 0.165: the same app declared on both frameworks gives
the same trees, every field of every node compared."""

# ruff: noqa: B008  (FastAPI's declaration style, on both frameworks through one function)
# mypy: disable-error-code="untyped-decorator"

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Annotated, Any

import fastapi
import fastapi.dependencies.utils
import fastapi.security
from pydantic import BaseModel

import fastslim
import fastslim.dependencies.utils
import fastslim.security


class Item(BaseModel):
    a: int


def _modules(name: str) -> Any:
    if name == "fastapi":
        return SimpleNamespace(
            fw=fastapi, utils=fastapi.dependencies.utils, security=fastapi.security
        )
    return SimpleNamespace(
        fw=fastslim, utils=fastslim.dependencies.utils, security=fastslim.security
    )


def _describe_call(call: Any) -> str:
    return getattr(call, "__name__", type(call).__name__)


def _dump(dependant: Any) -> Any:
    fields = []
    for group in ("path_params", "query_params", "header_params", "cookie_params", "body_params"):
        for f in getattr(dependant, group):
            info = f.field_info
            fields.append(
                (
                    group,
                    f.name,
                    type(info).__name__,
                    repr(info.annotation),
                    info.alias,
                    info.validation_alias,
                    info.serialization_alias,
                    repr(info.default),
                    repr(info.metadata),
                    f.alias,
                    f.mode,
                )
            )
    return (
        dependant.name,
        _describe_call(dependant.call),
        dependant.own_oauth_scopes,
        dependant.parent_oauth_scopes,
        dependant.scope,
        dependant.path,
        dependant.use_cache,
        dependant.request_param_name,
        dependant.websocket_param_name,
        dependant.http_connection_param_name,
        dependant.response_param_name,
        dependant.background_tasks_param_name,
        dependant.security_scopes_param_name,
        fields,
        [_dump(child) for child in dependant.dependencies],
    )


def _field(field: Any) -> Any:
    if field is None:
        return None
    annotation = field.field_info.annotation
    fields = list(getattr(annotation, "model_fields", {}))
    name = getattr(annotation, "__name__", repr(annotation))
    return (repr(field), name, fields, type(field.field_info).__name__, field.mode)


def _views(name: str) -> Any:
    m = _modules(name)
    fw = m.fw
    oauth = m.security.OAuth2PasswordBearer(tokenUrl="t")

    def rd(x: int = 1) -> int:
        return x

    def common(q: int | None = None, lim: Annotated[int, fw.Query(alias="lim", ge=0)] = 5) -> Any:
        return q

    def user(ss: m.security.SecurityScopes, token: str = fw.Depends(oauth)) -> str:  # type: ignore[name-defined]
        return token

    def gen() -> Iterator[int]:
        yield 1

    app: Any = fw.FastAPI()

    @app.post("/i/{iid}", dependencies=[fw.Depends(rd), fw.Security(rd, scopes=["a"])])
    def ep(
        iid: int,
        item: Item,
        request: fw.Request,  # type: ignore[name-defined]
        bt: fw.BackgroundTasks,  # type: ignore[name-defined]
        response: fw.Response,  # type: ignore[name-defined]
        c: Any = fw.Depends(common),
        g: Any = fw.Depends(gen, scope="function"),
        u: Any = fw.Security(user, scopes=["me"]),
        nc: Any = fw.Depends(common, use_cache=False),
        x_token: Annotated[str | None, fw.Header()] = None,
        sess: str | None = fw.Cookie(None),
        extra: int = fw.Body(3),
    ) -> Any:
        return 1

    @app.get("/resp", response_model=Item)
    def resp() -> Any: ...

    @app.post("/one")
    def one(a: Item) -> None: ...

    @app.post("/emb")
    def emb(a: Item = fw.Body(embed=True)) -> None: ...

    @app.websocket("/ws")
    async def ws(websocket: fw.WebSocket, q: int = 0) -> None: ...  # type: ignore[name-defined]

    out: list[Any] = []
    for route in app.routes:
        if not hasattr(route, "dependant"):
            continue
        body = getattr(route, "body_field", None)
        out.append(
            (
                route.path,
                _dump(route.dependant),
                _field(body),
                getattr(route, "_embed_body_fields", None),
                _field(getattr(route, "response_field", None)),
            )
        )
        if body is not None:
            flat = m.utils._get_flat_body_params(route.dependant)
            out.append(body is route.dependant.body_params[0])
            out.append(m.utils._should_embed_body_fields(flat))
            rebuilt = m.utils._get_body_field(
                body_params=flat, name=route.unique_id, embed_body_fields=route._embed_body_fields
            )
            out.append(_field(rebuilt))
            if route._embed_body_fields:
                out.append(rebuilt.field_info.annotation.model_json_schema())
    out.append(_dump(m.utils.get_dependant(path="/x/{iid}", call=ep)))
    out.append(_dump(m.utils.get_dependant(path="/x", call=common, name="n", use_cache=False)))
    sub = m.utils.get_parameterless_sub_dependant
    out.append(_dump(sub(depends=fw.Depends(common), path="/x")))
    out.append(_dump(sub(depends=fw.Security(user, scopes=["z"]), path="/x")))
    out.append(m.utils._should_embed_body_fields([]))
    return out


def test_dependant_views_are_fastapis() -> None:
    theirs = _views("fastapi")
    ours = _views("fastslim")
    for mine, expected in zip(ours, theirs, strict=True):
        assert mine == expected
