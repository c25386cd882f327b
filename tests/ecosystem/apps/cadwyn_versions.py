"""cadwyn 9.0: its quickstart (a versioned router, two versions, a schema change
migrating requests and responses), served per `x-api-version` header, and the
versioned OpenAPI documents."""

import uuid

from _report import observe, report
from cadwyn import (
    Cadwyn,
    RequestInfo,
    ResponseInfo,
    Version,
    VersionBundle,
    VersionChange,
    VersionedAPIRouter,
    convert_request_to_next_version_for,
    convert_response_to_previous_version_for,
    schema,
)
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field


class BaseUser(BaseModel):
    pass


class UserCreateRequest(BaseUser):
    addresses: list[str] = Field(min_length=1)


class UserResource(BaseUser):
    id: uuid.UUID
    addresses: list[str]


class ChangeAddressToList(VersionChange):
    description = "Give users several addresses instead of one."
    instructions_to_migrate_to_previous_version = (
        schema(UserCreateRequest).field("addresses").didnt_exist,
        schema(UserCreateRequest).field("address").existed_as(type=str),
        schema(UserResource).field("addresses").didnt_exist,
        schema(UserResource).field("address").existed_as(type=str),
    )

    @convert_request_to_next_version_for(UserCreateRequest)
    def change_address_to_multiple_items(request: RequestInfo) -> None:
        request.body["addresses"] = [request.body.pop("address")]

    @convert_response_to_previous_version_for(UserResource)
    def change_addresses_to_single_item(response: ResponseInfo) -> None:
        response.body["address"] = response.body.pop("addresses")[0]


database: dict[uuid.UUID, UserResource] = {}
router = VersionedAPIRouter()


@router.post("/users")
async def create_user(payload: UserCreateRequest) -> UserResource:
    id_ = uuid.UUID(int=len(database) + 1)
    database[id_] = UserResource(id=id_, addresses=payload.addresses)
    return database[id_]


@router.get("/users/{user_id}")
async def get_user(user_id: uuid.UUID) -> UserResource:
    return database[user_id]


app = Cadwyn(
    versions=VersionBundle(Version("2001-01-01", ChangeAddressToList), Version("2000-01-01"))
)
app.generate_and_include_versioned_routers(router)
client = TestClient(app)
old = {"x-api-version": "2000-01-01"}
new = {"x-api-version": "2001-01-01"}
created = client.post("/users", json={"address": "1 Main St"}, headers=old)
report(
    {
        "create (2000)": observe(created),
        "create (2001)": observe(
            client.post("/users", json={"addresses": ["a", "b"]}, headers=new)
        ),
        "invalid (2001)": observe(client.post("/users", json={"addresses": []}, headers=new)),
        "get (2000)": observe(client.get(f"/users/{uuid.UUID(int=2)}", headers=old)),
        "get (2001)": observe(client.get(f"/users/{uuid.UUID(int=1)}", headers=new)),
        "no version": observe(client.get(f"/users/{uuid.UUID(int=1)}")),
        "openapi 2000": client.get("/openapi.json?version=2000-01-01").text,
        "openapi 2001": client.get("/openapi.json?version=2001-01-01").text,
    }
)
