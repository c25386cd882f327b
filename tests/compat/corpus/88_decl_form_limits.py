"""Declaration error: form_limits with a negative value."""

from fastapi import FastAPI

app = FastAPI(form_limits={"max_fields": -1})

DECLARATION_ERROR = True

DELIBERATE = {
    "declaration": {
        "reason": "Invalid `form_limits` raise a plain ValueError naming the key and value "
        "(FastAPI: pydantic's ValidationError, also a ValueError)",
        "error": ("ValueError", "form_limits['max_fields'] must be a non-negative integer, got -1"),
    }
}
