"""Routes added without decorators: add_api_route, api_route, include_in_schema, deprecated."""

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute


def listing(limit: int = 2) -> list[int]:
    return list(range(limit))


def hidden() -> str:
    return "hidden routes are served"


async def old() -> dict[str, bool]:
    return {"deprecated": True}


def made(n: int) -> int:
    return n + 1


app = FastAPI()
app.add_api_route("/listing", listing, methods=["GET", "POST"])
app.add_api_route("/hidden", hidden, include_in_schema=False)
app.add_api_route("/old", old, deprecated=True, status_code=203)
router = APIRouter(routes=[APIRoute("/made/{n}", made, methods=["PUT"])])
router.add_api_route("/created", listing, methods=["POST"], status_code=201)


@router.api_route("/both", methods=["GET", "DELETE"])
def both() -> str:
    return "both"


app.include_router(router, prefix="/r")

CASES = [
    ("listing", "GET", "/listing?limit=3"),
    ("listing-post", "POST", "/listing"),
    ("listing-bad", "GET", "/listing?limit=x"),
    ("hidden", "GET", "/hidden"),
    ("old", "GET", "/old"),
    ("made", "PUT", "/r/made/4"),
    ("made-get-405", "GET", "/r/made/4"),
    ("created", "POST", "/r/created"),
    ("both-delete", "DELETE", "/r/both"),
    ("both-put-405", "PUT", "/r/both"),
]
