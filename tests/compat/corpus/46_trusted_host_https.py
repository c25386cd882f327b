"""TrustedHostMiddleware and HTTPSRedirectMiddleware."""

from fastapi import FastAPI
from fastapi.middleware.httpsredirect import HTTPSRedirectMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware

app = FastAPI()
app.add_middleware(TrustedHostMiddleware, allowed_hosts=["testserver", "*.example.com"])

secure = FastAPI()
secure.add_middleware(HTTPSRedirectMiddleware)


@app.get("/host")
def host() -> str:
    return "trusted"


@secure.get("/page")
def page(q: str = "") -> str:
    return f"secure {q}"


app.mount("/secure", secure)

CASES = [
    ("trusted", "GET", "/host"),
    ("trusted-wildcard", "GET", "/host", {"headers": {"Host": "api.example.com"}}),
    ("untrusted", "GET", "/host", {"headers": {"Host": "evil.test"}}),
    ("https-redirect", "GET", "/secure/page?q=1"),
    ("https-redirect-host", "GET", "/secure/page", {"headers": {"Host": "www.example.com:80"}}),
]
