"""`fastslim.security.open_id_connect_url`, as `fastapi.security.open_id_connect_url`."""

from fastslim_routing.security.open_id_connect_url import OpenIdConnect as OpenIdConnect

__all__ = ("OpenIdConnect",)
