"""Parameter aliases in the OpenAPI document (FASTAPI-FACTS 14): `alias`,
`validation_alias` and `serialization_alias`, alone and combined, on single query,
header and cookie parameters and on parameter-model fields, required and optional;
the documented name and `required` flag, and a request by each name (every
combination of one table); path parameters with `AliasChoices` under two include
prefixes naming them differently."""

from typing import Annotated

from fastapi import APIRouter, Cookie, Depends, FastAPI, Header, Path, Query
from pydantic import AliasChoices, AliasPath, BaseModel, Field

app = FastAPI()


@app.get("/query/plain/required")
def query_plain_required(p: Annotated[str, Query()]) -> object:
    return p


class M_query_plain_required(BaseModel):
    p: str


@app.get("/query-model/plain/required")
def query_model_plain_required(m: Annotated[M_query_plain_required, Query()]) -> object:
    return m.p


@app.get("/query/plain/optional")
def query_plain_optional(p: Annotated[str | None, Query()] = None) -> object:
    return p


class M_query_plain_optional(BaseModel):
    p: str | None = None


@app.get("/query-model/plain/optional")
def query_model_plain_optional(m: Annotated[M_query_plain_optional, Query()]) -> object:
    return m.p


@app.get("/header/plain/required")
def header_plain_required(p: Annotated[str, Header()]) -> object:
    return p


class M_header_plain_required(BaseModel):
    p: str


@app.get("/header-model/plain/required")
def header_model_plain_required(m: Annotated[M_header_plain_required, Header()]) -> object:
    return m.p


@app.get("/header/plain/optional")
def header_plain_optional(p: Annotated[str | None, Header()] = None) -> object:
    return p


class M_header_plain_optional(BaseModel):
    p: str | None = None


@app.get("/header-model/plain/optional")
def header_model_plain_optional(m: Annotated[M_header_plain_optional, Header()]) -> object:
    return m.p


@app.get("/cookie/plain/required")
def cookie_plain_required(p: Annotated[str, Cookie()]) -> object:
    return p


class M_cookie_plain_required(BaseModel):
    p: str


@app.get("/cookie-model/plain/required")
def cookie_model_plain_required(m: Annotated[M_cookie_plain_required, Cookie()]) -> object:
    return m.p


@app.get("/cookie/plain/optional")
def cookie_plain_optional(p: Annotated[str | None, Cookie()] = None) -> object:
    return p


class M_cookie_plain_optional(BaseModel):
    p: str | None = None


@app.get("/cookie-model/plain/optional")
def cookie_model_plain_optional(m: Annotated[M_cookie_plain_optional, Cookie()]) -> object:
    return m.p


@app.get("/query/alias/required")
def query_alias_required(p: Annotated[str, Query(alias="p_alias")]) -> object:
    return p


class M_query_alias_required(BaseModel):
    p: str = Field(alias="p_alias")


@app.get("/query-model/alias/required")
def query_model_alias_required(m: Annotated[M_query_alias_required, Query()]) -> object:
    return m.p


@app.get("/query/alias/optional")
def query_alias_optional(p: Annotated[str | None, Query(alias="p_alias")] = None) -> object:
    return p


class M_query_alias_optional(BaseModel):
    p: str | None = Field(None, alias="p_alias")


@app.get("/query-model/alias/optional")
def query_model_alias_optional(m: Annotated[M_query_alias_optional, Query()]) -> object:
    return m.p


@app.get("/header/alias/required")
def header_alias_required(p: Annotated[str, Header(alias="p_alias")]) -> object:
    return p


class M_header_alias_required(BaseModel):
    p: str = Field(alias="p_alias")


@app.get("/header-model/alias/required")
def header_model_alias_required(m: Annotated[M_header_alias_required, Header()]) -> object:
    return m.p


@app.get("/header/alias/optional")
def header_alias_optional(p: Annotated[str | None, Header(alias="p_alias")] = None) -> object:
    return p


class M_header_alias_optional(BaseModel):
    p: str | None = Field(None, alias="p_alias")


@app.get("/header-model/alias/optional")
def header_model_alias_optional(m: Annotated[M_header_alias_optional, Header()]) -> object:
    return m.p


@app.get("/cookie/alias/required")
def cookie_alias_required(p: Annotated[str, Cookie(alias="p_alias")]) -> object:
    return p


class M_cookie_alias_required(BaseModel):
    p: str = Field(alias="p_alias")


@app.get("/cookie-model/alias/required")
def cookie_model_alias_required(m: Annotated[M_cookie_alias_required, Cookie()]) -> object:
    return m.p


@app.get("/cookie/alias/optional")
def cookie_alias_optional(p: Annotated[str | None, Cookie(alias="p_alias")] = None) -> object:
    return p


class M_cookie_alias_optional(BaseModel):
    p: str | None = Field(None, alias="p_alias")


@app.get("/cookie-model/alias/optional")
def cookie_model_alias_optional(m: Annotated[M_cookie_alias_optional, Cookie()]) -> object:
    return m.p


@app.get("/query/val/required")
def query_val_required(p: Annotated[str, Query(validation_alias="p_val")]) -> object:
    return p


class M_query_val_required(BaseModel):
    p: str = Field(validation_alias="p_val")


@app.get("/query-model/val/required")
def query_model_val_required(m: Annotated[M_query_val_required, Query()]) -> object:
    return m.p


@app.get("/query/val/optional")
def query_val_optional(p: Annotated[str | None, Query(validation_alias="p_val")] = None) -> object:
    return p


class M_query_val_optional(BaseModel):
    p: str | None = Field(None, validation_alias="p_val")


@app.get("/query-model/val/optional")
def query_model_val_optional(m: Annotated[M_query_val_optional, Query()]) -> object:
    return m.p


@app.get("/header/val/required")
def header_val_required(p: Annotated[str, Header(validation_alias="p_val")]) -> object:
    return p


class M_header_val_required(BaseModel):
    p: str = Field(validation_alias="p_val")


@app.get("/header-model/val/required")
def header_model_val_required(m: Annotated[M_header_val_required, Header()]) -> object:
    return m.p


@app.get("/header/val/optional")
def header_val_optional(
    p: Annotated[str | None, Header(validation_alias="p_val")] = None,
) -> object:
    return p


class M_header_val_optional(BaseModel):
    p: str | None = Field(None, validation_alias="p_val")


@app.get("/header-model/val/optional")
def header_model_val_optional(m: Annotated[M_header_val_optional, Header()]) -> object:
    return m.p


@app.get("/cookie/val/required")
def cookie_val_required(p: Annotated[str, Cookie(validation_alias="p_val")]) -> object:
    return p


class M_cookie_val_required(BaseModel):
    p: str = Field(validation_alias="p_val")


@app.get("/cookie-model/val/required")
def cookie_model_val_required(m: Annotated[M_cookie_val_required, Cookie()]) -> object:
    return m.p


@app.get("/cookie/val/optional")
def cookie_val_optional(
    p: Annotated[str | None, Cookie(validation_alias="p_val")] = None,
) -> object:
    return p


class M_cookie_val_optional(BaseModel):
    p: str | None = Field(None, validation_alias="p_val")


@app.get("/cookie-model/val/optional")
def cookie_model_val_optional(m: Annotated[M_cookie_val_optional, Cookie()]) -> object:
    return m.p


@app.get("/query/ser/required")
def query_ser_required(p: Annotated[str, Query(serialization_alias="p_ser")]) -> object:
    return p


class M_query_ser_required(BaseModel):
    p: str = Field(serialization_alias="p_ser")


@app.get("/query-model/ser/required")
def query_model_ser_required(m: Annotated[M_query_ser_required, Query()]) -> object:
    return m.p


@app.get("/query/ser/optional")
def query_ser_optional(
    p: Annotated[str | None, Query(serialization_alias="p_ser")] = None,
) -> object:
    return p


class M_query_ser_optional(BaseModel):
    p: str | None = Field(None, serialization_alias="p_ser")


@app.get("/query-model/ser/optional")
def query_model_ser_optional(m: Annotated[M_query_ser_optional, Query()]) -> object:
    return m.p


@app.get("/header/ser/required")
def header_ser_required(p: Annotated[str, Header(serialization_alias="p_ser")]) -> object:
    return p


class M_header_ser_required(BaseModel):
    p: str = Field(serialization_alias="p_ser")


@app.get("/header-model/ser/required")
def header_model_ser_required(m: Annotated[M_header_ser_required, Header()]) -> object:
    return m.p


@app.get("/header/ser/optional")
def header_ser_optional(
    p: Annotated[str | None, Header(serialization_alias="p_ser")] = None,
) -> object:
    return p


class M_header_ser_optional(BaseModel):
    p: str | None = Field(None, serialization_alias="p_ser")


@app.get("/header-model/ser/optional")
def header_model_ser_optional(m: Annotated[M_header_ser_optional, Header()]) -> object:
    return m.p


@app.get("/cookie/ser/required")
def cookie_ser_required(p: Annotated[str, Cookie(serialization_alias="p_ser")]) -> object:
    return p


class M_cookie_ser_required(BaseModel):
    p: str = Field(serialization_alias="p_ser")


@app.get("/cookie-model/ser/required")
def cookie_model_ser_required(m: Annotated[M_cookie_ser_required, Cookie()]) -> object:
    return m.p


