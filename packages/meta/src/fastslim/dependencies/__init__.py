"""`fastslim.dependencies`, as `fastapi.dependencies`: see `.utils` and `.models`."""

__all__ = ()
