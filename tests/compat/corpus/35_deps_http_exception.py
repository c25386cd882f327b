"""A dependency raising HTTPException, stopping the request before the endpoint."""

from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException

app = FastAPI()
REACHED: list[str] = []


async def verify_token(x_token: Annotated[str, Header()]) -> str:
    if x_token != "secret":
        raise HTTPException(status_code=400, detail="X-Token header invalid")
    return x_token


def verify_key(x_key: Annotated[str, Header()]) -> str:
    if x_key != "key":
        raise HTTPException(status_code=403, detail={"reason": "bad key"}, headers={"X-Why": "key"})
    return x_key


@app.get("/items", dependencies=[Depends(verify_token), Depends(verify_key)])
def items() -> list[str]:
    REACHED.append("items")
    return ["a"]


@app.get("/reached")
def reached() -> list[str]:
    return REACHED


CASES = [
    ("ok", "GET", "/items", {"headers": {"X-Token": "secret", "X-Key": "key"}}),
    ("bad-token", "GET", "/items", {"headers": {"X-Token": "nope", "X-Key": "key"}}),
    ("bad-key", "GET", "/items", {"headers": {"X-Token": "secret", "X-Key": "nope"}}),
    ("both-missing", "GET", "/items"),
    ("token-missing-key-bad", "GET", "/items", {"headers": {"X-Key": "nope"}}),
    ("reached", "GET", "/reached"),
]