@app.get("/cookie/ser/optional")
def cookie_ser_optional(
    p: Annotated[str | None, Cookie(serialization_alias="p_ser")] = None,
) -> object:
    return p


class M_cookie_ser_optional(BaseModel):
    p: str | None = Field(None, serialization_alias="p_ser")


@app.get("/cookie-model/ser/optional")
def cookie_model_ser_optional(m: Annotated[M_cookie_ser_optional, Cookie()]) -> object:
    return m.p


@app.get("/query/alias_val/required")
def query_alias_val_required(
    p: Annotated[str, Query(alias="p_alias", validation_alias="p_val")],
) -> object:
    return p


class M_query_alias_val_required(BaseModel):
    p: str = Field(alias="p_alias", validation_alias="p_val")


@app.get("/query-model/alias_val/required")
def query_model_alias_val_required(m: Annotated[M_query_alias_val_required, Query()]) -> object:
    return m.p


@app.get("/query/alias_val/optional")
def query_alias_val_optional(
    p: Annotated[str | None, Query(alias="p_alias", validation_alias="p_val")] = None,
) -> object:
    return p


class M_query_alias_val_optional(BaseModel):
    p: str | None = Field(None, alias="p_alias", validation_alias="p_val")


@app.get("/query-model/alias_val/optional")
def query_model_alias_val_optional(m: Annotated[M_query_alias_val_optional, Query()]) -> object:
    return m.p


@app.get("/header/alias_val/required")
def header_alias_val_required(
    p: Annotated[str, Header(alias="p_alias", validation_alias="p_val")],
) -> object:
    return p


class M_header_alias_val_required(BaseModel):
    p: str = Field(alias="p_alias", validation_alias="p_val")


@app.get("/header-model/alias_val/required")
def header_model_alias_val_required(m: Annotated[M_header_alias_val_required, Header()]) -> object:
    return m.p


@app.get("/header/alias_val/optional")
def header_alias_val_optional(
    p: Annotated[str | None, Header(alias="p_alias", validation_alias="p_val")] = None,
) -> object:
    return p


class M_header_alias_val_optional(BaseModel):
    p: str | None = Field(None, alias="p_alias", validation_alias="p_val")


@app.get("/header-model/alias_val/optional")
def header_model_alias_val_optional(m: Annotated[M_header_alias_val_optional, Header()]) -> object:
    return m.p


@app.get("/cookie/alias_val/required")
def cookie_alias_val_required(
    p: Annotated[str, Cookie(alias="p_alias", validation_alias="p_val")],
) -> object:
    return p


class M_cookie_alias_val_required(BaseModel):
    p: str = Field(alias="p_alias", validation_alias="p_val")


@app.get("/cookie-model/alias_val/required")
def cookie_model_alias_val_required(m: Annotated[M_cookie_alias_val_required, Cookie()]) -> object:
    return m.p


@app.get("/cookie/alias_val/optional")
def cookie_alias_val_optional(
    p: Annotated[str | None, Cookie(alias="p_alias", validation_alias="p_val")] = None,
) -> object:
    return p


class M_cookie_alias_val_optional(BaseModel):
    p: str | None = Field(None, alias="p_alias", validation_alias="p_val")


@app.get("/cookie-model/alias_val/optional")
def cookie_model_alias_val_optional(m: Annotated[M_cookie_alias_val_optional, Cookie()]) -> object:
    return m.p


@app.get("/query/alias_ser/required")
def query_alias_ser_required(
    p: Annotated[str, Query(alias="p_alias", serialization_alias="p_ser")],
) -> object:
    return p


class M_query_alias_ser_required(BaseModel):
    p: str = Field(alias="p_alias", serialization_alias="p_ser")


@app.get("/query-model/alias_ser/required")
def query_model_alias_ser_required(m: Annotated[M_query_alias_ser_required, Query()]) -> object:
    return m.p


@app.get("/query/alias_ser/optional")
def query_alias_ser_optional(
    p: Annotated[str | None, Query(alias="p_alias", serialization_alias="p_ser")] = None,
) -> object:
    return p


class M_query_alias_ser_optional(BaseModel):
    p: str | None = Field(None, alias="p_alias", serialization_alias="p_ser")


@app.get("/query-model/alias_ser/optional")
def query_model_alias_ser_optional(m: Annotated[M_query_alias_ser_optional, Query()]) -> object:
    return m.p


@app.get("/header/alias_ser/required")
def header_alias_ser_required(
    p: Annotated[str, Header(alias="p_alias", serialization_alias="p_ser")],
) -> object:
    return p


class M_header_alias_ser_required(BaseModel):
    p: str = Field(alias="p_alias", serialization_alias="p_ser")


@app.get("/header-model/alias_ser/required")
def header_model_alias_ser_required(m: Annotated[M_header_alias_ser_required, Header()]) -> object:
    return m.p


@app.get("/header/alias_ser/optional")
def header_alias_ser_optional(
    p: Annotated[str | None, Header(alias="p_alias", serialization_alias="p_ser")] = None,
) -> object:
    return p


class M_header_alias_ser_optional(BaseModel):
    p: str | None = Field(None, alias="p_alias", serialization_alias="p_ser")


@app.get("/header-model/alias_ser/optional")
def header_model_alias_ser_optional(m: Annotated[M_header_alias_ser_optional, Header()]) -> object:
    return m.p


@app.get("/cookie/alias_ser/required")
def cookie_alias_ser_required(
    p: Annotated[str, Cookie(alias="p_alias", serialization_alias="p_ser")],
) -> object:
    return p


class M_cookie_alias_ser_required(BaseModel):
    p: str = Field(alias="p_alias", serialization_alias="p_ser")


@app.get("/cookie-model/alias_ser/required")
def cookie_model_alias_ser_required(m: Annotated[M_cookie_alias_ser_required, Cookie()]) -> object:
    return m.p


@app.get("/cookie/alias_ser/optional")
def cookie_alias_ser_optional(
    p: Annotated[str | None, Cookie(alias="p_alias", serialization_alias="p_ser")] = None,
) -> object:
    return p


class M_cookie_alias_ser_optional(BaseModel):
    p: str | None = Field(None, alias="p_alias", serialization_alias="p_ser")


@app.get("/cookie-model/alias_ser/optional")
def cookie_model_alias_ser_optional(m: Annotated[M_cookie_alias_ser_optional, Cookie()]) -> object:
    return m.p


@app.get("/query/val_ser/required")
def query_val_ser_required(
    p: Annotated[str, Query(validation_alias="p_val", serialization_alias="p_ser")],
) -> object:
    return p


class M_query_val_ser_required(BaseModel):
    p: str = Field(validation_alias="p_val", serialization_alias="p_ser")


@app.get("/query-model/val_ser/required")
def query_model_val_ser_required(m: Annotated[M_query_val_ser_required, Query()]) -> object:
    return m.p


@app.get("/query/val_ser/optional")
def query_val_ser_optional(
    p: Annotated[str | None, Query(validation_alias="p_val", serialization_alias="p_ser")] = None,
) -> object:
    return p


class M_query_val_ser_optional(BaseModel):
    p: str | None = Field(None, validation_alias="p_val", serialization_alias="p_ser")


@app.get("/query-model/val_ser/optional")
def query_model_val_ser_optional(m: Annotated[M_query_val_ser_optional, Query()]) -> object:
    return m.p


@app.get("/header/val_ser/required")
def header_val_ser_required(
    p: Annotated[str, Header(validation_alias="p_val", serialization_alias="p_ser")],
) -> object:
    return p


class M_header_val_ser_required(BaseModel):
    p: str = Field(validation_alias="p_val", serialization_alias="p_ser")


@app.get("/header-model/val_ser/required")
def header_model_val_ser_required(m: Annotated[M_header_val_ser_required, Header()]) -> object:
    return m.p


@app.get("/header/val_ser/optional")
def header_val_ser_optional(
    p: Annotated[str | None, Header(validation_alias="p_val", serialization_alias="p_ser")] = None,
) -> object:
    return p


class M_header_val_ser_optional(BaseModel):
    p: str | None = Field(None, validation_alias="p_val", serialization_alias="p_ser")


@app.get("/header-model/val_ser/optional")
def header_model_val_ser_optional(m: Annotated[M_header_val_ser_optional, Header()]) -> object:
    return m.p


@app.get("/cookie/val_ser/required")
def cookie_val_ser_required(
    p: Annotated[str, Cookie(validation_alias="p_val", serialization_alias="p_ser")],
) -> object:
    return p


class M_cookie_val_ser_required(BaseModel):
    p: str = Field(validation_alias="p_val", serialization_alias="p_ser")


@app.get("/cookie-model/val_ser/required")
def cookie_model_val_ser_required(m: Annotated[M_cookie_val_ser_required, Cookie()]) -> object:
    return m.p


@app.get("/cookie/val_ser/optional")
def cookie_val_ser_optional(
    p: Annotated[str | None, Cookie(validation_alias="p_val", serialization_alias="p_ser")] = None,
) -> object:
    return p


class M_cookie_val_ser_optional(BaseModel):
    p: str | None = Field(None, validation_alias="p_val", serialization_alias="p_ser")


