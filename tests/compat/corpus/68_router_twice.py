"""One router included twice under two prefixes, with routes added after its inclusion."""

from fastapi import APIRouter, Depends, FastAPI, Request

app = FastAPI()
shared = APIRouter(prefix="/shared")
CALLS: list[str] = []


def record(request: Request) -> None:
    CALLS.append(request.url.path)


@shared.get("/ping")
def ping(request: Request) -> str:
    return f"pong from {request.url.path}"


app.include_router(shared, prefix="/v1")
app.include_router(shared, prefix="/v2", dependencies=[Depends(record)])


@shared.get("/late")
def late(request: Request) -> dict[str, object]:
    return {"path": request.url.path, "route": request.scope["route"].path}


@app.get("/calls")
def calls() -> list[str]:
    return CALLS


CASES = [
    ("ping-v1", "GET", "/v1/shared/ping"),
    ("ping-v2", "GET", "/v2/shared/ping"),
    ("ping-bare", "GET", "/shared/ping"),
    ("late-v1", "GET", "/v1/shared/late"),
    ("late-v2", "GET", "/v2/shared/late"),
    ("late-405", "POST", "/v1/shared/late"),
    ("calls", "GET", "/calls"),
]
