"""`fastslim.dependencies.models`, at FastAPI's path: `Dependant`, FastAPI's
dependency-tree node, as a view for the libraries that read it (fastslim's graph
is fastslim-di's plan: `fastslim_di.DependencyPlan`)."""

from fastslim_routing.internals import Dependant as Dependant

__all__ = ("Dependant",)
