"""A command-line tool wired with fastslim-di, with no web app.

    python examples/di_cli.py add apples 3 add pears 5 remove apples 1 report
    python examples/di_cli.py --dry-run add plums 2 report

- an app-scoped resource: one SQLite connection for the whole run, opened on
  first use and closed (with its cleanup message) when the container shuts down;
- request-scoped dependencies: each command runs in its own request scope with a
  transaction that commits on success and rolls back on error;
- an override: `--dry-run` replaces the transaction with one that always rolls
  back, through `container.override(...)`;
- `@inject`: commands declare what they need; the caller passes only the
  command's own arguments.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import AsyncIterator, Iterator
from typing import Annotated

import anyio

from fastslim_di import Container, Depends, inject


class Settings:
    def __init__(self) -> None:
        self.database = ":memory:"


def log(message: str) -> None:
    print(message, flush=True)


# -- app scope: one connection for the whole run ------------------------------


def open_database(settings: Annotated[Settings, Depends()]) -> Iterator[sqlite3.Connection]:
    log(f"[app] open database {settings.database}")
    connection = sqlite3.connect(settings.database, check_same_thread=False)
    connection.execute("CREATE TABLE stock (item TEXT PRIMARY KEY, quantity INTEGER)")
    try:
        yield connection
    finally:
        connection.close()
        log("[app] database closed")


Database = Annotated[sqlite3.Connection, Depends(open_database, scope="app")]


# -- request scope: one transaction per command -------------------------------


async def transaction(db: Database) -> AsyncIterator[sqlite3.Connection]:
    try:
        yield db
    except Exception as exc:
        db.rollback()
        log(f"  [request] rolled back ({exc})")
        raise
    else:
        db.commit()
        log("  [request] committed")


async def dry_run_transaction(db: Database) -> AsyncIterator[sqlite3.Connection]:
    yield db
    db.rollback()
    log("  [request] dry run: rolled back")


Transaction = Annotated[sqlite3.Connection, Depends(transaction)]


# -- commands -----------------------------------------------------------------


@inject
async def add(item: str, quantity: int, tx: Transaction) -> None:
    tx.execute(
        "INSERT INTO stock VALUES (?, ?) "
        "ON CONFLICT(item) DO UPDATE SET quantity = quantity + excluded.quantity",
        (item, quantity),
    )
    log(f"  added {quantity} {item}")


@inject
async def remove(item: str, quantity: int, tx: Transaction) -> None:
    row = tx.execute("SELECT quantity FROM stock WHERE item = ?", (item,)).fetchone()
    tx.execute("UPDATE stock SET quantity = quantity - ? WHERE item = ?", (quantity, item))
    if row is None or row[0] < quantity:
        raise ValueError(f"not enough {item} in stock")
    log(f"  removed {quantity} {item}")


@inject
async def report(db: Database) -> None:
    rows = db.execute("SELECT item, quantity FROM stock ORDER BY item").fetchall()
    log("  stock: " + (", ".join(f"{item}={quantity}" for item, quantity in rows) or "empty"))


def parse_commands(words: list[str]) -> list[tuple[str, list[str]]]:
    arity = {"add": 2, "remove": 2, "report": 0}
    commands: list[tuple[str, list[str]]] = []
    index = 0
    while index < len(words):
        name = words[index]
        if name not in arity:
            raise SystemExit(f"unknown command {name!r}; expected one of {sorted(arity)}")
        arguments = words[index + 1 : index + 1 + arity[name]]
        if len(arguments) != arity[name]:
            raise SystemExit(f"{name} expects {arity[name]} arguments, got {arguments}")
        commands.append((name, arguments))
        index += 1 + arity[name]
    return commands


async def run(commands: list[tuple[str, list[str]]], dry_run: bool) -> int:
    failures = 0
    async with Container() as container:
        overrides = {transaction: dry_run_transaction} if dry_run else {}
        with container.overrides(overrides):
            for name, arguments in commands:
                log(f"> {name} {' '.join(arguments)}".rstrip())
                try:
                    async with container.request_scope():
                        if name == "add":
                            await add(arguments[0], int(arguments[1]))
                        elif name == "remove":
                            await remove(arguments[0], int(arguments[1]))
                        else:
                            await report()
                except ValueError as exc:
                    failures += 1
                    log(f"  error: {exc}")
        log("[app] shutting down")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A tiny stock keeper (fastslim-di demo).")
    parser.add_argument("--dry-run", action="store_true", help="roll every change back")
    parser.add_argument("commands", nargs="*", help="add ITEM N | remove ITEM N | report")
    options = parser.parse_args(argv)
    words = options.commands or ["add", "apples", "3", "add", "pears", "2", "report"]
    return anyio.run(run, parse_commands(words), options.dry_run)


if __name__ == "__main__":
    sys.exit(main())
