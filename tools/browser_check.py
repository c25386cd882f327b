"""The shop demo's /docs in headless Chromium: run by `nox -s browser`.

Usage: python tools/browser_check.py --chromium PATH --driver PATH --screenshot FILE

Serves the demo under uvicorn on a free loopback port (fresh data folder), opens
/docs (its assets served by the app: offline docs), checks that every operation of
the OpenAPI document is listed, runs GET /items through "Try it out", saves a
screenshot, then opens /redoc; fails on any console error of either page.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.webdriver import Chrome
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait

ROOT = Path(__file__).resolve().parents[1]
METHODS = {"get", "post", "put", "patch", "delete", "head", "options", "trace"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
        return json.load(response)


def start_demo(port: int, data_dir: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "examples" / "shop"),
        "SHOP_DATA_DIR": data_dir,
        "SHOP_PORT": str(port),
    }
    server = subprocess.Popen([sys.executable, "-m", "shop"], env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            fetch_json(f"http://127.0.0.1:{port}/openapi.json")
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("The demo did not answer within 30 s.")


def browser(chromium: str, driver: str) -> Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,2400"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(executable_path=driver))


def console_errors(page: Chrome) -> list[str]:
    entries: list[dict[str, Any]] = page.get_log("browser")  # type: ignore[no-untyped-call]
    return [entry["message"] for entry in entries if entry["level"] == "SEVERE"]


def listed_operations(page: Chrome) -> set[tuple[str, str]]:
    found = set()
    for block in page.find_elements(By.CSS_SELECTOR, ".opblock"):
        method = block.find_element(By.CSS_SELECTOR, ".opblock-summary-method").text.lower()
        path = block.find_element(By.CSS_SELECTOR, ".opblock-summary-path").get_attribute(
            "data-path"
        )
        found.add((method, path or ""))
    return found


def try_it_out(page: Chrome, wait: WebDriverWait[Chrome]) -> str:
    """Run GET /items through "Try it out"; the status code shown."""
    block = page.find_element(By.ID, "operations-items-list_items_items_get")
    block.find_element(By.CSS_SELECTOR, ".opblock-summary-control").click()
    wait.until(expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, ".try-out__btn")))
    block.find_element(By.CSS_SELECTOR, ".try-out__btn").click()
    block.find_element(By.CSS_SELECTOR, ".execute").click()
    selector = ".live-responses-table tr.response .response-col_status"
    status = wait.until(lambda _: block.find_element(By.CSS_SELECTOR, selector).text)
    return str(status).strip()


def check(base: str, page: Chrome, screenshot: Path) -> None:
    document = fetch_json(f"{base}/openapi.json")
    expected = {
        (method, path)
        for path, item in document["paths"].items()
        for method in item
        if method in METHODS
    }
    wait: WebDriverWait[Chrome] = WebDriverWait(page, 30)
    page.get(f"{base}/docs")
    wait.until(lambda _: len(page.find_elements(By.CSS_SELECTOR, ".opblock")) >= len(expected))
    listed = listed_operations(page)
    if listed != expected:
        raise SystemExit(f"/docs lists {sorted(listed)}, the document has {sorted(expected)}.")
    status = try_it_out(page, wait)
    if status != "200":
        raise SystemExit(f'"Try it out" on GET /items showed status {status!r}, not 200.')
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    page.save_screenshot(str(screenshot))
    errors = console_errors(page)
    page.get(f"{base}/redoc")
    wait.until(lambda _: page.find_elements(By.CSS_SELECTOR, "h1, .api-info"))
    errors += console_errors(page)
    if errors:
        raise SystemExit("Console errors:\n" + "\n".join(errors))
    print(
        f"browser: /docs lists all {len(expected)} operations, 'Try it out' on GET /items "
        f"answered {status}, no console error on /docs or /redoc; screenshot {screenshot}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chromium", required=True)
    parser.add_argument("--driver", required=True)
    parser.add_argument("--screenshot", required=True, type=Path)
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory() as data_dir:
        server = start_demo(port, data_dir)
        try:
            page = browser(args.chromium, args.driver)
            try:
                check(f"http://127.0.0.1:{port}", page, args.screenshot)
            finally:
                page.quit()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
