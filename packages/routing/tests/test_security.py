"""Security schemes: 401 with FastAPI 0.165's challenges, `auto_error=False`, hooks."""

import base64
import copy
from collections.abc import Callable
from typing import Annotated, Any

import pytest

from fastslim_routing import Depends, FastAPI, HTTPException, Security
from fastslim_routing.security import (
    APIKeyCookie,
    APIKeyHeader,
    APIKeyQuery,
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
    HTTPDigest,
    OAuth2,
    OAuth2AuthorizationCodeBearer,
    OAuth2PasswordBearer,
    OpenIdConnect,
    SecurityScopes,
)
from fastslim_routing.security.http import HTTPBase
from fastslim_routing.security.utils import get_authorization_scheme_param
from fastslim_testclient import TestClient

Client = Callable[..., TestClient]


def _app(scheme: Any) -> FastAPI:
    app = FastAPI()

    @app.get("/")
    def read(value: Annotated[Any, Depends(scheme)]) -> Any:
        return {"value": value.model_dump() if hasattr(value, "model_dump") else value}

    return app


def _basic(text: str) -> str:
    return "Basic " + base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ("", "")),
        ("", ("", "")),
        ("Bearer", ("Bearer", "")),
        ("bearer   tok  ", ("bearer", "tok")),
        ("  Basic  abc def ", ("", "Basic  abc def")),
    ],
)
def test_get_authorization_scheme_param(value: str | None, expected: tuple[str, str]) -> None:
    assert get_authorization_scheme_param(value) == expected


CHALLENGES = [
    (HTTPBearer(), "Bearer"),
    (HTTPBasic(), "Basic"),
    (HTTPBasic(realm="simple"), 'Basic realm="simple"'),
    (HTTPDigest(), "Digest"),
    (HTTPBase(scheme="other"), "Other"),
    (APIKeyHeader(name="key"), "APIKey"),
    (APIKeyQuery(name="key"), "APIKey"),
    (APIKeyCookie(name="key"), "APIKey"),
    (OAuth2(), "Bearer"),
    (OAuth2PasswordBearer(tokenUrl="token"), "Bearer"),
    (OAuth2AuthorizationCodeBearer(authorizationUrl="auth", tokenUrl="token"), "Bearer"),
    (OpenIdConnect(openIdConnectUrl="/oidc"), "Bearer"),
]


@pytest.mark.parametrize(("scheme", "challenge"), CHALLENGES)
def test_missing_credentials_answer_401_with_the_challenge(
    client_for: Client, scheme: Any, challenge: str
) -> None:
    response = client_for(_app(scheme)).get("/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Not authenticated"}
    assert response.headers["www-authenticate"] == challenge


@pytest.mark.parametrize(("scheme", "challenge"), CHALLENGES)
def test_auto_error_false_gives_none(client_for: Client, scheme: Any, challenge: str) -> None:
    scheme = copy.copy(scheme)
    scheme.auto_error = False
    response = client_for(_app(scheme)).get("/")
    assert (response.status_code, response.json()) == (200, {"value": None})


@pytest.mark.parametrize(
    ("scheme", "header", "status", "value"),
    [
        (HTTPBearer(), "Bearer tok", 200, {"scheme": "Bearer", "credentials": "tok"}),
        (HTTPBearer(), "bearer   tok  ", 200, {"scheme": "bearer", "credentials": "tok"}),
        (HTTPBearer(), "Basic tok", 401, None),
        (HTTPBearer(), "Bearer", 401, None),
        (HTTPBearer(auto_error=False), "Basic tok", 200, None),
        (HTTPDigest(), "Digest a=1", 200, {"scheme": "Digest", "credentials": "a=1"}),
        (HTTPDigest(), "Bearer a", 401, None),
        (HTTPBase(scheme="x"), "Other y", 200, {"scheme": "Other", "credentials": "y"}),
        (HTTPBasic(), _basic("ann:se:cret"), 200, {"username": "ann", "password": "se:cret"}),
        (HTTPBasic(), _basic("ann"), 401, None),
        (HTTPBasic(auto_error=False), _basic("ann"), 401, None),
        (HTTPBasic(auto_error=False), "Basic !!!", 401, None),
        (HTTPBasic(auto_error=False), "Bearer x", 200, None),
        (OAuth2PasswordBearer(tokenUrl="t"), "Bearer tok", 200, "tok"),
        (OAuth2PasswordBearer(tokenUrl="t"), "Basic tok", 401, None),
        (OAuth2(), "Anything goes", 200, "Anything goes"),
        (OpenIdConnect(openIdConnectUrl="u"), "Basic x", 200, "Basic x"),
    ],
)
def test_authorization_header(
    client_for: Client, scheme: Any, header: str, status: int, value: Any
) -> None:
    response = client_for(_app(scheme)).get("/", headers={"Authorization": header})
    assert response.status_code == status
    if status == 200:
        assert response.json() == {"value": value}
    else:
        assert response.json() == {"detail": "Not authenticated"}


