"""`fastslim.datastructures`, as `fastapi.datastructures`."""

from pydantic import GetJsonSchemaHandler as GetJsonSchemaHandler

from fastslim_routing.datastructures import URL as URL
from fastslim_routing.datastructures import Address as Address
from fastslim_routing.datastructures import Default as Default
from fastslim_routing.datastructures import DefaultPlaceholder as DefaultPlaceholder
from fastslim_routing.datastructures import DefaultType as DefaultType
from fastslim_routing.datastructures import FormData as FormData
from fastslim_routing.datastructures import Headers as Headers
from fastslim_routing.datastructures import QueryParams as QueryParams
from fastslim_routing.datastructures import State as State
from fastslim_routing.datastructures import UploadFile as UploadFile
from fastslim_routing.datastructures import _Unset as _Unset

__all__ = (
    "URL",
    "Address",
    "Default",
    "DefaultPlaceholder",
    "DefaultType",
    "FormData",
    "Headers",
    "QueryParams",
    "State",
    "UploadFile",
    "_Unset",
)
