"""`fastslim.encoders`, as `fastapi.encoders`: `jsonable_encoder` and its tables."""

from pydantic import AnyUrl as AnyUrl
from pydantic import BaseModel as BaseModel
from pydantic import NameEmail as NameEmail
from pydantic import SecretBytes as SecretBytes
from pydantic import SecretStr as SecretStr
from pydantic.color import Color as Color
from pydantic_core import PydanticUndefinedType as PydanticUndefinedType
from pydantic_core import Url as Url

from fastslim.exceptions import PydanticV1NotSupportedError as PydanticV1NotSupportedError
from fastslim_routing.encoders import ENCODERS_BY_TYPE as ENCODERS_BY_TYPE
from fastslim_routing.encoders import IncEx as IncEx
from fastslim_routing.encoders import decimal_encoder as decimal_encoder
from fastslim_routing.encoders import encoders_by_class_tuples as encoders_by_class_tuples
from fastslim_routing.encoders import (
    generate_encoders_by_class_tuples as generate_encoders_by_class_tuples,
)
from fastslim_routing.encoders import isoformat as isoformat
from fastslim_routing.encoders import jsonable_encoder as jsonable_encoder

__all__ = (
    "ENCODERS_BY_TYPE",
    "IncEx",
    "decimal_encoder",
    "encoders_by_class_tuples",
    "generate_encoders_by_class_tuples",
    "isoformat",
    "jsonable_encoder",
)
