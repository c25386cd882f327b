"""root_path given by the server (the client), without one on the app."""

from fastapi import APIRouter, FastAPI, Request

app = FastAPI()
router = APIRouter(prefix="/r")


@router.get("/where")
def where(request: Request) -> dict[str, object]:
    return {
        "root_path": request.scope.get("root_path"),
        "path": request.url.path,
        "url_for": str(request.url_for("where")),
        "path_for": app.url_path_for("where"),
    }


app.include_router(router)

CLIENT = {"root_path": "/proxy"}

CASES = [
    ("where", "GET", "/r/where"),
    ("where-prefixed", "GET", "/proxy/r/where"),
    ("redirect-slash", "GET", "/r/where/"),
]
