"""`fastslim.encoders`, as `fastapi.encoders`: `jsonable_encoder` and its tables."""

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