def test_api_keys_in_each_location(client_for: Client) -> None:
    assert client_for(_app(APIKeyQuery(name="k"))).get("/?k=v").json() == {"value": "v"}
    assert client_for(_app(APIKeyHeader(name="k"))).get("/", headers={"k": "v"}).json() == {
        "value": "v"
    }
    response = client_for(_app(APIKeyCookie(name="k"))).get("/", headers={"cookie": "k=v"})
    assert response.json() == {"value": "v"}
    assert client_for(_app(APIKeyQuery(name="k"))).get("/?k=").status_code == 401


def test_override_hooks_restore_403(client_for: Client) -> None:
    class Bearer403(HTTPBearer):
        def make_not_authenticated_error(self) -> HTTPException:
            return HTTPException(status_code=403, detail="Forbidden")

    class Key(APIKeyHeader):
        def make_not_authenticated_error(self) -> HTTPException:
            return HTTPException(status_code=403, detail="No key")

    class Realm(HTTPBasic):
        def make_authenticate_headers(self) -> dict[str, str]:
            return {"WWW-Authenticate": "Custom"}

    assert client_for(_app(Bearer403())).get("/").json() == {"detail": "Forbidden"}
    assert client_for(_app(Key(name="k"))).get("/").status_code == 403
    response = client_for(_app(Realm())).get("/")
    assert (response.status_code, response.headers["www-authenticate"]) == (401, "Custom")


def test_models_and_scheme_names() -> None:
    bearer = HTTPBearer(bearerFormat="JWT", scheme_name="jwt", description="d")
    assert bearer.scheme_name == "jwt"
    dumped = bearer.model.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert dumped == {"type": "http", "scheme": "bearer", "bearerFormat": "JWT", "description": "d"}
    oauth = OAuth2PasswordBearer(tokenUrl="token", scopes={"me": "Me"}, refreshUrl="r")
    assert oauth.scheme_name == "OAuth2PasswordBearer"
    assert oauth.model.model_dump(mode="json", by_alias=True, exclude_none=True) == {
        "type": "oauth2",
        "flows": {"password": {"tokenUrl": "token", "scopes": {"me": "Me"}, "refreshUrl": "r"}},
    }
    key = APIKeyCookie(name="session")
    assert key.model.model_dump(mode="json", by_alias=True, exclude_none=True) == {
        "type": "apiKey",
        "in": "cookie",
        "name": "session",
    }
    assert HTTPBasicCredentials(username="a", password="b").username == "a"
    assert HTTPAuthorizationCredentials(scheme="s", credentials="c").credentials == "c"


def test_security_scopes_reach_the_dependency(client_for: Client) -> None:
    scheme = OAuth2PasswordBearer(tokenUrl="token", scopes={"items": "Items"})

    def user(scopes: SecurityScopes, token: Annotated[str, Depends(scheme)]) -> dict[str, Any]:
        return {"scopes": scopes.scopes, "token": token}

    app = FastAPI()

    @app.get("/")
    def read(found: Annotated[dict[str, Any], Security(user, scopes=["items"])]) -> Any:
        return found

    response = client_for(app).get("/", headers={"Authorization": "Bearer t"})
    assert response.json() == {"scopes": ["items"], "token": "t"}


def test_schemes_work_in_websocket_routes(client_for: Client) -> None:
    from starlette.websockets import WebSocket

    from fastslim_testclient import WebSocketDenialResponse

    app = FastAPI()
    bearer = HTTPBearer()

    @app.websocket("/ws")
    async def endpoint(
        websocket: WebSocket, creds: Annotated[HTTPAuthorizationCredentials, Depends(bearer)]
    ) -> None:
        await websocket.accept()
        await websocket.send_text(creds.credentials)
        await websocket.close()

    client = client_for(app)
    with client.websocket_connect("/ws", headers={"Authorization": "Bearer tok"}) as session:
        assert session.receive_text() == "tok"
    with pytest.raises(WebSocketDenialResponse) as info, client.websocket_connect("/ws"):
        pass
    assert info.value.status_code == 401
    assert info.value.json() == {"detail": "Not authenticated"}
    assert info.value.headers["www-authenticate"] == "Bearer"


def test_password_request_forms(client_for: Client) -> None:
    from fastslim_routing.security import (
        OAuth2PasswordRequestForm,
        OAuth2PasswordRequestFormStrict,
    )

    app = FastAPI()

    @app.post("/token")
    def token(form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> dict[str, Any]:
        return {"user": form.username, "scopes": form.scopes, "grant": form.grant_type}

    @app.post("/strict")
    def strict(form: Annotated[OAuth2PasswordRequestFormStrict, Depends()]) -> str:
        return form.username

    client = client_for(app)
    data = {"username": "ann", "password": "pw", "scope": "a  b"}
    assert client.post("/token", data=data).json() == {
        "user": "ann",
        "scopes": ["a", "b"],
        "grant": None,
    }
    bad = client.post("/token", data={**data, "grant_type": "code"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "grant_type"]
    missing = client.post("/strict", data=data)
    assert [e["loc"] for e in missing.json()["detail"]] == [["body", "grant_type"]]
    assert client.post("/strict", data={**data, "grant_type": "password"}).json() == "ann"
