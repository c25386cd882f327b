"""Declaration error: a router route with an empty path included without a prefix."""

from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter()


@router.get("")
def empty() -> str:
    return "empty"


app.include_router(router)

DECLARATION_ERROR = True
