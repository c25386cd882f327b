"""The shop's routers, one per area."""
