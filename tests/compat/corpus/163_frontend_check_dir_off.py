"""frontend(check_dir=False): a missing directory is accepted when declared and fails when
served; a missing explicit fallback file is not checked."""

from pathlib import Path

from fastapi import FastAPI

FILES = Path(__file__).parent / "_files"

app = FastAPI()
app.frontend("/gone", directory=FILES / "no-such-build", check_dir=False)
app.frontend("/nofile", directory=FILES / "spa_index_only", fallback="404.html", check_dir=False)

CASES = [
    ("gone", "GET", "/gone/x", {"raises": True}),
    ("gone-500", "GET", "/gone/x"),
    ("gone-post", "POST", "/gone/x"),
    ("gone-post-raises", "POST", "/gone/x", {"raises": True}),
    ("nofile-missing", "GET", "/nofile/x", {"headers": {"accept": "text/html"}}),
    ("nofile-raises", "GET", "/nofile/x", {"raises": True}),
    ("nofile-index", "GET", "/nofile/"),
]
