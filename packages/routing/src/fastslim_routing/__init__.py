"""fastslim-routing: the FastAPI-compatible application core of fastslim."""

from .__about__ import __version__ as __version__

__all__ = ("__version__",)
