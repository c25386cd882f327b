"""Header and cookie parameters in the document: underscores, convert_underscores=False,
lists, aliases, header/cookie/query models with forbid."""

from typing import Annotated

from fastapi import Cookie, FastAPI, Header, Query
from pydantic import BaseModel, ConfigDict


class CommonHeaders(BaseModel):
    model_config = ConfigDict(extra="forbid")
    host: str
    save_data: bool = False
    x_tag: list[str] = []


class Cookies(BaseModel):
    session_id: str
    tracker: str | None = None


class Q(BaseModel):
    model_config = ConfigDict(extra="forbid")
    limit: int = 10


app = FastAPI()


@app.get("/headers")
def headers(
    user_agent: Annotated[str | None, Header()] = None,
    strange_header: Annotated[str | None, Header(convert_underscores=False)] = None,
    x_token: Annotated[list[str], Header(alias="X-Tok")] = [],  # noqa: B006
) -> dict[str, object]:
    return {}


@app.get("/models")
def models(
    h: Annotated[CommonHeaders, Header()],
    c: Annotated[Cookies, Cookie()],
    q: Annotated[Q, Query()],
) -> str:
    return "ok"


CASES = [("headers", "GET", "/headers")]
