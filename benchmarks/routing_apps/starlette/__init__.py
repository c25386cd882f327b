"""A plain Starlette twin of the hello app."""
