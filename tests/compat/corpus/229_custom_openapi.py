"""The documented override of app.openapi with get_openapi, served and cached."""

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

app = FastAPI()


@app.get("/items")
def items() -> list[str]:
    return []


def custom_openapi() -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title="Custom title",
        version="2.5.0",
        summary="This is a very custom OpenAPI schema",
        description="Here's a longer description",
        routes=app.routes,
        tags=[{"name": "items"}],
        servers=[{"url": "https://example.com"}],
    )
    schema["info"]["x-logo"] = {"url": "https://example.com/logo.png"}
    app.openapi_schema = schema
    return app.openapi_schema


app.openapi = custom_openapi  # type: ignore[method-assign]
CASES = [("openapi", "GET", "/openapi.json"), ("again", "GET", "/openapi.json")]
