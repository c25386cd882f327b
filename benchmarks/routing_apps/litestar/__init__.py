"""Litestar twins of the routing apps (same requests, same answers as far as Litestar's
own conventions allow: a validation error is its 400)."""
