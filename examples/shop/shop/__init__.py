"""The shop demo: a fastslim app whose background work is done right.

`create_app(settings)` builds the app; `python -m shop` serves it with uvicorn on
127.0.0.1:8000 (see examples/shop/README.md for the curl lines).
"""

from .app import app_from_env as app_from_env
from .app import create_app as create_app
from .settings import Settings as Settings

__all__ = ("Settings", "app_from_env", "create_app")
