"""Request helpers inside endpoints: base_url, app.state, json() errors, status constants."""

from fastapi import FastAPI, Request, status

app = FastAPI()
app.state.greeting = "hello"


@app.get("/base")
def base(request: Request) -> dict[str, object]:
    return {
        "base_url": str(request.base_url),
        "greeting": request.app.state.greeting,
        "created": status.HTTP_201_CREATED,
        "scheme": request.url.scheme,
        "query": str(request.query_params),
    }


@app.post("/raw-json")
async def raw_json(request: Request) -> object:
    return await request.json()


CASES = [
    ("base", "GET", "/base?a=1&a=2&b=%20"),
    ("raw-json", "POST", "/raw-json", {"json": {"a": [1, 2]}}),
    ("raw-json-bad", "POST", "/raw-json", {"content": b"{bad"}),
    ("raw-json-bad-raises", "POST", "/raw-json", {"content": b"{bad", "raises": True}),
]
