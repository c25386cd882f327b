"""Room `_serve`: what runs per request and per connection: extraction, validation,
body and form reading, the handler, streaming, SSE, websockets, and `CompiledRoute`, the
frozen route it consumes. Imports `_telemetry` only, never `_compile` or `_routes`.
"""