@app.get("/cookie-model/val_ser/optional")
def cookie_model_val_ser_optional(m: Annotated[M_cookie_val_ser_optional, Cookie()]) -> object:
    return m.p


@app.get("/query/all/required")
def query_all_required(
    p: Annotated[
        str, Query(alias="p_alias", validation_alias="p_val", serialization_alias="p_ser")
    ],
) -> object:
    return p


class M_query_all_required(BaseModel):
    p: str = Field(alias="p_alias", validation_alias="p_val", serialization_alias="p_ser")


@app.get("/query-model/all/required")
def query_model_all_required(m: Annotated[M_query_all_required, Query()]) -> object:
    return m.p


@app.get("/query/all/optional")
def query_all_optional(
    p: Annotated[
        str | None, Query(alias="p_alias", validation_alias="p_val", serialization_alias="p_ser")
    ] = None,
) -> object:
    return p


class M_query_all_optional(BaseModel):
    p: str | None = Field(
        None, alias="p_alias", validation_alias="p_val", serialization_alias="p_ser"
    )


@app.get("/query-model/all/optional")
def query_model_all_optional(m: Annotated[M_query_all_optional, Query()]) -> object:
    return m.p


@app.get("/header/all/required")
def header_all_required(
    p: Annotated[
        str, Header(alias="p_alias", validation_alias="p_val", serialization_alias="p_ser")
    ],
) -> object:
    return p


class M_header_all_required(BaseModel):
    p: str = Field(alias="p_alias", validation_alias="p_val", serialization_alias="p_ser")


@app.get("/header-model/all/required")
def header_model_all_required(m: Annotated[M_header_all_required, Header()]) -> object:
    return m.p


@app.get("/header/all/optional")
def header_all_optional(
    p: Annotated[
        str | None, Header(alias="p_alias", validation_alias="p_val", serialization_alias="p_ser")
    ] = None,
) -> object:
    return p


class M_header_all_optional(BaseModel):
    p: str | None = Field(
        None, alias="p_alias", validation_alias="p_val", serialization_alias="p_ser"
    )


@app.get("/header-model/all/optional")
def header_model_all_optional(m: Annotated[M_header_all_optional, Header()]) -> object:
    return m.p


@app.get("/cookie/all/required")
def cookie_all_required(
    p: Annotated[
        str, Cookie(alias="p_alias", validation_alias="p_val", serialization_alias="p_ser")
    ],
) -> object:
    return p


class M_cookie_all_required(BaseModel):
    p: str = Field(alias="p_alias", validation_alias="p_val", serialization_alias="p_ser")


@app.get("/cookie-model/all/required")
def cookie_model_all_required(m: Annotated[M_cookie_all_required, Cookie()]) -> object:
    return m.p


@app.get("/cookie/all/optional")
def cookie_all_optional(
    p: Annotated[
        str | None, Cookie(alias="p_alias", validation_alias="p_val", serialization_alias="p_ser")
    ] = None,
) -> object:
    return p


class M_cookie_all_optional(BaseModel):
    p: str | None = Field(
        None, alias="p_alias", validation_alias="p_val", serialization_alias="p_ser"
    )


@app.get("/cookie-model/all/optional")
def cookie_model_all_optional(m: Annotated[M_cookie_all_optional, Cookie()]) -> object:
    return m.p


@app.get("/query/choices/required")
def query_choices_required(
    p: Annotated[str, Query(validation_alias=AliasChoices("p_first", "P-Second"))],
) -> object:
    return p


class M_query_choices_required(BaseModel):
    p: str = Field(validation_alias=AliasChoices("p_first", "P-Second"))


@app.get("/query-model/choices/required")
def query_model_choices_required(m: Annotated[M_query_choices_required, Query()]) -> object:
    return m.p


@app.get("/query/choices/optional")
def query_choices_optional(
    p: Annotated[str | None, Query(validation_alias=AliasChoices("p_first", "P-Second"))] = None,
) -> object:
    return p


class M_query_choices_optional(BaseModel):
    p: str | None = Field(None, validation_alias=AliasChoices("p_first", "P-Second"))


@app.get("/query-model/choices/optional")
def query_model_choices_optional(m: Annotated[M_query_choices_optional, Query()]) -> object:
    return m.p


@app.get("/header/choices/required")
def header_choices_required(
    p: Annotated[str, Header(validation_alias=AliasChoices("p_first", "P-Second"))],
) -> object:
    return p


class M_header_choices_required(BaseModel):
    p: str = Field(validation_alias=AliasChoices("p_first", "P-Second"))


@app.get("/header-model/choices/required")
def header_model_choices_required(m: Annotated[M_header_choices_required, Header()]) -> object:
    return m.p


@app.get("/header/choices/optional")
def header_choices_optional(
    p: Annotated[str | None, Header(validation_alias=AliasChoices("p_first", "P-Second"))] = None,
) -> object:
    return p


class M_header_choices_optional(BaseModel):
    p: str | None = Field(None, validation_alias=AliasChoices("p_first", "P-Second"))


@app.get("/header-model/choices/optional")
def header_model_choices_optional(m: Annotated[M_header_choices_optional, Header()]) -> object:
    return m.p


@app.get("/cookie/choices/required")
def cookie_choices_required(
    p: Annotated[str, Cookie(validation_alias=AliasChoices("p_first", "P-Second"))],
) -> object:
    return p


class M_cookie_choices_required(BaseModel):
    p: str = Field(validation_alias=AliasChoices("p_first", "P-Second"))


@app.get("/cookie-model/choices/required")
def cookie_model_choices_required(m: Annotated[M_cookie_choices_required, Cookie()]) -> object:
    return m.p


@app.get("/cookie/choices/optional")
def cookie_choices_optional(
    p: Annotated[str | None, Cookie(validation_alias=AliasChoices("p_first", "P-Second"))] = None,
) -> object:
    return p


class M_cookie_choices_optional(BaseModel):
    p: str | None = Field(None, validation_alias=AliasChoices("p_first", "P-Second"))


@app.get("/cookie-model/choices/optional")
def cookie_model_choices_optional(m: Annotated[M_cookie_choices_optional, Cookie()]) -> object:
    return m.p


def identifier(
    value: Annotated[
        int, Path(alias="unused", validation_alias=AliasChoices("item_id", "id"), ge=1)
    ],
) -> int:
    return value


router = APIRouter()


@router.get("/")
def read_identified(value: Annotated[int, Depends(identifier)]) -> int:
    return value


app.include_router(router, prefix="/items/{item_id}")
app.include_router(router, prefix="/legacy/{id}")


@app.get("/unmatched/{value}")
def unmatched(value: Annotated[int, Path(validation_alias=AliasChoices("first", "second"))]) -> int:
    return value


@app.get("/explicit/{legacy}")
def explicit(
    value: Annotated[int, Path(alias="legacy", validation_alias=AliasChoices("first", "second"))],
) -> int:
    return value


@app.get("/both/{second}/{first}")
def both(
    value: Annotated[int, Path(alias="second", validation_alias=AliasChoices("first", "second"))],
    second: str,
) -> dict[str, object]:
    return {"value": value, "second": second}


@app.get("/alias-path/{first}/{value}")
def alias_path(
    value: Annotated[int, Path(validation_alias=AliasChoices("first", AliasPath("value")))],
    first: int,
) -> dict[str, int]:
    return {"value": value, "first": first}


