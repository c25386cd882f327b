"""`fastslim.param_functions`, as `fastapi.param_functions`: `Query(...)` and friends."""

from pydantic import AliasChoices as AliasChoices
from pydantic import AliasPath as AliasPath
from pydantic import Discriminator as Discriminator

from fastslim import params as params
from fastslim.openapi.models import Example as Example
from fastslim_routing.param_functions import Body as Body
from fastslim_routing.param_functions import Cookie as Cookie
from fastslim_routing.param_functions import Depends as Depends
from fastslim_routing.param_functions import File as File
from fastslim_routing.param_functions import Form as Form
from fastslim_routing.param_functions import Header as Header
from fastslim_routing.param_functions import Path as Path
from fastslim_routing.param_functions import Query as Query
from fastslim_routing.param_functions import Security as Security

__all__ = ("Body", "Cookie", "Depends", "File", "Form", "Header", "Path", "Query", "Security")
