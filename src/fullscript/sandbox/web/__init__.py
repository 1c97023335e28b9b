"""The HTTP side: the Starlette app and its routes, the request pipeline, the ``/_sandbox``
control surface, request bodies, answers, middleware and the in-process httpx2 transport.

Everything here translates HTTP to calls on :class:`~fullscript.sandbox.backend.SandboxBackend`
and back; the state lives in :mod:`..state`."""
