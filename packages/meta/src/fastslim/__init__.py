"""fastslim: a FastAPI-compatible framework in reusable parts.

Replace `fastapi` with `fastslim` in an app's imports; the names below are the
ones FastAPI exports at its top level.
"""

from starlette.websockets import WebSocket as WebSocket
from starlette.websockets import WebSocketDisconnect as WebSocketDisconnect

from fastslim_routing import APIRouter as APIRouter
from fastslim_routing import BackgroundTasks as BackgroundTasks
from fastslim_routing import Body as Body
from fastslim_routing import Cookie as Cookie
from fastslim_routing import Depends as Depends
from fastslim_routing import FastAPI as FastAPI
from fastslim_routing import File as File
from fastslim_routing import Form as Form
from fastslim_routing import Header as Header
from fastslim_routing import HTTPException as HTTPException
from fastslim_routing import Path as Path
from fastslim_routing import Query as Query
from fastslim_routing import Request as Request
from fastslim_routing import Response as Response
from fastslim_routing import Security as Security
from fastslim_routing import UploadFile as UploadFile
from fastslim_routing import WebSocketException as WebSocketException

from . import status as status
from .__about__ import __version__ as __version__

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
    "WebSocket",
    "WebSocketDisconnect",
    "WebSocketException",
    "__version__",
)
