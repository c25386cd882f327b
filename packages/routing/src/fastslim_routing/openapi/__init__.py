"""OpenAPI, as `fastapi.openapi`: the document (`utils`), its models (`models`), the
docs pages (`docs`) and constants (`constants`). Loaded on first use."""

__all__ = ()
