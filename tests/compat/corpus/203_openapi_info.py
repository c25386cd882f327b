"""OpenAPI info, servers, tags metadata, external docs, summary and the docs pages."""

from fastapi import FastAPI

app = FastAPI(
    title="Shop API",
    summary="A shop",
    description="All about **items**.",
    version="3.1.4",
    terms_of_service="https://example.com/terms/",
    contact={"name": "Ann", "url": "https://example.com/contact/", "email": "ann@example.com"},
    license_info={"name": "MIT", "identifier": "MIT"},
    openapi_tags=[
        {"name": "items", "description": "Items", "externalDocs": {"url": "https://x.org/"}},
        {"name": "users"},
    ],
    servers=[{"url": "https://api.example.com", "description": "Production"}],
    openapi_external_docs={"description": "More", "url": "https://docs.example.com/"},
)


@app.get("/items", tags=["items"])
def list_items() -> list[str]:
    return []


CASES = [
    ("openapi", "GET", "/openapi.json"),
    ("docs", "GET", "/docs"),
    ("redoc", "GET", "/redoc"),
    ("redirect", "GET", "/docs/oauth2-redirect"),
]
