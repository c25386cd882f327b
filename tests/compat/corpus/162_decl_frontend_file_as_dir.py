"""Declaration error of frontend(): file_as_dir."""

from pathlib import Path

from fastapi import APIRouter, FastAPI

FILES = Path(__file__).parent / "_files"

app = FastAPI()
router = APIRouter()
app.frontend("/", directory=FILES / "spa" / "index.html")

DECLARATION_ERROR = True
