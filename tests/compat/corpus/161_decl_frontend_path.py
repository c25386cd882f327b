"""Declaration error of frontend(): path."""

from pathlib import Path

from fastapi import APIRouter, FastAPI

FILES = Path(__file__).parent / "_files"

app = FastAPI()
router = APIRouter()
APIRouter().frontend("ui", directory=FILES / "spa")

DECLARATION_ERROR = True
