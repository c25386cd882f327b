"""openapi_url=None turns the document and every docs page off."""

from fastapi import FastAPI

app = FastAPI(openapi_url=None)


@app.get("/ping")
def ping() -> str:
    return "pong"


CASES = [
    ("openapi", "GET", "/openapi.json"),
    ("docs", "GET", "/docs"),
    ("redoc", "GET", "/redoc"),
    ("redirect", "GET", "/docs/oauth2-redirect"),
]
