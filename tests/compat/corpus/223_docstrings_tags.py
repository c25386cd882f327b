"""Summaries and descriptions from docstrings (form feed cut), tags from routers and
inclusions in FastAPI's order, response_description, a class-based endpoint."""

from enum import Enum

from fastapi import APIRouter, FastAPI


class Tag(str, Enum):  # noqa: UP042
    users = "users"


app = FastAPI()
inner = APIRouter(prefix="/inner", tags=["inner"])
outer = APIRouter(prefix="/outer", tags=[Tag.users])


@inner.get("/doc", response_description="The thing")
def documented() -> str:
    """
    First line.

    Details with **markdown**.
    \f
    :param nothing: internal notes
    """
    return "doc"


@inner.get("/summary", summary="Custom summary", description="Explicit")
def summarised() -> str:
    """Ignored docstring."""
    return "s"


class Callable:
    """A callable endpoint object."""

    def __call__(self) -> str:
        return "c"


inner.add_api_route("/callable", Callable(), methods=["GET"], name="the_callable")
outer.include_router(inner, tags=["middle"])
app.include_router(outer, tags=["top"])
CASES = [("doc", "GET", "/outer/inner/doc")]
