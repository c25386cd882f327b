"""Room `_compile`: from a declaration to a frozen `CompiledRoute`, once per route:
classification of parameters, the collector handed to fastslim-di, validators, body
and form readers and response serializers set up, limits checked. Imports `_serve`
(the types it builds), never `_routes`.
"""
