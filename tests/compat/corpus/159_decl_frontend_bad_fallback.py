"""Declaration error of frontend(): bad_fallback."""

from pathlib import Path

from fastapi import APIRouter, FastAPI

FILES = Path(__file__).parent / "_files"

app = FastAPI()
router = APIRouter()
app.frontend("/", directory=FILES / "spa", fallback="home.html")  # type: ignore[arg-type]

DECLARATION_ERROR = True
