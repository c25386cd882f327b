"""Docs pages with Swagger UI parameters, init_oauth and custom URLs; no ReDoc."""

from fastapi import FastAPI

app = FastAPI(
    title="Docs",
    openapi_url="/api/schema.json",
    docs_url="/api/docs",
    redoc_url=None,
    swagger_ui_oauth2_redirect_url="/api/redirect",
    swagger_ui_init_oauth={"clientId": "my-client", "appName": "My App", "usePkce": True},
    swagger_ui_parameters={"deepLinking": False, "syntaxHighlight.theme": "obsidian"},
)


@app.get("/ping")
def ping() -> str:
    return "pong"


CASES = [
    ("schema", "GET", "/api/schema.json"),
    ("docs", "GET", "/api/docs"),
    ("redirect", "GET", "/api/redirect"),
    ("no-redoc", "GET", "/redoc"),
    ("no-default-docs", "GET", "/docs"),
]
