"""`fastslim.telemetry`, at FastAPI's path, is the routing package's module."""

import fastslim_routing.telemetry
from fastslim.telemetry import TelemetryConfig, TelemetryData, get_telemetry_data


def test_telemetry_names_are_the_routing_package_objects() -> None:
    import fastslim.telemetry

    assert fastslim.telemetry.__all__ == fastslim_routing.telemetry.__all__
    assert TelemetryConfig is fastslim_routing.telemetry.TelemetryConfig
    assert TelemetryData is fastslim_routing.telemetry.TelemetryData
    assert get_telemetry_data() is None
