"""Response models: nested include/exclude, alias generators, serialization aliases, computed."""

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field, computed_field
from pydantic.alias_generators import to_camel


class Image(BaseModel):
    url: str
    width: int = 100


class Item(BaseModel):
    name: str
    images: list[Image] = []
    main_image: Image | None = None


class Camel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    first_name: str
    last_name: str = "x"


class Serial(BaseModel):
    value: int = Field(serialization_alias="theValue")
    other: int = Field(alias="otherAlias")


class Area(BaseModel):
    width: int
    height: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def area(self) -> int:
        return self.width * self.height


app = FastAPI()
ITEM = {"name": "n", "images": [{"url": "a"}, {"url": "b", "width": 5}], "main_image": {"url": "m"}}


@app.get("/nested-exclude", response_model=Item, response_model_exclude={"main_image": {"width"}})
def nested_exclude() -> object:
    return ITEM


@app.get(
    "/all-include",
    response_model=Item,
    response_model_include={"images": {"__all__": {"url"}}, "name": True},
)
def all_include() -> object:
    return ITEM


@app.get("/camel")
def camel() -> Camel:
    return Camel(first_name="Ada")


@app.get("/camel-no-alias", response_model=Camel, response_model_by_alias=False)
def camel_no_alias() -> object:
    return {"firstName": "Grace"}


@app.get("/serial")
def serial() -> Serial:
    return Serial(value=1, otherAlias=2)


@app.get("/computed")
def computed() -> Area:
    return Area(width=2, height=3)


@app.post("/camel-in")
def camel_in(body: Camel) -> dict[str, str]:
    return {"first": body.first_name, "last": body.last_name}


CASES: list[tuple[object, ...]] = [
    ("nested-exclude", "GET", "/nested-exclude"),
    ("all-include", "GET", "/all-include"),
    ("camel", "GET", "/camel"),
    ("camel-no-alias", "GET", "/camel-no-alias"),
    ("serial", "GET", "/serial"),
    ("computed", "GET", "/computed"),
    ("camel-in-alias", "POST", "/camel-in", {"json": {"firstName": "A", "lastName": "B"}}),
    ("camel-in-name", "POST", "/camel-in", {"json": {"first_name": "A"}}),
    ("camel-in-missing", "POST", "/camel-in", {"json": {}}),
]
