"""Security schemes in WebSocket routes (they take the HTTPConnection): failures before
accept are HTTP denial responses, 401 with the scheme's challenge."""

from typing import Annotated

from fastapi import Depends, FastAPI, Security, WebSocket
from fastapi.security import (
    APIKeyCookie,
    APIKeyHeader,
    APIKeyQuery,
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
    OAuth2PasswordBearer,
    SecurityScopes,
)

app = FastAPI()
bearer = HTTPBearer()
optional_bearer = HTTPBearer(auto_error=False)
basic = HTTPBasic(realm="chat")
header_key = APIKeyHeader(name="x-key")
query_key = APIKeyQuery(name="key")
cookie_key = APIKeyCookie(name="key")
oauth2 = OAuth2PasswordBearer(tokenUrl="token", scopes={"chat": "Chat"})


@app.websocket("/bearer")
async def with_bearer(
    websocket: WebSocket, creds: Annotated[HTTPAuthorizationCredentials, Depends(bearer)]
) -> None:
    await websocket.accept()
    await websocket.send_json([creds.scheme, creds.credentials])
    await websocket.close()


@app.websocket("/optional")
async def with_optional(
    websocket: WebSocket,
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(optional_bearer)],
) -> None:
    await websocket.accept()
    await websocket.send_json(None if creds is None else creds.credentials)
    await websocket.close()


@app.websocket("/basic")
async def with_basic(
    websocket: WebSocket, creds: Annotated[HTTPBasicCredentials, Depends(basic)]
) -> None:
    await websocket.accept()
    await websocket.send_json([creds.username, creds.password])
    await websocket.close()


@app.websocket("/keys")
async def with_keys(
    websocket: WebSocket,
    h: Annotated[str, Depends(header_key)],
    q: Annotated[str, Depends(query_key)],
    c: Annotated[str, Depends(cookie_key)],
) -> None:
    await websocket.accept()
    await websocket.send_json([h, q, c])
    await websocket.close()


def scoped_user(
    scopes: SecurityScopes, token: Annotated[str, Depends(oauth2)]
) -> dict[str, object]:
    return {"token": token, "scopes": scopes.scopes}


@app.websocket("/oauth")
async def with_oauth(
    websocket: WebSocket, user: Annotated[dict[str, object], Security(scoped_user, scopes=["chat"])]
) -> None:
    await websocket.accept()
    await websocket.send_json(user)
    await websocket.close()


CASES = [
    ("bearer-missing", "WS", "/bearer"),
    ("bearer-wrong-scheme", "WS", "/bearer", {"headers": {"authorization": "Basic abc"}}),
    (
        "bearer-ok",
        "WS",
        "/bearer",
        {"headers": {"authorization": "Bearer tok"}, "ws": [("receive_json",)]},
    ),
    ("optional-missing", "WS", "/optional", {"ws": [("receive_json",)]}),
    ("basic-missing", "WS", "/basic"),
    ("basic-bad", "WS", "/basic", {"headers": {"authorization": "Basic !!!"}}),
    (
        "basic-ok",
        "WS",
        "/basic",
        {"headers": {"authorization": "Basic dTpw"}, "ws": [("receive_json",)]},
    ),
    ("keys-missing", "WS", "/keys", {"headers": {"x-key": "h"}}),
    (
        "keys-ok",
        "WS",
        "/keys?key=q",
        {"headers": {"x-key": "h"}, "cookies": {"key": "c"}, "ws": [("receive_json",)]},
    ),
    ("oauth-missing", "WS", "/oauth"),
    (
        "oauth-ok",
        "WS",
        "/oauth",
        {"headers": {"authorization": "Bearer t"}, "ws": [("receive_json",)]},
    ),
]
