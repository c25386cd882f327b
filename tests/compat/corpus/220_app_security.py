"""App-level and router-level security dependencies appear on every operation."""

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Security
from fastapi.security import APIKeyHeader, HTTPBearer, OAuth2PasswordBearer

bearer = HTTPBearer(auto_error=False)
key = APIKeyHeader(name="X-Key", auto_error=False, description="The key")
oauth = OAuth2PasswordBearer(tokenUrl="/token", scopes={"read": "Read", "write": "Write"})

app = FastAPI(dependencies=[Depends(bearer)])
router = APIRouter(dependencies=[Security(oauth, scopes=["read"])])


@app.get("/open")
def open_route() -> str:
    return "open"


@router.get("/read")
def read() -> str:
    return "read"


@router.post("/write", dependencies=[Security(oauth, scopes=["write"])])
def write(k: Annotated[str | None, Depends(key)]) -> str:
    return "write"


app.include_router(router, prefix="/r", dependencies=[Depends(key)])
CASES = [
    ("open", "GET", "/open"),
    ("read-missing", "GET", "/r/read"),
    ("read", "GET", "/r/read", {"headers": {"Authorization": "Bearer t"}}),
]
