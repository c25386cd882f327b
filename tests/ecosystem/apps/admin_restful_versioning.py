"""sqladmin's admin mounted on the app (SQLAlchemy, SQLite), fastapi-restful's class
views and resources, and fastapi-versioning's VersionedFastAPI (versioned mounts,
their documents and docs pages)."""

from collections.abc import Iterator
from typing import Any

from _report import observe, report
from fastapi import APIRouter, Depends, FastAPI
from fastapi.testclient import TestClient
from fastapi_restful import Api, Resource
from fastapi_restful.cbv import cbv
from fastapi_versioning import VersionedFastAPI, version
from sqladmin import Admin, ModelView
from sqlalchemy import Column, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, sessionmaker
from sqlalchemy.pool import StaticPool

engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
Base = declarative_base()


class Carrot(Base):  # type: ignore[misc,valid-type]
    __tablename__ = "carrots"
    id = Column(Integer, primary_key=True)
    name = Column(String)


Base.metadata.create_all(engine)
make_session = sessionmaker(bind=engine)


def get_db() -> Iterator[Session]:
    session = make_session()
    try:
        yield session
    finally:
        session.close()


app = FastAPI(title="shop")
router = APIRouter()


@cbv(router)
class Carrots:
    db: Session = Depends(get_db)

    @router.get("/cbv")
    def get(self) -> dict[str, str]:
        return {"db": type(self.db).__name__}


app.include_router(router)


class Hello(Resource):
    def get(self, name: str = "x") -> dict[str, str]:
        return {"hello": name}


Api(app).add_resource(Hello(), "/hello")


class CarrotAdmin(ModelView, model=Carrot):
    column_list = [Carrot.id, Carrot.name]  # noqa: RUF012  # as sqladmin documents it


admin = Admin(app, engine)
admin.add_view(CarrotAdmin)

versioned = FastAPI(title="versioned")


@versioned.get("/greet")
@version(1)
def greet_v1() -> str:
    return "v1"


@versioned.get("/greet")
@version(2)
def greet_v2() -> str:
    return "v2"


versioned = VersionedFastAPI(versioned, version_format="{major}", prefix_format="/v{major}")

client = TestClient(app)
observations: dict[str, Any] = {
    "cbv": observe(client.get("/cbv")),
    "resource": observe(client.get("/hello", params={"name": "z"})),
    "admin": observe(client.get("/admin/", follow_redirects=True))[:2],
    "admin list": observe(client.get("/admin/carrot/list"))[:2],
    "openapi": client.get("/openapi.json").text,
}
client = TestClient(versioned)
observations |= {
    "v1": observe(client.get("/v1/greet")),
    "v2": observe(client.get("/v2/greet")),
    "unversioned": observe(client.get("/greet")),
    "v1 openapi": client.get("/v1/openapi.json").text,
    "v1 docs": observe(client.get("/v1/docs"))[:2],
}
report(observations)
