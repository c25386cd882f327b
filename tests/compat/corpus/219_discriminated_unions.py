"""Discriminated unions in bodies and responses."""

from typing import Annotated, Literal

from fastapi import Body, FastAPI
from pydantic import BaseModel, Field


class Cat(BaseModel):
    pet_type: Literal["cat"]
    meows: int


class Dog(BaseModel):
    pet_type: Literal["dog"]
    barks: float


Pet = Annotated[Cat | Dog, Field(discriminator="pet_type")]


class Owner(BaseModel):
    pet: Pet
    name: str


app = FastAPI()


@app.post("/pets")
def create(pet: Annotated[Cat | Dog, Body(discriminator="pet_type")]) -> Cat | Dog:
    return pet


@app.post("/owners")
def owner(owner: Owner) -> Owner:
    return owner


CASES = [("cat", "POST", "/pets", {"json": {"pet_type": "cat", "meows": 3}})]
