"""Model inheritance, defaults and computed fields across requests and responses."""

from fastapi import FastAPI
from pydantic import BaseModel, computed_field


class Base(BaseModel):
    id: int = 0


class UserIn(Base):
    name: str
    password: str


class UserOut(Base):
    name: str

    @computed_field  # type: ignore[prop-decorator]
    @property
    def display(self) -> str:
        return self.name.title()


class Team(BaseModel):
    members: list[UserOut] = []
    lead: UserOut | None = None


app = FastAPI()


@app.post("/users", response_model=UserOut)
def create(user: UserIn) -> UserOut:
    return UserOut(name=user.name)


@app.put("/teams")
def team(team: Team) -> Team:
    return team


CASES = [("create", "POST", "/users", {"json": {"name": "ann", "password": "x"}})]
