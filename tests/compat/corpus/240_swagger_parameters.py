"""Swagger UI parameters overriding the defaults, values needing JSON escapes, and the
OAuth2 redirect turned off."""

from fastapi import FastAPI

app = FastAPI(
    title="Params",
    swagger_ui_parameters={
        "dom_id": "#other",
        "layout": "StandaloneLayout",
        "defaultModelsExpandDepth": -1,
        "filter": True,
        "tryItOutEnabled": True,
        "requestSnippets": {"generators": {"curl_bash": {"title": "cURL"}}},
        "note": "a 'quoted' \"value\"",
    },
    swagger_ui_oauth2_redirect_url=None,
)


@app.get("/")
def root() -> str:
    return "root"


CASES = [("docs", "GET", "/docs"), ("redirect-off", "GET", "/docs/oauth2-redirect")]
