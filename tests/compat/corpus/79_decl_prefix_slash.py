"""Declaration error: an include_router prefix ending with a slash."""

from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter()


@router.get("/x")
def x() -> str:
    return "x"


app.include_router(router, prefix="/api/")

DECLARATION_ERROR = True
