"""Jinja2Templates: TemplateResponse with context, url_for, status and headers."""

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

FILES = Path(__file__).parent / "_files"

app = FastAPI()
app.mount("/static", StaticFiles(directory=FILES / "static"), name="static")
templates = Jinja2Templates(directory=FILES / "templates")


@app.get("/items/{item_id}", response_class=HTMLResponse)
async def read_item(request: Request, item_id: int) -> HTMLResponse:
    return templates.TemplateResponse(
        request=request,
        name="item.html",
        context={"item": {"id": item_id, "name": f"Item <{item_id}>"}, "tags": ["a", "b"]},
    )


@app.get("/plain")
def plain(request: Request, message: str = "hi") -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        "plain.txt",
        {"message": message},
        status_code=202,
        headers={"x-template": "plain"},
        media_type="text/plain",
    )


@app.get("/missing-template")
def missing_template(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "nope.html", {})


CASES = [
    ("item", "GET", "/items/3"),
    ("item-invalid", "GET", "/items/x"),
    ("plain", "GET", "/plain?message=hello"),
    ("missing-template", "GET", "/missing-template", {"raises": True}),
]
