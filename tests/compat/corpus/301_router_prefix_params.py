"""Path parameters in router prefixes and in include_router prefixes."""

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path

USERS = {1: "ada", 2: "grace"}


def get_user(user_id: Annotated[int, Path(ge=1)]) -> str:
    if user_id not in USERS:
        raise HTTPException(404, f"user {user_id} not found")
    return USERS[user_id]


router = APIRouter(prefix="/users/{user_id}", dependencies=[Depends(get_user)])


@router.get("/posts/{post_id}")
def post(user_id: int, post_id: int) -> dict[str, int]:
    return {"user_id": user_id, "post_id": post_id}


@router.get("")
def user(name: Annotated[str, Depends(get_user)]) -> str:
    return name


org = APIRouter()


@org.get("/members")
def members(org_id: str) -> str:
    return f"members of {org_id}"


app = FastAPI()
app.include_router(router)
app.include_router(org, prefix="/orgs/{org_id}")

CASES = [
    ("post", "GET", "/users/1/posts/7"),
    ("post-unknown-user", "GET", "/users/9/posts/7"),
    ("post-bad-user", "GET", "/users/0/posts/x"),
    ("user", "GET", "/users/2"),
    ("user-slash", "GET", "/users/2/"),
    ("members", "GET", "/orgs/acme/members"),
]