CASES = [
    ("openapi", "GET", "/openapi.json"),
    ("path-items", "GET", "/items/1/"),
    ("path-items-invalid", "GET", "/items/x/"),
    ("path-legacy-too-small", "GET", "/legacy/0/"),
    ("path-unmatched", "GET", "/unmatched/1"),
    ("path-explicit", "GET", "/explicit/1"),
    ("path-both", "GET", "/both/2/1"),
    ("path-both-invalid", "GET", "/both/2/x"),
    ("path-alias-path", "GET", "/alias-path/1/2"),
    ("query-plain-required-p", "GET", "/query/plain/required", {"params": {"p": "v"}}),
    ("query-model-plain-required-p", "GET", "/query-model/plain/required", {"params": {"p": "v"}}),
    ("query-plain-optional-p", "GET", "/query/plain/optional", {"params": {"p": "v"}}),
    ("query-model-plain-optional-p", "GET", "/query-model/plain/optional", {"params": {"p": "v"}}),
    ("header-plain-required-p", "GET", "/header/plain/required", {"headers": {"p": "v"}}),
    (
        "header-model-plain-required-p",
        "GET",
        "/header-model/plain/required",
        {"headers": {"p": "v"}},
    ),
    ("header-plain-optional-p", "GET", "/header/plain/optional", {"headers": {"p": "v"}}),
    (
        "header-model-plain-optional-p",
        "GET",
        "/header-model/plain/optional",
        {"headers": {"p": "v"}},
    ),
    ("cookie-plain-required-p", "GET", "/cookie/plain/required", {"cookies": {"p": "v"}}),
    (
        "cookie-model-plain-required-p",
        "GET",
        "/cookie-model/plain/required",
        {"cookies": {"p": "v"}},
    ),
    ("cookie-plain-optional-p", "GET", "/cookie/plain/optional", {"cookies": {"p": "v"}}),
    (
        "cookie-model-plain-optional-p",
        "GET",
        "/cookie-model/plain/optional",
        {"cookies": {"p": "v"}},
    ),
    ("query-alias-required-p", "GET", "/query/alias/required", {"params": {"p": "v"}}),
    ("query-alias-required-p_alias", "GET", "/query/alias/required", {"params": {"p_alias": "v"}}),
    ("query-alias-required-p-alias", "GET", "/query/alias/required", {"params": {"p-alias": "v"}}),
    ("query-model-alias-required-p", "GET", "/query-model/alias/required", {"params": {"p": "v"}}),
    (
        "query-model-alias-required-p_alias",
        "GET",
        "/query-model/alias/required",
        {"params": {"p_alias": "v"}},
    ),
    (
        "query-model-alias-required-p-alias",
        "GET",
        "/query-model/alias/required",
        {"params": {"p-alias": "v"}},
    ),
    ("query-alias-optional-p", "GET", "/query/alias/optional", {"params": {"p": "v"}}),
    ("query-alias-optional-p_alias", "GET", "/query/alias/optional", {"params": {"p_alias": "v"}}),
    ("query-alias-optional-p-alias", "GET", "/query/alias/optional", {"params": {"p-alias": "v"}}),
    ("query-model-alias-optional-p", "GET", "/query-model/alias/optional", {"params": {"p": "v"}}),
    (
        "query-model-alias-optional-p_alias",
        "GET",
        "/query-model/alias/optional",
        {"params": {"p_alias": "v"}},
    ),
    (
        "query-model-alias-optional-p-alias",
        "GET",
        "/query-model/alias/optional",
        {"params": {"p-alias": "v"}},
    ),
    ("header-alias-required-p", "GET", "/header/alias/required", {"headers": {"p": "v"}}),
    (
        "header-alias-required-p_alias",
        "GET",
        "/header/alias/required",
        {"headers": {"p_alias": "v"}},
    ),
    (
        "header-alias-required-p-alias",
        "GET",
        "/header/alias/required",
        {"headers": {"p-alias": "v"}},
    ),
    (
        "header-model-alias-required-p",
        "GET",
        "/header-model/alias/required",
        {"headers": {"p": "v"}},
    ),
    (
        "header-model-alias-required-p_alias",
        "GET",
        "/header-model/alias/required",
        {"headers": {"p_alias": "v"}},
    ),
    (
        "header-model-alias-required-p-alias",
        "GET",
        "/header-model/alias/required",
        {"headers": {"p-alias": "v"}},
    ),
    ("header-alias-optional-p", "GET", "/header/alias/optional", {"headers": {"p": "v"}}),
    (
        "header-alias-optional-p_alias",
        "GET",
        "/header/alias/optional",
        {"headers": {"p_alias": "v"}},
    ),
    (
        "header-alias-optional-p-alias",
        "GET",
        "/header/alias/optional",
        {"headers": {"p-alias": "v"}},
    ),
    (
        "header-model-alias-optional-p",
        "GET",
        "/header-model/alias/optional",
        {"headers": {"p": "v"}},
    ),
    (
        "header-model-alias-optional-p_alias",
        "GET",
        "/header-model/alias/optional",
        {"headers": {"p_alias": "v"}},
    ),
    (
        "header-model-alias-optional-p-alias",
        "GET",
        "/header-model/alias/optional",
        {"headers": {"p-alias": "v"}},
    ),
    ("cookie-alias-required-p", "GET", "/cookie/alias/required", {"cookies": {"p": "v"}}),
    (
        "cookie-alias-required-p_alias",
        "GET",
        "/cookie/alias/required",
        {"cookies": {"p_alias": "v"}},
    ),
    (
        "cookie-alias-required-p-alias",
        "GET",
        "/cookie/alias/required",
        {"cookies": {"p-alias": "v"}},
    ),
    (
        "cookie-model-alias-required-p",
        "GET",
        "/cookie-model/alias/required",
        {"cookies": {"p": "v"}},
    ),
    (
        "cookie-model-alias-required-p_alias",
        "GET",
        "/cookie-model/alias/required",
        {"cookies": {"p_alias": "v"}},
    ),
    (
        "cookie-model-alias-required-p-alias",
        "GET",
        "/cookie-model/alias/required",
        {"cookies": {"p-alias": "v"}},
    ),
    ("cookie-alias-optional-p", "GET", "/cookie/alias/optional", {"cookies": {"p": "v"}}),
    (
        "cookie-alias-optional-p_alias",
        "GET",
        "/cookie/alias/optional",
        {"cookies": {"p_alias": "v"}},
    ),
    (
        "cookie-alias-optional-p-alias",
        "GET",
        "/cookie/alias/optional",
        {"cookies": {"p-alias": "v"}},
    ),
    (
        "cookie-model-alias-optional-p",
        "GET",
        "/cookie-model/alias/optional",
        {"cookies": {"p": "v"}},
    ),
    (
        "cookie-model-alias-optional-p_alias",
        "GET",
        "/cookie-model/alias/optional",
        {"cookies": {"p_alias": "v"}},
    ),
    (
        "cookie-model-alias-optional-p-alias",
        "GET",
        "/cookie-model/alias/optional",
        {"cookies": {"p-alias": "v"}},
    ),
    ("query-val-required-p", "GET", "/query/val/required", {"params": {"p": "v"}}),
    ("query-val-required-p_val", "GET", "/query/val/required", {"params": {"p_val": "v"}}),
    ("query-model-val-required-p", "GET", "/query-model/val/required", {"params": {"p": "v"}}),
    (
        "query-model-val-required-p_val",
        "GET",
        "/query-model/val/required",
        {"params": {"p_val": "v"}},
    ),
    ("query-val-optional-p", "GET", "/query/val/optional", {"params": {"p": "v"}}),
    ("query-val-optional-p_val", "GET", "/query/val/optional", {"params": {"p_val": "v"}}),
    ("query-model-val-optional-p", "GET", "/query-model/val/optional", {"params": {"p": "v"}}),
    (
        "query-model-val-optional-p_val",
        "GET",
        "/query-model/val/optional",
        {"params": {"p_val": "v"}},
    ),
    ("header-val-required-p", "GET", "/header/val/required", {"headers": {"p": "v"}}),
    ("header-val-required-p_val", "GET", "/header/val/required", {"headers": {"p_val": "v"}}),
    ("header-model-val-required-p", "GET", "/header-model/val/required", {"headers": {"p": "v"}}),
    (
        "header-model-val-required-p_val",
        "GET",
        "/header-model/val/required",
        {"headers": {"p_val": "v"}},
    ),
    ("header-val-optional-p", "GET", "/header/val/optional", {"headers": {"p": "v"}}),
    ("header-val-optional-p_val", "GET", "/header/val/optional", {"headers": {"p_val": "v"}}),
    ("header-model-val-optional-p", "GET", "/header-model/val/optional", {"headers": {"p": "v"}}),
    (
        "header-model-val-optional-p_val",
        "GET",
        "/header-model/val/optional",
        {"headers": {"p_val": "v"}},
    ),
    ("cookie-val-required-p", "GET", "/cookie/val/required", {"cookies": {"p": "v"}}),
    ("cookie-val-required-p_val", "GET", "/cookie/val/required", {"cookies": {"p_val": "v"}}),
    ("cookie-model-val-required-p", "GET", "/cookie-model/val/required", {"cookies": {"p": "v"}}),
    (
        "cookie-model-val-required-p_val",
        "GET",
        "/cookie-model/val/required",
        {"cookies": {"p_val": "v"}},
    ),
    ("cookie-val-optional-p", "GET", "/cookie/val/optional", {"cookies": {"p": "v"}}),
    ("cookie-val-optional-p_val", "GET", "/cookie/val/optional", {"cookies": {"p_val": "v"}}),
    ("cookie-model-val-optional-p", "GET", "/cookie-model/val/optional", {"cookies": {"p": "v"}}),
    (
        "cookie-model-val-optional-p_val",
        "GET",
        "/cookie-model/val/optional",
        {"cookies": {"p_val": "v"}},
    ),
    ("query-ser-required-p", "GET", "/query/ser/required", {"params": {"p": "v"}}),
    ("query-ser-required-p_ser", "GET", "/query/ser/required", {"params": {"p_ser": "v"}}),
    ("query-model-ser-required-p", "GET", "/query-model/ser/required", {"params": {"p": "v"}}),
    (
        "query-model-ser-required-p_ser",
        "GET",
        "/query-model/ser/required",
        {"params": {"p_ser": "v"}},
    ),
    ("query-ser-optional-p", "GET", "/query/ser/optional", {"params": {"p": "v"}}),
    ("query-ser-optional-p_ser", "GET", "/query/ser/optional", {"params": {"p_ser": "v"}}),
    ("query-model-ser-optional-p", "GET", "/query-model/ser/optional", {"params": {"p": "v"}}),
    (
        "query-model-ser-optional-p_ser",
        "GET",
        "/query-model/ser/optional",
        {"params": {"p_ser": "v"}},
    ),
    ("header-ser-required-p", "GET", "/header/ser/required", {"headers": {"p": "v"}}),
    ("header-ser-required-p_ser", "GET", "/header/ser/required", {"headers": {"p_ser": "v"}}),
    ("header-model-ser-required-p", "GET", "/header-model/ser/required", {"headers": {"p": "v"}}),
    (
        "header-model-ser-required-p_ser",
        "GET",
        "/header-model/ser/required",
        {"headers": {"p_ser": "v"}},
    ),
    ("header-ser-optional-p", "GET", "/header/ser/optional", {"headers": {"p": "v"}}),
    ("header-ser-optional-p_ser", "GET", "/header/ser/optional", {"headers": {"p_ser": "v"}}),
    ("header-model-ser-optional-p", "GET", "/header-model/ser/optional", {"headers": {"p": "v"}}),
    (
        "header-model-ser-optional-p_ser",
        "GET",
        "/header-model/ser/optional",
        {"headers": {"p_ser": "v"}},
    ),
    ("cookie-ser-required-p", "GET", "/cookie/ser/required", {"cookies": {"p": "v"}}),
    ("cookie-ser-required-p_ser", "GET", "/cookie/ser/required", {"cookies": {"p_ser": "v"}}),
    ("cookie-model-ser-required-p", "GET", "/cookie-model/ser/required", {"cookies": {"p": "v"}}),
    (
        "cookie-model-ser-required-p_ser",
        "GET",
        "/cookie-model/ser/required",
        {"cookies": {"p_ser": "v"}},
    ),
    ("cookie-ser-optional-p", "GET", "/cookie/ser/optional", {"cookies": {"p": "v"}}),
    ("cookie-ser-optional-p_ser", "GET", "/cookie/ser/optional", {"cookies": {"p_ser": "v"}}),
    ("cookie-model-ser-optional-p", "GET", "/cookie-model/ser/optional", {"cookies": {"p": "v"}}),
    (
        "cookie-model-ser-optional-p_ser",
        "GET",
        "/cookie-model/ser/optional",
        {"cookies": {"p_ser": "v"}},
    ),
    ("query-alias_val-required-p", "GET", "/query/alias_val/required", {"params": {"p": "v"}}),
    (
        "query-alias_val-required-p_alias",
        "GET",
        "/query/alias_val/required",
        {"params": {"p_alias": "v"}},
    ),
    (
        "query-alias_val-required-p-alias",
        "GET",
        "/query/alias_val/required",
        {"params": {"p-alias": "v"}},
    ),
    (
        "query-alias_val-required-p_val",
        "GET",
        "/query/alias_val/required",
        {"params": {"p_val": "v"}},
    ),
    (
        "query-model-alias_val-required-p",
        "GET",
        "/query-model/alias_val/required",
        {"params": {"p": "v"}},
    ),
    (
        "query-model-alias_val-required-p_alias",
        "GET",
        "/query-model/alias_val/required",
        {"params": {"p_alias": "v"}},
    ),
    (
        "query-model-alias_val-required-p-alias",
        "GET",
        "/query-model/alias_val/required",
        {"params": {"p-alias": "v"}},
    ),
    (
        "query-model-alias_val-required-p_val",
        "GET",
        "/query-model/alias_val/required",
        {"params": {"p_val": "v"}},
    ),
    ("query-alias_val-optional-p", "GET", "/query/alias_val/optional", {"params": {"p": "v"}}),
    (
        "query-alias_val-optional-p_alias",
        "GET",
        "/query/alias_val/optional",
        {"params": {"p_alias": "v"}},
    ),
    (
        "query-alias_val-optional-p-alias",
        "GET",
        "/query/alias_val/optional",
        {"params": {"p-alias": "v"}},
    ),
    (
        "query-alias_val-optional-p_val",
        "GET",
        "/query/alias_val/optional",
        {"params": {"p_val": "v"}},
    ),
    (
        "query-model-alias_val-optional-p",
        "GET",
        "/query-model/alias_val/optional",
        {"params": {"p": "v"}},
    ),
    (
        "query-model-alias_val-optional-p_alias",
        "GET",
        "/query-model/alias_val/optional",
        {"params": {"p_alias": "v"}},
    ),
    (
        "query-model-alias_val-optional-p-alias",
        "GET",
        "/query-model/alias_val/optional",
        {"params": {"p-alias": "v"}},
    ),
    (
        "query-model-alias_val-optional-p_val",
        "GET",
        "/query-model/alias_val/optional",
        {"params": {"p_val": "v"}},
    ),
    ("header-alias_val-required-p", "GET", "/header/alias_val/required", {"headers": {"p": "v"}}),
    (
        "header-alias_val-required-p_alias",
        "GET",
        "/header/alias_val/required",
        {"headers": {"p_alias": "v"}},
    ),
    (
        "header-alias_val-required-p-alias",
        "GET",
        "/header/alias_val/required",
        {"headers": {"p-alias": "v"}},
    ),
    (
        "header-alias_val-required-p_val",
        "GET",
        "/header/alias_val/required",
        {"headers": {"p_val": "v"}},
    ),
    (
        "header-model-alias_val-required-p",
        "GET",
        "/header-model/alias_val/required",
        {"headers": {"p": "v"}},
    ),
    (
        "header-model-alias_val-required-p_alias",
        "GET",
        "/header-model/alias_val/required",
        {"headers": {"p_alias": "v"}},
    ),
    (
        "header-model-alias_val-required-p-alias",
        "GET",
        "/header-model/alias_val/required",
        {"headers": {"p-alias": "v"}},
    ),
    (
        "header-model-alias_val-required-p_val",
        "GET",
        "/header-model/alias_val/required",
        {"headers": {"p_val": "v"}},
    ),
    ("header-alias_val-optional-p", "GET", "/header/alias_val/optional", {"headers": {"p": "v"}}),
    (
        "header-alias_val-optional-p_alias",
        "GET",
        "/header/alias_val/optional",
        {"headers": {"p_alias": "v"}},
    ),
    (
        "header-alias_val-optional-p-alias",
        "GET",
        "/header/alias_val/optional",
        {"headers": {"p-alias": "v"}},
    ),
    (
        "header-alias_val-optional-p_val",
        "GET",
        "/header/alias_val/optional",
        {"headers": {"p_val": "v"}},
    ),
    (
        "header-model-alias_val-optional-p",
        "GET",
        "/header-model/alias_val/optional",
        {"headers": {"p": "v"}},
    ),
    (
        "header-model-alias_val-optional-p_alias",
        "GET",
        "/header-model/alias_val/optional",
        {"headers": {"p_alias": "v"}},
    ),
    (
        "header-model-alias_val-optional-p-alias",
        "GET",
        "/header-model/alias_val/optional",
        {"headers": {"p-alias": "v"}},
    ),
    (
        "header-model-alias_val-optional-p_val",
        "GET",
        "/header-model/alias_val/optional",
        {"headers": {"p_val": "v"}},
    ),
    ("cookie-alias_val-required-p", "GET", "/cookie/alias_val/required", {"cookies": {"p": "v"}}),
    (
        "cookie-alias_val-required-p_alias",
        "GET",
        "/cookie/alias_val/required",
        {"cookies": {"p_alias": "v"}},
    ),
    (
        "cookie-alias_val-required-p-alias",
        "GET",
        "/cookie/alias_val/required",
        {"cookies": {"p-alias": "v"}},
    ),
    (
        "cookie-alias_val-required-p_val",
        "GET",
        "/cookie/alias_val/required",
        {"cookies": {"p_val": "v"}},
    ),
    (
        "cookie-model-alias_val-required-p",
        "GET",
        "/cookie-model/alias_val/required",
        {"cookies": {"p": "v"}},
    ),
    (
        "cookie-model-alias_val-required-p_alias",
        "GET",
        "/cookie-model/alias_val/required",
        {"cookies": {"p_alias": "v"}},
    ),
    (
        "cookie-model-alias_val-required-p-alias",
        "GET",
        "/cookie-model/alias_val/required",
        {"cookies": {"p-alias": "v"}},
    ),
    (
        "cookie-model-alias_val-required-p_val",
        "GET",
        "/cookie-model/alias_val/required",
        {"cookies": {"p_val": "v"}},
    ),
    ("cookie-alias_val-optional-p", "GET", "/cookie/alias_val/optional", {"cookies": {"p": "v"}}),
    (
        "cookie-alias_val-optional-p_alias",
        "GET",
        "/cookie/alias_val/optional",
        {"cookies": {"p_alias": "v"}},
    ),
    (
        "cookie-alias_val-optional-p-alias",
        "GET",
        "/cookie/alias_val/optional",
        {"cookies": {"p-alias": "v"}},
    ),
    (
        "cookie-alias_val-optional-p_val",
        "GET",
        "/cookie/alias_val/optional",
        {"cookies": {"p_val": "v"}},
    ),
    (
        "cookie-model-alias_val-optional-p",
        "GET",
        "/cookie-model/alias_val/optional",
        {"cookies": {"p": "v"}},
    ),
    (
        "cookie-model-alias_val-optional-p_alias",
        "GET",
        "/cookie-model/alias_val/optional",
        {"cookies": {"p_alias": "v"}},
    ),
    (
        "cookie-model-alias_val-optional-p-alias",
        "GET",
        "/cookie-model/alias_val/optional",
        {"cookies": {"p-alias": "v"}},
    ),
    (
        "cookie-model-alias_val-optional-p_val",
        "GET",
        "/cookie-model/alias_val/optional",
        {"cookies": {"p_val": "v"}},
    ),
    ("query-alias_ser-required-p", "GET", "/query/alias_ser/required", {"params": {"p": "v"}}),
    (
        "query-alias_ser-required-p_alias",
        "GET",
        "/query/alias_ser/required",
        {"params": {"p_alias": "v"}},
    ),
    (
        "query-alias_ser-required-p-alias",
        "GET",
        "/query/alias_ser/required",
        {"params": {"p-alias": "v"}},
    ),
    (
        "query-alias_ser-required-p_ser",
        "GET",
        "/query/alias_ser/required",
        {"params": {"p_ser": "v"}},
    ),
    (
        "query-model-alias_ser-required-p",
        "GET",
        "/query-model/alias_ser/required",
        {"params": {"p": "v"}},
    ),
    (
        "query-model-alias_ser-required-p_alias",
        "GET",
        "/query-model/alias_ser/required",
        {"params": {"p_alias": "v"}},
    ),
    (
        "query-model-alias_ser-required-p-alias",
        "GET",
        "/query-model/alias_ser/required",
        {"params": {"p-alias": "v"}},
    ),
    (
        "query-model-alias_ser-required-p_ser",
        "GET",
        "/query-model/alias_ser/required",
        {"params": {"p_ser": "v"}},
    ),
    ("query-alias_ser-optional-p", "GET", "/query/alias_ser/optional", {"params": {"p": "v"}}),
    (
        "query-alias_ser-optional-p_alias",
        "GET",
        "/query/alias_ser/optional",
        {"params": {"p_alias": "v"}},
    ),
    (
        "query-alias_ser-optional-p-alias",
        "GET",
        "/query/alias_ser/optional",
        {"params": {"p-alias": "v"}},
    ),
    (
        "query-alias_ser-optional-p_ser",
        "GET",
        "/query/alias_ser/optional",
        {"params": {"p_ser": "v"}},
    ),
    (
        "query-model-alias_ser-optional-p",
        "GET",
        "/query-model/alias_ser/optional",
        {"params": {"p": "v"}},
    ),
    (
        "query-model-alias_ser-optional-p_alias",
        "GET",
        "/query-model/alias_ser/optional",
        {"params": {"p_alias": "v"}},
    ),
    (
        "query-model-alias_ser-optional-p-alias",
        "GET",
        "/query-model/alias_ser/optional",
        {"params": {"p-alias": "v"}},
    ),
    (
        "query-model-alias_ser-optional-p_ser",
        "GET",
        "/query-model/alias_ser/optional",
        {"params": {"p_ser": "v"}},
    ),
    ("header-alias_ser-required-p", "GET", "/header/alias_ser/required", {"headers": {"p": "v"}}),
    (
        "header-alias_ser-required-p_alias",
        "GET",
        "/header/alias_ser/required",
        {"headers": {"p_alias": "v"}},
    ),
    (
        "header-alias_ser-required-p-alias",
        "GET",
        "/header/alias_ser/required",
        {"headers": {"p-alias": "v"}},
    ),
    (
        "header-alias_ser-required-p_ser",
        "GET",
        "/header/alias_ser/required",
        {"headers": {"p_ser": "v"}},
    ),
    (
        "header-model-alias_ser-required-p",
        "GET",
        "/header-model/alias_ser/required",
        {"headers": {"p": "v"}},
    ),
    (
        "header-model-alias_ser-required-p_alias",
        "GET",
        "/header-model/alias_ser/required",
        {"headers": {"p_alias": "v"}},
    ),
    (
        "header-model-alias_ser-required-p-alias",
        "GET",
        "/header-model/alias_ser/required",
        {"headers": {"p-alias": "v"}},
    ),
    (
        "header-model-alias_ser-required-p_ser",
        "GET",
        "/header-model/alias_ser/required",
        {"headers": {"p_ser": "v"}},
    ),
    ("header-alias_ser-optional-p", "GET", "/header/alias_ser/optional", {"headers": {"p": "v"}}),
    (
        "header-alias_ser-optional-p_alias",
        "GET",
        "/header/alias_ser/optional",
        {"headers": {"p_alias": "v"}},
    ),
    (
        "header-alias_ser-optional-p-alias",
        "GET",
        "/header/alias_ser/optional",
        {"headers": {"p-alias": "v"}},
    ),
    (
        "header-alias_ser-optional-p_ser",
        "GET",
        "/header/alias_ser/optional",
        {"headers": {"p_ser": "v"}},
    ),
    (
        "header-model-alias_ser-optional-p",
        "GET",
        "/header-model/alias_ser/optional",
        {"headers": {"p": "v"}},
    ),
    (
        "header-model-alias_ser-optional-p_alias",
        "GET",
        "/header-model/alias_ser/optional",
        {"headers": {"p_alias": "v"}},
    ),
    (
        "header-model-alias_ser-optional-p-alias",
        "GET",
        "/header-model/alias_ser/optional",
        {"headers": {"p-alias": "v"}},
    ),
    (
        "header-model-alias_ser-optional-p_ser",
        "GET",
        "/header-model/alias_ser/optional",
        {"headers": {"p_ser": "v"}},
    ),
    ("cookie-alias_ser-required-p", "GET", "/cookie/alias_ser/required", {"cookies": {"p": "v"}}),
    (
        "cookie-alias_ser-required-p_alias",
        "GET",
        "/cookie/alias_ser/required",
        {"cookies": {"p_alias": "v"}},
    ),
    (
        "cookie-alias_ser-required-p-alias",
        "GET",
        "/cookie/alias_ser/required",
        {"cookies": {"p-alias": "v"}},
    ),
    (
        "cookie-alias_ser-required-p_ser",
        "GET",
        "/cookie/alias_ser/required",
        {"cookies": {"p_ser": "v"}},
    ),
    (
        "cookie-model-alias_ser-required-p",
        "GET",
        "/cookie-model/alias_ser/required",
        {"cookies": {"p": "v"}},
    ),
    (
        "cookie-model-alias_ser-required-p_alias",
        "GET",
        "/cookie-model/alias_ser/required",
        {"cookies": {"p_alias": "v"}},
    ),
    (
        "cookie-model-alias_ser-required-p-alias",
        "GET",
        "/cookie-model/alias_ser/required",
        {"cookies": {"p-alias": "v"}},
    ),
    (
        "cookie-model-alias_ser-required-p_ser",
        "GET",
        "/cookie-model/alias_ser/required",
        {"cookies": {"p_ser": "v"}},
    ),
    ("cookie-alias_ser-optional-p", "GET", "/cookie/alias_ser/optional", {"cookies": {"p": "v"}}),
    (
        "cookie-alias_ser-optional-p_alias",
        "GET",
        "/cookie/alias_ser/optional",
        {"cookies": {"p_alias": "v"}},
    ),
    (
        "cookie-alias_ser-optional-p-alias",
        "GET",
        "/cookie/alias_ser/optional",
        {"cookies": {"p-alias": "v"}},
    ),
    (
        "cookie-alias_ser-optional-p_ser",
        "GET",
        "/cookie/alias_ser/optional",
        {"cookies": {"p_ser": "v"}},
    ),
    (
        "cookie-model-alias_ser-optional-p",
        "GET",
        "/cookie-model/alias_ser/optional",
        {"cookies": {"p": "v"}},
    ),
    (
        "cookie-model-alias_ser-optional-p_alias",
        "GET",
        "/cookie-model/alias_ser/optional",
        {"cookies": {"p_alias": "v"}},
    ),
    (
        "cookie-model-alias_ser-optional-p-alias",
        "GET",
        "/cookie-model/alias_ser/optional",
        {"cookies": {"p-alias": "v"}},
    ),
    (
        "cookie-model-alias_ser-optional-p_ser",
        "GET",
        "/cookie-model/alias_ser/optional",
        {"cookies": {"p_ser": "v"}},
    ),
    ("query-val_ser-required-p", "GET", "/query/val_ser/required", {"params": {"p": "v"}}),
    ("query-val_ser-required-p_val", "GET", "/query/val_ser/required", {"params": {"p_val": "v"}}),
    ("query-val_ser-required-p_ser", "GET", "/query/val_ser/required", {"params": {"p_ser": "v"}}),
    (
        "query-model-val_ser-required-p",
        "GET",
        "/query-model/val_ser/required",
        {"params": {"p": "v"}},
    ),
    (
        "query-model-val_ser-required-p_val",
        "GET",
        "/query-model/val_ser/required",
        {"params": {"p_val": "v"}},
    ),
    (
        "query-model-val_ser-required-p_ser",
        "GET",
        "/query-model/val_ser/required",
        {"params": {"p_ser": "v"}},
    ),
    ("query-val_ser-optional-p", "GET", "/query/val_ser/optional", {"params": {"p": "v"}}),
    ("query-val_ser-optional-p_val", "GET", "/query/val_ser/optional", {"params": {"p_val": "v"}}),
    ("query-val_ser-optional-p_ser", "GET", "/query/val_ser/optional", {"params": {"p_ser": "v"}}),
    (
        "query-model-val_ser-optional-p",
        "GET",
        "/query-model/val_ser/optional",
        {"params": {"p": "v"}},
    ),
    (
        "query-model-val_ser-optional-p_val",
        "GET",
        "/query-model/val_ser/optional",
        {"params": {"p_val": "v"}},
    ),
    (
        "query-model-val_ser-optional-p_ser",
        "GET",
        "/query-model/val_ser/optional",
        {"params": {"p_ser": "v"}},
    ),
    ("header-val_ser-required-p", "GET", "/header/val_ser/required", {"headers": {"p": "v"}}),
    (
        "header-val_ser-required-p_val",
        "GET",
        "/header/val_ser/required",
        {"headers": {"p_val": "v"}},
    ),
    (
        "header-val_ser-required-p_ser",
        "GET",
        "/header/val_ser/required",
        {"headers": {"p_ser": "v"}},
    ),
    (
        "header-model-val_ser-required-p",
        "GET",
        "/header-model/val_ser/required",
        {"headers": {"p": "v"}},
    ),
    (
        "header-model-val_ser-required-p_val",
        "GET",
        "/header-model/val_ser/required",
        {"headers": {"p_val": "v"}},
    ),
    (
        "header-model-val_ser-required-p_ser",
        "GET",
        "/header-model/val_ser/required",
        {"headers": {"p_ser": "v"}},
    ),
    ("header-val_ser-optional-p", "GET", "/header/val_ser/optional", {"headers": {"p": "v"}}),
    (
        "header-val_ser-optional-p_val",
        "GET",
        "/header/val_ser/optional",
        {"headers": {"p_val": "v"}},
    ),
    (
        "header-val_ser-optional-p_ser",
        "GET",
        "/header/val_ser/optional",
        {"headers": {"p_ser": "v"}},
    ),
    (
        "header-model-val_ser-optional-p",
        "GET",
        "/header-model/val_ser/optional",
        {"headers": {"p": "v"}},
    ),
    (
        "header-model-val_ser-optional-p_val",
        "GET",
        "/header-model/val_ser/optional",
        {"headers": {"p_val": "v"}},
    ),
    (
        "header-model-val_ser-optional-p_ser",
        "GET",
        "/header-model/val_ser/optional",
        {"headers": {"p_ser": "v"}},
    ),
    ("cookie-val_ser-required-p", "GET", "/cookie/val_ser/required", {"cookies": {"p": "v"}}),
    (
        "cookie-val_ser-required-p_val",
        "GET",
        "/cookie/val_ser/required",
        {"cookies": {"p_val": "v"}},
    ),
    (
        "cookie-val_ser-required-p_ser",
        "GET",
        "/cookie/val_ser/required",
        {"cookies": {"p_ser": "v"}},
    ),
    (
        "cookie-model-val_ser-required-p",
        "GET",
        "/cookie-model/val_ser/required",
        {"cookies": {"p": "v"}},
    ),
    (
        "cookie-model-val_ser-required-p_val",
        "GET",
        "/cookie-model/val_ser/required",
        {"cookies": {"p_val": "v"}},
    ),
    (
        "cookie-model-val_ser-required-p_ser",
        "GET",
        "/cookie-model/val_ser/required",
        {"cookies": {"p_ser": "v"}},
    ),
    ("cookie-val_ser-optional-p", "GET", "/cookie/val_ser/optional", {"cookies": {"p": "v"}}),
    (
        "cookie-val_ser-optional-p_val",
        "GET",
        "/cookie/val_ser/optional",
        {"cookies": {"p_val": "v"}},
    ),
    (
        "cookie-val_ser-optional-p_ser",
        "GET",
        "/cookie/val_ser/optional",
        {"cookies": {"p_ser": "v"}},
    ),
    (
        "cookie-model-val_ser-optional-p",
        "GET",
        "/cookie-model/val_ser/optional",
        {"cookies": {"p": "v"}},
    ),
    (
        "cookie-model-val_ser-optional-p_val",
        "GET",
        "/cookie-model/val_ser/optional",
        {"cookies": {"p_val": "v"}},
    ),
    (
        "cookie-model-val_ser-optional-p_ser",
        "GET",
        "/cookie-model/val_ser/optional",
        {"cookies": {"p_ser": "v"}},
    ),
    ("query-all-required-p", "GET", "/query/all/required", {"params": {"p": "v"}}),
    ("query-all-required-p_alias", "GET", "/query/all/required", {"params": {"p_alias": "v"}}),
    ("query-all-required-p-alias", "GET", "/query/all/required", {"params": {"p-alias": "v"}}),
    ("query-all-required-p_val", "GET", "/query/all/required", {"params": {"p_val": "v"}}),
    ("query-all-required-p_ser", "GET", "/query/all/required", {"params": {"p_ser": "v"}}),
    ("query-model-all-required-p", "GET", "/query-model/all/required", {"params": {"p": "v"}}),
    (
        "query-model-all-required-p_alias",
        "GET",
        "/query-model/all/required",
        {"params": {"p_alias": "v"}},
    ),
    (
        "query-model-all-required-p-alias",
        "GET",
        "/query-model/all/required",
        {"params": {"p-alias": "v"}},
    ),
    (
        "query-model-all-required-p_val",
        "GET",
        "/query-model/all/required",
        {"params": {"p_val": "v"}},
    ),
    (
        "query-model-all-required-p_ser",
        "GET",
        "/query-model/all/required",
        {"params": {"p_ser": "v"}},
    ),
    ("query-all-optional-p", "GET", "/query/all/optional", {"params": {"p": "v"}}),
    ("query-all-optional-p_alias", "GET", "/query/all/optional", {"params": {"p_alias": "v"}}),
    ("query-all-optional-p-alias", "GET", "/query/all/optional", {"params": {"p-alias": "v"}}),
    ("query-all-optional-p_val", "GET", "/query/all/optional", {"params": {"p_val": "v"}}),
    ("query-all-optional-p_ser", "GET", "/query/all/optional", {"params": {"p_ser": "v"}}),
    ("query-model-all-optional-p", "GET", "/query-model/all/optional", {"params": {"p": "v"}}),
    (
        "query-model-all-optional-p_alias",
        "GET",
        "/query-model/all/optional",
        {"params": {"p_alias": "v"}},
    ),
    (
        "query-model-all-optional-p-alias",
        "GET",
        "/query-model/all/optional",
        {"params": {"p-alias": "v"}},
    ),
    (
        "query-model-all-optional-p_val",
        "GET",
        "/query-model/all/optional",
        {"params": {"p_val": "v"}},
    ),
    (
        "query-model-all-optional-p_ser",
        "GET",
        "/query-model/all/optional",
        {"params": {"p_ser": "v"}},
    ),
    ("header-all-required-p", "GET", "/header/all/required", {"headers": {"p": "v"}}),
    ("header-all-required-p_alias", "GET", "/header/all/required", {"headers": {"p_alias": "v"}}),
    ("header-all-required-p-alias", "GET", "/header/all/required", {"headers": {"p-alias": "v"}}),
    ("header-all-required-p_val", "GET", "/header/all/required", {"headers": {"p_val": "v"}}),
    ("header-all-required-p_ser", "GET", "/header/all/required", {"headers": {"p_ser": "v"}}),
    ("header-model-all-required-p", "GET", "/header-model/all/required", {"headers": {"p": "v"}}),
    (
        "header-model-all-required-p_alias",
        "GET",
        "/header-model/all/required",
        {"headers": {"p_alias": "v"}},
    ),
    (
        "header-model-all-required-p-alias",
        "GET",
        "/header-model/all/required",
        {"headers": {"p-alias": "v"}},
    ),
    (
        "header-model-all-required-p_val",
        "GET",
        "/header-model/all/required",
        {"headers": {"p_val": "v"}},
    ),
    (
        "header-model-all-required-p_ser",
        "GET",
        "/header-model/all/required",
        {"headers": {"p_ser": "v"}},
    ),
    ("header-all-optional-p", "GET", "/header/all/optional", {"headers": {"p": "v"}}),
    ("header-all-optional-p_alias", "GET", "/header/all/optional", {"headers": {"p_alias": "v"}}),
    ("header-all-optional-p-alias", "GET", "/header/all/optional", {"headers": {"p-alias": "v"}}),
    ("header-all-optional-p_val", "GET", "/header/all/optional", {"headers": {"p_val": "v"}}),
    ("header-all-optional-p_ser", "GET", "/header/all/optional", {"headers": {"p_ser": "v"}}),
    ("header-model-all-optional-p", "GET", "/header-model/all/optional", {"headers": {"p": "v"}}),
    (
        "header-model-all-optional-p_alias",
        "GET",
        "/header-model/all/optional",
        {"headers": {"p_alias": "v"}},
    ),
    (
        "header-model-all-optional-p-alias",
        "GET",
        "/header-model/all/optional",
        {"headers": {"p-alias": "v"}},
    ),
    (
        "header-model-all-optional-p_val",
        "GET",
        "/header-model/all/optional",
        {"headers": {"p_val": "v"}},
    ),
    (
        "header-model-all-optional-p_ser",
        "GET",
        "/header-model/all/optional",
        {"headers": {"p_ser": "v"}},
    ),
    ("cookie-all-required-p", "GET", "/cookie/all/required", {"cookies": {"p": "v"}}),
    ("cookie-all-required-p_alias", "GET", "/cookie/all/required", {"cookies": {"p_alias": "v"}}),
    ("cookie-all-required-p-alias", "GET", "/cookie/all/required", {"cookies": {"p-alias": "v"}}),
    ("cookie-all-required-p_val", "GET", "/cookie/all/required", {"cookies": {"p_val": "v"}}),
    ("cookie-all-required-p_ser", "GET", "/cookie/all/required", {"cookies": {"p_ser": "v"}}),
    ("cookie-model-all-required-p", "GET", "/cookie-model/all/required", {"cookies": {"p": "v"}}),
    (
        "cookie-model-all-required-p_alias",
        "GET",
        "/cookie-model/all/required",
        {"cookies": {"p_alias": "v"}},
    ),
    (
        "cookie-model-all-required-p-alias",
        "GET",
        "/cookie-model/all/required",
        {"cookies": {"p-alias": "v"}},
    ),
    (
        "cookie-model-all-required-p_val",
        "GET",
        "/cookie-model/all/required",
        {"cookies": {"p_val": "v"}},
    ),
    (
        "cookie-model-all-required-p_ser",
        "GET",
        "/cookie-model/all/required",
        {"cookies": {"p_ser": "v"}},
    ),
    ("cookie-all-optional-p", "GET", "/cookie/all/optional", {"cookies": {"p": "v"}}),
    ("cookie-all-optional-p_alias", "GET", "/cookie/all/optional", {"cookies": {"p_alias": "v"}}),
    ("cookie-all-optional-p-alias", "GET", "/cookie/all/optional", {"cookies": {"p-alias": "v"}}),
    ("cookie-all-optional-p_val", "GET", "/cookie/all/optional", {"cookies": {"p_val": "v"}}),
    ("cookie-all-optional-p_ser", "GET", "/cookie/all/optional", {"cookies": {"p_ser": "v"}}),
    ("cookie-model-all-optional-p", "GET", "/cookie-model/all/optional", {"cookies": {"p": "v"}}),
    (
        "cookie-model-all-optional-p_alias",
        "GET",
        "/cookie-model/all/optional",
        {"cookies": {"p_alias": "v"}},
    ),
    (
        "cookie-model-all-optional-p-alias",
        "GET",
        "/cookie-model/all/optional",
        {"cookies": {"p-alias": "v"}},
    ),
    (
        "cookie-model-all-optional-p_val",
        "GET",
        "/cookie-model/all/optional",
        {"cookies": {"p_val": "v"}},
    ),
    (
        "cookie-model-all-optional-p_ser",
        "GET",
        "/cookie-model/all/optional",
        {"cookies": {"p_ser": "v"}},
    ),
    ("query-choices-required-p", "GET", "/query/choices/required", {"params": {"p": "v"}}),
    ("query-choices-required-p_val", "GET", "/query/choices/required", {"params": {"p_val": "v"}}),
    (
        "query-choices-required-p_first",
        "GET",
        "/query/choices/required",
        {"params": {"p_first": "v"}},
    ),
    (
        "query-choices-required-P-Second",
        "GET",
        "/query/choices/required",
        {"params": {"P-Second": "v"}},
    ),
    (
        "query-model-choices-required-p",
        "GET",
        "/query-model/choices/required",
        {"params": {"p": "v"}},
    ),
    (
        "query-model-choices-required-p_val",
        "GET",
        "/query-model/choices/required",
        {"params": {"p_val": "v"}},
    ),
    (
        "query-model-choices-required-p_first",
        "GET",
        "/query-model/choices/required",
        {"params": {"p_first": "v"}},
    ),
    (
        "query-model-choices-required-P-Second",
        "GET",
        "/query-model/choices/required",
        {"params": {"P-Second": "v"}},
    ),
    ("query-choices-optional-p", "GET", "/query/choices/optional", {"params": {"p": "v"}}),
    ("query-choices-optional-p_val", "GET", "/query/choices/optional", {"params": {"p_val": "v"}}),
    (
        "query-choices-optional-p_first",
        "GET",
        "/query/choices/optional",
        {"params": {"p_first": "v"}},
    ),
    (
        "query-choices-optional-P-Second",
        "GET",
        "/query/choices/optional",
        {"params": {"P-Second": "v"}},
    ),
    (
        "query-model-choices-optional-p",
        "GET",
        "/query-model/choices/optional",
        {"params": {"p": "v"}},
    ),
    (
        "query-model-choices-optional-p_val",
        "GET",
        "/query-model/choices/optional",
        {"params": {"p_val": "v"}},
    ),
    (
        "query-model-choices-optional-p_first",
        "GET",
        "/query-model/choices/optional",
        {"params": {"p_first": "v"}},
    ),
    (
        "query-model-choices-optional-P-Second",
        "GET",
        "/query-model/choices/optional",
        {"params": {"P-Second": "v"}},
    ),
    ("header-choices-required-p", "GET", "/header/choices/required", {"headers": {"p": "v"}}),
    (
        "header-choices-required-p_val",
        "GET",
        "/header/choices/required",
        {"headers": {"p_val": "v"}},
    ),
    (
        "header-choices-required-p_first",
        "GET",
        "/header/choices/required",
        {"headers": {"p_first": "v"}},
    ),
    (
        "header-choices-required-P-Second",
        "GET",
        "/header/choices/required",
        {"headers": {"P-Second": "v"}},
    ),
    (
        "header-model-choices-required-p",
        "GET",
        "/header-model/choices/required",
        {"headers": {"p": "v"}},
    ),
    (
        "header-model-choices-required-p_val",
        "GET",
        "/header-model/choices/required",
        {"headers": {"p_val": "v"}},
    ),
    (
        "header-model-choices-required-p_first",
        "GET",
        "/header-model/choices/required",
        {"headers": {"p_first": "v"}},
    ),
    (
        "header-model-choices-required-P-Second",
        "GET",
        "/header-model/choices/required",
        {"headers": {"P-Second": "v"}},
    ),
    ("header-choices-optional-p", "GET", "/header/choices/optional", {"headers": {"p": "v"}}),
    (
        "header-choices-optional-p_val",
        "GET",
        "/header/choices/optional",
        {"headers": {"p_val": "v"}},
    ),
    (
        "header-choices-optional-p_first",
        "GET",
        "/header/choices/optional",
        {"headers": {"p_first": "v"}},
    ),
    (
        "header-choices-optional-P-Second",
        "GET",
        "/header/choices/optional",
        {"headers": {"P-Second": "v"}},
    ),
    (
        "header-model-choices-optional-p",
        "GET",
        "/header-model/choices/optional",
        {"headers": {"p": "v"}},
    ),
    (
        "header-model-choices-optional-p_val",
        "GET",
        "/header-model/choices/optional",
        {"headers": {"p_val": "v"}},
    ),
    (
        "header-model-choices-optional-p_first",
        "GET",
        "/header-model/choices/optional",
        {"headers": {"p_first": "v"}},
    ),
    (
        "header-model-choices-optional-P-Second",
        "GET",
        "/header-model/choices/optional",
        {"headers": {"P-Second": "v"}},
    ),
    ("cookie-choices-required-p", "GET", "/cookie/choices/required", {"cookies": {"p": "v"}}),
    (
        "cookie-choices-required-p_val",
        "GET",
        "/cookie/choices/required",
        {"cookies": {"p_val": "v"}},
    ),
    (
        "cookie-choices-required-p_first",
        "GET",
        "/cookie/choices/required",
        {"cookies": {"p_first": "v"}},
    ),
    (
        "cookie-choices-required-P-Second",
        "GET",
        "/cookie/choices/required",
        {"cookies": {"P-Second": "v"}},
    ),
    (
        "cookie-model-choices-required-p",
        "GET",
        "/cookie-model/choices/required",
        {"cookies": {"p": "v"}},
    ),
    (
        "cookie-model-choices-required-p_val",
        "GET",
        "/cookie-model/choices/required",
        {"cookies": {"p_val": "v"}},
    ),
    (
        "cookie-model-choices-required-p_first",
        "GET",
        "/cookie-model/choices/required",
        {"cookies": {"p_first": "v"}},
    ),
    (
        "cookie-model-choices-required-P-Second",
        "GET",
        "/cookie-model/choices/required",
        {"cookies": {"P-Second": "v"}},
    ),
    ("cookie-choices-optional-p", "GET", "/cookie/choices/optional", {"cookies": {"p": "v"}}),
    (
        "cookie-choices-optional-p_val",
        "GET",
        "/cookie/choices/optional",
        {"cookies": {"p_val": "v"}},
    ),
    (
        "cookie-choices-optional-p_first",
        "GET",
        "/cookie/choices/optional",
        {"cookies": {"p_first": "v"}},
    ),
    (
        "cookie-choices-optional-P-Second",
        "GET",
        "/cookie/choices/optional",
        {"cookies": {"P-Second": "v"}},
    ),
    (
        "cookie-model-choices-optional-p",
        "GET",
        "/cookie-model/choices/optional",
        {"cookies": {"p": "v"}},
    ),
    (
        "cookie-model-choices-optional-p_val",
        "GET",
        "/cookie-model/choices/optional",
        {"cookies": {"p_val": "v"}},
    ),
    (
        "cookie-model-choices-optional-p_first",
        "GET",
        "/cookie-model/choices/optional",
        {"cookies": {"p_first": "v"}},
    ),
    (
        "cookie-model-choices-optional-P-Second",
        "GET",
        "/cookie-model/choices/optional",
        {"cookies": {"P-Second": "v"}},
    ),
]
