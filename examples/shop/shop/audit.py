"""Audit records, written in the background with their own session."""

from __future__ import annotations

from .db import AuditRecord, Database


def write_audit(db: Database, username: str, event: str) -> None:
    """Store one audit record (`login-succeeded` or `login-failed`) for `username`.

    Runs after the response, so it opens its own session: the request's one is
    not meant to outlive its request."""
    with db.session() as session:
        session.add(AuditRecord(username=username, event=event))
        session.commit()
