"""Room `_routes`: routers, routes, inclusion and the effective route tree, the
route index, lifespans, the decorators and `frontend()`. Imports `_compile`, `_serve`
and `_telemetry`; nothing in those rooms imports it.
"""
