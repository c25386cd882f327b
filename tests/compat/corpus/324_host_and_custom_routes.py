"""Host routing, Starlette routes and mounts interleaved with API routes, in declaration order."""

from fastapi import FastAPI, Request
from starlette.requests import Request as StarletteRequest
from starlette.responses import PlainTextResponse
from starlette.routing import Route

api = FastAPI()


@api.get("/who")
def api_who(request: Request) -> dict[str, object]:
    return {"app": "api", "host": request.headers["host"], "params": request.path_params}


@api.get("/only-api")
def only_api(request: Request) -> dict[str, object]:
    return {"root_path": request.scope.get("root_path"), "params": request.path_params}


async def plain(request: StarletteRequest) -> PlainTextResponse:
    return PlainTextResponse(f"starlette route {request.path_params}")


app = FastAPI()


@app.get("/who")
def main_who() -> str:
    return "main"


app.host("{tenant}.example.com", api)
app.router.routes.append(Route("/plain/{x}", plain, methods=["GET"]))


@app.get("/plain/api")
def shadowed() -> str:
    return "declared after the starlette route"


CASES = [
    ("main", "GET", "/who"),
    ("tenant", "GET", "/who", {"headers": {"Host": "acme.example.com"}}),
    ("tenant-404", "GET", "/nope", {"headers": {"Host": "acme.example.com"}}),
    ("tenant-only-api", "GET", "/only-api", {"headers": {"Host": "acme.example.com"}}),
    ("only-api-other-host", "GET", "/only-api"),
    ("other-host", "GET", "/who", {"headers": {"Host": "example.org"}}),
    ("plain", "GET", "/plain/1"),
    ("plain-first", "GET", "/plain/api"),
    ("plain-405", "POST", "/plain/1"),
]
