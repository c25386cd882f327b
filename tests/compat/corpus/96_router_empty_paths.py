"""Routes with an empty path or "/" in a prefixed router; the app root."""

from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter(prefix="/items")


@router.get("")
def no_slash() -> str:
    return "no slash"


@router.get("/")
def slash() -> str:
    return "slash"


@router.post("")
def post_no_slash() -> str:
    return "post no slash"


app.include_router(router)
app.include_router(APIRouter(), prefix="/empty")


@app.get("/")
def root() -> str:
    return "root"


CASES = [
    ("no-slash", "GET", "/items"),
    ("slash", "GET", "/items/"),
    ("post-no-slash", "POST", "/items"),
    ("post-slash", "POST", "/items/"),
    ("root", "GET", "/"),
    ("empty-router", "GET", "/empty"),
]
