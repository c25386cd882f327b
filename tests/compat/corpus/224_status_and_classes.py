"""Default status codes and media types: decorators, status module, response classes
(router default, redirect, plain text, file-like), HEAD and OPTIONS operations."""

from fastapi import APIRouter, FastAPI, status
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse

app = FastAPI()
pages = APIRouter(default_response_class=HTMLResponse)


@pages.get("/page")
def page() -> str:
    return "<p>page</p>"


@pages.get("/json-anyway", response_class=PlainTextResponse)
def text() -> str:
    return "text"


@app.post("/created", status_code=status.HTTP_201_CREATED)
def created() -> dict[str, int]:
    return {"id": 1}


@app.get("/moved", response_class=RedirectResponse, status_code=301)
def moved() -> str:
    return "/page"


@app.get("/temp", response_class=RedirectResponse)
def temp() -> str:
    return "/page"


@app.api_route("/multi", methods=["HEAD", "OPTIONS"])
def multi() -> None:
    return None


@app.get("/accepted", status_code=202, response_model=None)
def accepted() -> dict[str, str]:
    return {}


app.include_router(pages)
CASES = [("created", "POST", "/created"), ("page", "GET", "/page")]
