"""FastAPI's internal objects (`ModelField`, `Dependant`, ...) as views over
fastslim's own structures, for the extensions that import them. Nothing on the
request path imports this room; the public surface is `fastslim_routing.internals`."""
