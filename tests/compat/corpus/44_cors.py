"""CORSMiddleware: preflight and simple requests, allowed and refused origins."""

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://good.example"],
    allow_credentials=True,
    allow_methods=["GET", "POST"],
    allow_headers=["X-Custom"],
    expose_headers=["X-Exposed"],
    max_age=600,
)


@app.get("/data")
def data() -> dict[str, int]:
    return {"data": 1}


@app.post("/data")
def post_data(value: dict[str, int]) -> dict[str, int]:
    return value


GOOD = "https://good.example"

CASES = [
    ("simple-allowed", "GET", "/data", {"headers": {"Origin": GOOD}}),
    ("simple-refused", "GET", "/data", {"headers": {"Origin": "https://evil.example"}}),
    ("no-origin", "GET", "/data"),
    (
        "preflight-ok",
        "OPTIONS",
        "/data",
        {
            "headers": {
                "Origin": GOOD,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "X-Custom",
            }
        },
    ),
    (
        "preflight-bad-method",
        "OPTIONS",
        "/data",
        {"headers": {"Origin": GOOD, "Access-Control-Request-Method": "DELETE"}},
    ),
    (
        "preflight-bad-header",
        "OPTIONS",
        "/data",
        {
            "headers": {
                "Origin": GOOD,
                "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "X-Other",
            }
        },
    ),
    (
        "preflight-bad-origin",
        "OPTIONS",
        "/data",
        {"headers": {"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}},
    ),
    ("options-without-preflight", "OPTIONS", "/data", {"headers": {"Origin": GOOD}}),
    ("post-error-has-cors", "POST", "/data", {"json": {"a": "x"}, "headers": {"Origin": GOOD}}),
    ("404-has-cors", "GET", "/none", {"headers": {"Origin": GOOD}}),
]
