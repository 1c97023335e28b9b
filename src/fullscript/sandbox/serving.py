"""Serving a sandbox on a real socket (uvicorn), in the foreground or in a background thread."""

from __future__ import annotations

import socket
import threading
import time
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING

from starlette.types import ASGIApp, Receive, Scope, Send

from .sandbox import Sandbox
from .web.responses import SERVED_SCOPE_KEY

if TYPE_CHECKING:
    import uvicorn

__all__ = ["ServedSandbox", "import_uvicorn", "serve", "served_app"]


def import_uvicorn() -> ModuleType:
    """uvicorn, imported on first need (in-process use never needs a server, and it is a large
    import), or ImportError naming the extra that brings it."""
    try:
        import uvicorn
    except ImportError as error:
        raise ImportError(
            "serving the sandbox needs uvicorn, part of the [sandbox] extra: "
            "pip install 'fullscript[sandbox]'"
        ) from error
    return uvicorn


def served_app(app: ASGIApp) -> ASGIApp:
    """Mark requests as coming from a socket, so dropped-connection faults just hang up."""

    async def marked(scope: Scope, receive: Receive, send: Send) -> None:
        scope[SERVED_SCOPE_KEY] = True
        await app(scope, receive, send)

    return marked


class ServedSandbox:
    """A sandbox served by uvicorn in a daemon thread; use as a context manager.

    >>> with serve(Sandbox()) as served:          # doctest: +SKIP
    ...     httpx2.get(f"{served.url}/_sandbox/health")
    """

    def __init__(self, sandbox: Sandbox, host: str = "127.0.0.1", port: int = 0) -> None:
        uvicorn_module = import_uvicorn()
        self.sandbox = sandbox
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind((host, port))
        self.host, self.port = self._socket.getsockname()[:2]
        config = uvicorn_module.Config(
            served_app(sandbox.app), log_level="warning", lifespan="off", access_log=False
        )
        self._server: uvicorn.Server = uvicorn_module.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    @property
    def url(self) -> str:
        """``http://host:port`` of the server (regions live under ``/us``, ``/ca``...)."""
        return f"http://{self.host}:{self.port}"

    def base_url(self, region: str = "us") -> str:
        """The region's base URL on this server (API under ``{base}/api``)."""
        return self.sandbox.base_url(region, host=self.url)

    def start(self, timeout: float = 10.0) -> ServedSandbox:
        """Start serving in the background; returns once the socket accepts connections."""
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the sandbox server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        """Ask the server to exit, wait for its thread, and close the socket."""
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()

    def __enter__(self) -> ServedSandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def serve(sandbox: Sandbox, host: str = "127.0.0.1", port: int = 0) -> ServedSandbox:
    """Prepare to serve ``sandbox`` on ``host:port`` (0 picks a free port) in a thread."""
    return ServedSandbox(sandbox, host, port)
