"""Path and query parameter types in the document: UUID, dates, Decimal, bool, float,
path converters, enums, constrained numbers and strings."""

import datetime
import decimal
import uuid
from enum import Enum
from typing import Annotated

from fastapi import FastAPI, Path, Query


class Model(str, Enum):  # noqa: UP042
    alexnet = "alexnet"
    resnet = "resnet"


app = FastAPI()


@app.get("/u/{uid}/{day}/{flag}")
def typed(
    uid: uuid.UUID,
    day: datetime.date,
    flag: bool,
    at: datetime.datetime | None = None,
    amount: decimal.Decimal = decimal.Decimal("1.5"),
    ratio: Annotated[float, Query(gt=0, lt=1)] = 0.5,
    code: Annotated[str, Query(pattern="^[a-z]+$", min_length=2)] = "ab",
) -> str:
    return "ok"


@app.get("/files/{file_path:path}")
def files(file_path: str) -> str:
    return file_path


@app.get("/models/{model}/{n}")
def model(model: Model, n: Annotated[int, Path()]) -> str:
    return model.value


CASES = [("files", "GET", "/files/a/b.txt"), ("model", "GET", "/models/resnet/2")]
