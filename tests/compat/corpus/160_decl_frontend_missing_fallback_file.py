"""Declaration error of frontend(): missing_fallback_file."""

from pathlib import Path

from fastapi import APIRouter, FastAPI

FILES = Path(__file__).parent / "_files"

app = FastAPI()
router = APIRouter()
app.frontend("/", directory=FILES / "spa_index_only", fallback="404.html")

DECLARATION_ERROR = True
