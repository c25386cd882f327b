"""`fastslim.params`, as `fastapi.params`: the classes of parameter declarations."""

from pydantic import AliasChoices as AliasChoices
from pydantic import AliasPath as AliasPath
from pydantic import Discriminator as Discriminator
from pydantic.fields import FieldInfo as FieldInfo

from fastslim.exceptions import FastAPIDeprecationWarning as FastAPIDeprecationWarning
from fastslim.openapi.models import Example as Example
from fastslim_routing.params import Body as Body
from fastslim_routing.params import Cookie as Cookie
from fastslim_routing.params import Depends as Depends
from fastslim_routing.params import File as File
from fastslim_routing.params import Form as Form
from fastslim_routing.params import Header as Header
from fastslim_routing.params import Param as Param
from fastslim_routing.params import ParamTypes as ParamTypes
from fastslim_routing.params import Path as Path
from fastslim_routing.params import Query as Query
from fastslim_routing.params import Security as Security

__all__ = (
    "Body",
    "Cookie",
    "Depends",
    "File",
    "Form",
    "Header",
    "Param",
    "ParamTypes",
    "Path",
    "Query",
    "Security",
)
