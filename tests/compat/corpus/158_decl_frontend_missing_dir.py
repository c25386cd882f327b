"""Declaration error of frontend(): missing_dir."""

from pathlib import Path

from fastapi import APIRouter, FastAPI

FILES = Path(__file__).parent / "_files"

app = FastAPI()
router = APIRouter()
app.frontend("/", directory=FILES / "no-such-build")

DECLARATION_ERROR = True
