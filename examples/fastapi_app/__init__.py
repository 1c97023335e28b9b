"""A small, complete FastAPI app on the Fullscript SDK: copy it as the start of yours.

Run it against the embedded sandbox with ``make example-fastapi`` (see README.md here).
"""
