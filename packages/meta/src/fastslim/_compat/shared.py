"""`fastslim._compat.shared`, as `fastapi._compat.shared`: FastAPI's predicates on
annotations (scalar, sequence, bytes, uploaded file, pydantic.v1), for the
extensions that import them. Views over fastslim-routing's compatibility surface
(`fastslim_routing.internals`); fastslim's own routes do not use them."""

from fastslim_routing.internals import PYDANTIC_VERSION as PYDANTIC_VERSION
from fastslim_routing.internals import PYDANTIC_VERSION_MINOR_TUPLE as PYDANTIC_VERSION_MINOR_TUPLE
from fastslim_routing.internals import annotation_is_pydantic_v1 as annotation_is_pydantic_v1
from fastslim_routing.internals import field_annotation_is_complex as field_annotation_is_complex
from fastslim_routing.internals import field_annotation_is_scalar as field_annotation_is_scalar
from fastslim_routing.internals import (
    field_annotation_is_scalar_sequence as field_annotation_is_scalar_sequence,
)
from fastslim_routing.internals import (
    field_annotation_is_sequence as field_annotation_is_sequence,
)
from fastslim_routing.internals import (
    is_bytes_or_nonable_bytes_annotation as is_bytes_or_nonable_bytes_annotation,
)
from fastslim_routing.internals import (
    is_bytes_sequence_annotation as is_bytes_sequence_annotation,
)
from fastslim_routing.internals import is_pydantic_v1_model_class as is_pydantic_v1_model_class
from fastslim_routing.internals import (
    is_pydantic_v1_model_instance as is_pydantic_v1_model_instance,
)
from fastslim_routing.internals import (
    is_uploadfile_or_nonable_uploadfile_annotation as is_uploadfile_or_nonable_uploadfile_annotation,  # noqa: E501
)
from fastslim_routing.internals import (
    is_uploadfile_sequence_annotation as is_uploadfile_sequence_annotation,
)
from fastslim_routing.internals import lenient_issubclass as lenient_issubclass
from fastslim_routing.internals import sequence_annotation_to_type as sequence_annotation_to_type
from fastslim_routing.internals import sequence_types as sequence_types
from fastslim_routing.internals import value_is_sequence as value_is_sequence

__all__ = (
    "PYDANTIC_VERSION",
    "PYDANTIC_VERSION_MINOR_TUPLE",
    "annotation_is_pydantic_v1",
    "field_annotation_is_complex",
    "field_annotation_is_scalar",
    "field_annotation_is_scalar_sequence",
    "field_annotation_is_sequence",
    "is_bytes_or_nonable_bytes_annotation",
    "is_bytes_sequence_annotation",
    "is_pydantic_v1_model_class",
    "is_pydantic_v1_model_instance",
    "is_uploadfile_or_nonable_uploadfile_annotation",
    "is_uploadfile_sequence_annotation",
    "lenient_issubclass",
    "sequence_annotation_to_type",
    "sequence_types",
    "value_is_sequence",
)
