"""response_class and Response objects returned directly."""

from fastapi import FastAPI
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)

app = FastAPI()


@app.get("/html", response_class=HTMLResponse)
def html() -> str:
    return "<h1>Hi</h1>"


@app.get("/text", response_class=PlainTextResponse)
def text() -> str:
    return "plain \u00e9"


@app.get("/json-class", response_class=JSONResponse)
def json_class() -> dict[str, object]:
    return {"a": 1, "b": [1.5, None]}


@app.get("/redirect", response_class=RedirectResponse)
def redirect() -> str:
    return "/html"


@app.get("/redirect-302", response_class=RedirectResponse, status_code=302)
def redirect_302() -> str:
    return "https://example.com/x?y=1"


@app.get("/direct-json")
def direct_json() -> JSONResponse:
    return JSONResponse({"direct": True}, status_code=202, headers={"X-Direct": "1"})


@app.get("/direct-response")
def direct_response() -> Response:
    return Response(b"<xml/>", media_type="application/xml")


@app.get("/direct-redirect")
def direct_redirect() -> RedirectResponse:
    return RedirectResponse("/text", status_code=308)


@app.get("/direct-no-media")
def direct_no_media() -> Response:
    return Response(content="raw")


@app.get("/html-status", response_class=HTMLResponse, status_code=201)
def html_status() -> str:
    return "<p>created</p>"


@app.get("/text-number", response_class=PlainTextResponse)
def text_number() -> int:
    return 42


CASES = [
    ("html", "GET", "/html"),
    ("text", "GET", "/text"),
    ("json-class", "GET", "/json-class"),
    ("redirect", "GET", "/redirect"),
    ("redirect-followed", "GET", "/redirect", {"follow_redirects": True}),
    ("redirect-302", "GET", "/redirect-302"),
    ("direct-json", "GET", "/direct-json"),
    ("direct-response", "GET", "/direct-response"),
    ("direct-redirect", "GET", "/direct-redirect"),
    ("direct-no-media", "GET", "/direct-no-media"),
    ("html-status", "GET", "/html-status"),
    ("text-number", "GET", "/text-number"),
]
