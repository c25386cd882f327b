"""`fastslim.telemetry`, as `fastapi.telemetry`: built-in OpenTelemetry.

Needs the `telemetry` extra (`pip install 'fastslim[telemetry]'`) to record anything.
"""

from fastslim_routing.telemetry import TelemetryConfig as TelemetryConfig
from fastslim_routing.telemetry import TelemetryData as TelemetryData
from fastslim_routing.telemetry import get_telemetry_data as get_telemetry_data

__all__ = ("TelemetryConfig", "TelemetryData", "get_telemetry_data")
