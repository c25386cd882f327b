"""The apps of the routing benchmark, written once against FastAPI's API.

Each module is FastAPI source as an app author writes it (`from fastapi import ...`).
`bench_routing.py` never imports them: it reads each file and executes it twice as
a fresh module, once as it is and once with `fastapi` replaced by `fastslim`, so
both frameworks serve the very same app. A module may keep an `EVENTS` list that
its dependencies and background tasks append to; the benchmark checks that both
frameworks record the same events for one request.
"""
