"""`fastslim.dependencies.models`, at FastAPI's path.

FastAPI's `Dependant` is its internal dependency-graph node; fastslim's graph is
fastslim-di's (`fastslim_di.DependencyPlan` and `DependencyNode`, built once per
route), which apps reach through `fastslim_di` rather than here.
"""

__all__ = ()
