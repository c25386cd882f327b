"""The key order of FastAPI's served document where a path item is kept as built (its
operations have parameters: security before parameters, a new additional response's
declared keys before the model's schema and the description) and where it is
validated by the OpenAPI models (no parameters: the models' field order); callbacks of
both kinds of paths; responses of the app, router, inclusion and route levels."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI
from fastapi.security import OAuth2PasswordBearer
from pydantic import BaseModel

oauth2 = OAuth2PasswordBearer(tokenUrl="token")


def user(token: Annotated[str, Depends(oauth2)]) -> str:
    return token


class Model(BaseModel):
    a: int


def declared() -> dict[int | str, dict[str, Any]]:
    return {
        400: {"model": Model, "content": {"application/json": {"examples": {"x": {"value": 1}}}}},
        401: {"description": "Unauthorized."},
        200: {"content": {"image/png": {}}, "description": "A model or a picture."},
        "default": {"model": Model, "description": "Anything else."},
        403: {
            "description": "Forbidden.",
            "content": {"application/json": {"example": 1}},
            "headers": {"X-Reason": {"schema": {"type": "string"}}},
        },
    }


callbacks = APIRouter()


@callbacks.post("{$request.body.url}", responses=declared())
def notify(body: Model) -> None:
    pass


router = APIRouter(prefix="/levels", responses={404: {"description": "Router-level."}})


@router.post("/plain", responses=declared(), response_model=Model)
def levels_plain(body: Model, u: Annotated[str, Depends(user)]) -> Any:
    return body


@router.post("/with/{id}", responses=declared(), response_model=Model)
def levels_with(id: int, body: Model, u: Annotated[str, Depends(user)]) -> Any:
    return body


app = FastAPI(responses={409: {"description": "App-level."}})
options: Any = {
    "responses": declared(),
    "response_model": Model,
    "callbacks": callbacks.routes,
    "tags": ["t"],
    "deprecated": True,
    "openapi_extra": {"x-extra": 1},
}


@app.post("/plain", **options)
def plain(body: Model, u: Annotated[str, Depends(user)]) -> Any:
    return body


@app.post("/with/{id}", **options)
def with_parameters(id: int, body: Model, u: Annotated[str, Depends(user)]) -> Any:
    return body


@app.get("/mixed")
def mixed_plain(u: Annotated[str, Depends(user)]) -> None:
    pass


@app.post("/mixed", responses=declared())
def mixed_with(q: int, body: Model, u: Annotated[str, Depends(user)]) -> None:
    pass


app.include_router(
    router, responses={410: {"description": "Inclusion-level."}, 400: {"model": Model}}
)

CASES = [("openapi", "GET", "/openapi.json")]
