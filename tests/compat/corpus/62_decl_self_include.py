"""Declaration error: a router included into itself."""

from fastapi import APIRouter

router = APIRouter()


@router.get("/x")
def x() -> str:
    return "x"


router.include_router(router)

DECLARATION_ERROR = True
