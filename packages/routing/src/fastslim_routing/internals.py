"""FastAPI 0.165's internal objects that extensions import, at fastslim's
compatibility surface: `ModelField` (`fastapi._compat`), `create_model_field`
(`fastapi.utils`), `Dependant` (`fastapi.dependencies.models`), `SolvedDependency`,
`get_flat_params`, `get_validation_alias`, `lenient_issubclass`, `_get_flat_body_params`
(`fastapi.dependencies.utils`). Same names, fields and signatures as FastAPI's,
compared against it in `tests/compat/test_internals_against_fastapi.py`. They are
views and helpers: fastslim's routes never build or read them per request.
"""

from ._internals.dependant import Dependant as Dependant
from ._internals.dependant import SolvedDependency as SolvedDependency
from ._internals.dependant import get_flat_body_params as get_flat_body_params
from ._internals.dependant import get_flat_params as get_flat_params
from ._internals.dependant import get_validation_alias as get_validation_alias
from ._internals.model_field import ModelField as ModelField
from ._internals.model_field import create_model_field as create_model_field
from ._internals.model_field import lenient_issubclass as lenient_issubclass

__all__ = (
    "Dependant",
    "ModelField",
    "SolvedDependency",
    "create_model_field",
    "get_flat_body_params",
    "get_flat_params",
    "get_validation_alias",
    "lenient_issubclass",
)
