"""Declaration error: a plain callable in dependencies=[...] instead of Depends(...)."""

from fastapi import FastAPI


def check() -> None:
    pass


app = FastAPI()


@app.get("/", dependencies=[check])  # type: ignore[list-item]
def root() -> str:
    return "root"


DECLARATION_ERROR = True

DELIBERATE = {
    "declaration": {
        "reason": "A dependencies=[...] item that is not Depends/Security raises "
        "DependencyDeclarationError naming the route (FastAPI: AttributeError)",
        "error": (
            "DependencyDeclarationError",
            'Dependency 0 of the dependencies of "root" is <function check at 0x<address>>; '
            "expected Depends(...) or Security(...).",
        ),
    }
}
