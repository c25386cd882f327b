"""Info defaults and tag metadata; empty description and summary left out."""

from fastapi import FastAPI

app = FastAPI(
    title="Défaut — ünïcode",
    description="",
    openapi_tags=[
        {
            "name": "docs",
            "description": "With *markdown*",
            "externalDocs": {"description": "Read", "url": "https://example.com"},
        }
    ],
    license_info={"name": "Apache 2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0.html"},
    contact={"email": "dev@example.com"},
)


@app.get("/", tags=["docs"])
def root() -> dict[str, str]:
    return {}


CASES = [("openapi", "GET", "/openapi.json"), ("docs", "GET", "/docs"), ("redoc", "GET", "/redoc")]
