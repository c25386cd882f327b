"""`fastslim.openapi.models`, as `fastapi.openapi.models`."""

from pydantic import AnyUrl as AnyUrl
from pydantic import BaseModel as BaseModel
from pydantic import GetJsonSchemaHandler as GetJsonSchemaHandler
from pydantic.fields import Field as Field
from pydantic_core.core_schema import (
    with_info_plain_validator_function as with_info_plain_validator_function,
)

from fastslim_routing.openapi.models import XML as XML
from fastslim_routing.openapi.models import APIKey as APIKey
from fastslim_routing.openapi.models import APIKeyIn as APIKeyIn
from fastslim_routing.openapi.models import BaseModelWithConfig as BaseModelWithConfig
from fastslim_routing.openapi.models import Components as Components
from fastslim_routing.openapi.models import Contact as Contact
from fastslim_routing.openapi.models import Discriminator as Discriminator
from fastslim_routing.openapi.models import Encoding as Encoding
from fastslim_routing.openapi.models import Example as Example
from fastslim_routing.openapi.models import ExternalDocumentation as ExternalDocumentation
from fastslim_routing.openapi.models import Header as Header
from fastslim_routing.openapi.models import HTTPBase as HTTPBase
from fastslim_routing.openapi.models import HTTPBearer as HTTPBearer
from fastslim_routing.openapi.models import Info as Info
from fastslim_routing.openapi.models import License as License
from fastslim_routing.openapi.models import Link as Link
from fastslim_routing.openapi.models import MediaType as MediaType
from fastslim_routing.openapi.models import OAuth2 as OAuth2
from fastslim_routing.openapi.models import OAuthFlow as OAuthFlow
from fastslim_routing.openapi.models import OAuthFlowAuthorizationCode as OAuthFlowAuthorizationCode
from fastslim_routing.openapi.models import OAuthFlowClientCredentials as OAuthFlowClientCredentials
from fastslim_routing.openapi.models import OAuthFlowImplicit as OAuthFlowImplicit
from fastslim_routing.openapi.models import OAuthFlowPassword as OAuthFlowPassword
from fastslim_routing.openapi.models import OAuthFlows as OAuthFlows
from fastslim_routing.openapi.models import OpenAPI as OpenAPI
from fastslim_routing.openapi.models import OpenIdConnect as OpenIdConnect
from fastslim_routing.openapi.models import Operation as Operation
from fastslim_routing.openapi.models import Parameter as Parameter
from fastslim_routing.openapi.models import ParameterBase as ParameterBase
from fastslim_routing.openapi.models import ParameterInType as ParameterInType
from fastslim_routing.openapi.models import PathItem as PathItem
from fastslim_routing.openapi.models import Reference as Reference
from fastslim_routing.openapi.models import RequestBody as RequestBody
from fastslim_routing.openapi.models import Response as Response
from fastslim_routing.openapi.models import Schema as Schema
from fastslim_routing.openapi.models import SecurityBase as SecurityBase
from fastslim_routing.openapi.models import SecuritySchemeType as SecuritySchemeType
from fastslim_routing.openapi.models import Server as Server
from fastslim_routing.openapi.models import ServerVariable as ServerVariable
from fastslim_routing.openapi.models import Tag as Tag

__all__ = (
    "XML",
    "APIKey",
    "APIKeyIn",
    "BaseModelWithConfig",
    "Components",
    "Contact",
    "Discriminator",
    "Encoding",
    "Example",
    "ExternalDocumentation",
    "HTTPBase",
    "HTTPBearer",
    "Header",
    "Info",
    "License",
    "Link",
    "MediaType",
    "OAuth2",
    "OAuthFlow",
    "OAuthFlowAuthorizationCode",
    "OAuthFlowClientCredentials",
    "OAuthFlowImplicit",
    "OAuthFlowPassword",
    "OAuthFlows",
    "OpenAPI",
    "OpenIdConnect",
    "Operation",
    "Parameter",
    "ParameterBase",
    "ParameterInType",
    "PathItem",
    "Reference",
    "RequestBody",
    "Response",
    "Schema",
    "SecurityBase",
    "SecuritySchemeType",
    "Server",
    "ServerVariable",
    "Tag",
)
