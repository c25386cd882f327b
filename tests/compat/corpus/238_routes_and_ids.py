"""add_api_route, custom APIRoute classes, explicit and duplicate operation ids across
routers, api_route with several methods."""

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute


class TimedRoute(APIRoute):
    pass


app = FastAPI()
router = APIRouter(route_class=TimedRoute)


def listing() -> list[str]:
    return []


router.add_api_route("/things", listing, methods=["GET"], operation_id="list_things")
router.add_api_route("/things", listing, methods=["POST"], summary="Make one")


@router.get("/dup", operation_id="list_things")
def dup() -> str:
    return "d"


@app.api_route("/both", methods=["PUT", "PATCH"], operation_id="update_both")
def both() -> str:
    return "b"


app.include_router(router, prefix="/api")
app.include_router(router, prefix="/v2")
CASES = [("things", "GET", "/api/things")]
