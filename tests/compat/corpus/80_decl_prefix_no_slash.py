"""Declaration error: an APIRouter prefix not starting with a slash."""

from fastapi import APIRouter

router = APIRouter(prefix="api")

DECLARATION_ERROR = True
