"""Trailing-slash redirects with redirect_slashes on and off."""

from fastapi import APIRouter, FastAPI

app = FastAPI()


@app.get("/with-slash/")
def with_slash() -> str:
    return "with slash"


@app.get("/without-slash")
def without_slash() -> str:
    return "without slash"


@app.post("/post-only/")
def post_only() -> str:
    return "posted"


no_redirect = FastAPI(redirect_slashes=False)


@no_redirect.get("/a/")
def a() -> str:
    return "a"


@no_redirect.get("/b")
def b() -> str:
    return "b"


router = APIRouter(redirect_slashes=False)


@router.get("/r/")
def r() -> str:
    return "r"


app.include_router(router)
app.mount("/off", no_redirect)

CASES = [
    ("with-slash", "GET", "/with-slash/"),
    ("with-slash-redirect", "GET", "/with-slash"),
    ("with-slash-redirect-query", "GET", "/with-slash?q=1"),
    ("with-slash-followed", "GET", "/with-slash", {"follow_redirects": True}),
    ("without-slash-redirect", "GET", "/without-slash/"),
    ("post-only-redirect", "POST", "/post-only"),
    ("post-only-get", "GET", "/post-only"),
    ("router-no-redirect-flag", "GET", "/r"),
    ("off-a", "GET", "/off/a/"),
    ("off-a-no-slash", "GET", "/off/a"),
    ("off-b-slash", "GET", "/off/b/"),
]
