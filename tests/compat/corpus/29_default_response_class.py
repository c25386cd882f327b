"""default_response_class on the app, on a router and on include_router."""

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse

app = FastAPI(default_response_class=PlainTextResponse)
html_router = APIRouter(default_response_class=HTMLResponse)
plain_router = APIRouter()
json_router = APIRouter()


@app.get("/app-level")
def app_level() -> str:
    return "from the app"


@app.get("/app-level-dict")
def app_level_dict() -> dict[str, int]:
    return {"a": 1}


@app.get("/app-level-param")
def app_level_param(n: int) -> str:
    return str(n)


@app.get("/route-json", response_class=JSONResponse)
def route_json() -> dict[str, int]:
    return {"a": 1}


@html_router.get("/html")
def html() -> str:
    return "<b>router</b>"


@plain_router.get("/inherits")
def inherits() -> str:
    return "inherits the app's"


@json_router.get("/include-level")
def include_level() -> dict[str, int]:
    return {"b": 2}


app.include_router(html_router, prefix="/h")
app.include_router(plain_router, prefix="/p")
app.include_router(json_router, prefix="/j", default_response_class=JSONResponse)

CASES = [
    ("app-level", "GET", "/app-level"),
    ("app-level-dict", "GET", "/app-level-dict"),
    ("route-json", "GET", "/route-json"),
    ("router-html", "GET", "/h/html"),
    ("router-inherits", "GET", "/p/inherits"),
    ("include-level", "GET", "/j/include-level"),
    ("app-level-dict-raises", "GET", "/app-level-dict", {"raises": True}),
    ("validation-error-is-json", "GET", "/app-level-param?n=x"),
    ("app-level-param", "GET", "/app-level-param?n=4"),
]
