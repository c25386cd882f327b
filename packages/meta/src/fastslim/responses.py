"""`fastslim.responses`, as `fastapi.responses`: response classes."""

from fastslim.exceptions import FastAPIDeprecationWarning as FastAPIDeprecationWarning
from fastslim_routing.responses import EventSourceResponse as EventSourceResponse
from fastslim_routing.responses import FileResponse as FileResponse
from fastslim_routing.responses import HTMLResponse as HTMLResponse
from fastslim_routing.responses import JSONResponse as JSONResponse
from fastslim_routing.responses import ORJSONResponse as ORJSONResponse
from fastslim_routing.responses import PlainTextResponse as PlainTextResponse
from fastslim_routing.responses import RedirectResponse as RedirectResponse
from fastslim_routing.responses import Response as Response
from fastslim_routing.responses import StreamingResponse as StreamingResponse
from fastslim_routing.responses import UJSONResponse as UJSONResponse

__all__ = (
    "EventSourceResponse",
    "FileResponse",
    "HTMLResponse",
    "JSONResponse",
    "ORJSONResponse",
    "PlainTextResponse",
    "RedirectResponse",
    "Response",
    "StreamingResponse",
    "UJSONResponse",
)
