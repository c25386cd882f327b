"""app.dependency_overrides: a replaced dependency, its own parameters, and a sub-dependency."""

from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException

app = FastAPI()


def get_db() -> str:
    raise HTTPException(500, "the real database is not available in tests")


def get_user(db: Annotated[str, Depends(get_db)], name: str = "anon") -> dict[str, str]:
    return {"db": db, "name": name}


def fake_db() -> str:
    return "fake"


def fake_settings(flavour: str = "vanilla") -> dict[str, str]:
    return {"flavour": flavour}


def settings() -> dict[str, str]:
    return {"flavour": "real"}


@app.get("/user")
def user(u: Annotated[dict[str, str], Depends(get_user)]) -> dict[str, str]:
    return u


@app.get("/settings")
def read_settings(s: Annotated[dict[str, str], Depends(settings)]) -> dict[str, str]:
    return s


@app.get("/direct-db")
def direct_db(db: Annotated[str, Depends(get_db)]) -> str:
    return db


app.dependency_overrides[get_db] = fake_db
app.dependency_overrides[settings] = fake_settings

CASES = [
    ("user", "GET", "/user?name=ada"),
    ("settings-override-params", "GET", "/settings?flavour=lemon"),
    ("settings-default", "GET", "/settings"),
    ("direct-db", "GET", "/direct-db"),
]
