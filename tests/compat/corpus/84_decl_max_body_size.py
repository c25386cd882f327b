"""Declaration error: a negative max_body_size."""

from fastapi import FastAPI

app = FastAPI(max_body_size=-1)

DECLARATION_ERROR = True
