"""fastslim-routing: the FastAPI-compatible application core of fastslim.

The names FastAPI exports at its top level, as far as this package provides
them; the `fastslim` meta-package re-exports them at FastAPI's module paths.
"""

from starlette.requests import Request as Request
from starlette.responses import Response as Response

from fastslim_tasks import BackgroundTasks as BackgroundTasks

from .__about__ import __version__ as __version__
from .applications import FastAPI as FastAPI
from .datastructures import UploadFile as UploadFile
from .exceptions import HTTPException as HTTPException
from .exceptions import WebSocketException as WebSocketException
from .param_functions import Body as Body
from .param_functions import Cookie as Cookie
from .param_functions import Depends as Depends
from .param_functions import File as File
from .param_functions import Form as Form
from .param_functions import Header as Header
from .param_functions import Path as Path
from .param_functions import Query as Query
from .param_functions import Security as Security
from .routing import APIRouter as APIRouter

__all__ = (
    "APIRouter",
    "BackgroundTasks",
    "Body",
    "Cookie",
    "Depends",
    "FastAPI",
    "File",
    "Form",
    "HTTPException",
    "Header",
    "Path",
    "Query",
    "Request",
    "Response",
    "Security",
    "UploadFile",
    "WebSocketException",
    "__version__",
)
