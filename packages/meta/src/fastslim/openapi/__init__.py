"""`fastslim.openapi`, as `fastapi.openapi`: `docs`, `models`, `utils`, `constants`."""

__all__ = ()
