"""A real `redis-server` (Debian's package) for the tests, on a free loopback port.

Users run the Redis limiter and token store against a real Redis, so the suite does too. Each
`RedisServer` is its own process with a throwaway directory and no persistence; `stop()` ends
it, which is also how tests exercise "Redis went down".

    with RedisServer(tmp_path) as server:
        client = redis.asyncio.Redis.from_url(server.url)
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

__all__ = ["REDIS_PACKAGE", "RedisServer", "RedisServerMissing", "redis_server_binary"]

REDIS_PACKAGE = "redis-server"
_START_TIMEOUT = 10.0
_STOP_TIMEOUT = 5.0
_PORT_ATTEMPTS = 5


class RedisServerMissing(RuntimeError):
    """The `redis-server` binary is not installed."""


def redis_server_binary() -> str:
    """Path of `redis-server`, or `RedisServerMissing` naming the Debian package to install."""
    path = shutil.which("redis-server")
    if path is None:
        raise RedisServerMissing(
            f"redis-server is not installed: the Redis tests run a real server. Install the "
            f"Debian package `{REDIS_PACKAGE}` (apt-get install -y {REDIS_PACKAGE}), or run "
            f"`make test` as root, which installs it."
        )
    return path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(64).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    """One `redis-server` process on 127.0.0.1, with its data directory under `directory`.

    `start()` picks a free port (retrying if another process takes it first), waits until the
    server answers PING, and may be called again after `stop()`; a restart reuses the port, so
    clients made from `url` reconnect to the same address.
    """

    def __init__(self, directory: Path | None = None) -> None:
        self._own_directory = directory is None
        self.directory = Path(tempfile.mkdtemp(prefix="redis-")) if directory is None else directory
        self.port: int | None = None
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """`redis://127.0.0.1:<port>/0`."""
        if self.port is None:
            raise RuntimeError("the Redis server has not been started")
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def running(self) -> bool:
        """Whether the server process is alive."""
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Start the server (on the previous port after a `stop()`) and wait until it answers."""
        if self.running:
            return
        binary = redis_server_binary()
        self.directory.mkdir(parents=True, exist_ok=True)
        ports = [self.port] if self.port is not None else []
        ports += [_free_port() for _ in range(_PORT_ATTEMPTS)]
        errors: list[str] = []
        for port in ports:
            if self._try_start(binary, port, errors):
                self.port = port
                return
        raise RuntimeError("redis-server did not start: " + " | ".join(errors))

    def _try_start(self, binary: str, port: int, errors: list[str]) -> bool:
        log = self.directory / "redis.log"
        command = [
            binary,
            "--port", str(port),
            "--bind", "127.0.0.1",
            "--dir", str(self.directory),
            "--save", "",
            "--appendonly", "no",
            "--daemonize", "no",
            "--protected-mode", "yes",
            "--logfile", str(log),
        ]  # fmt: skip
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                tail = log.read_text(errors="replace")[-500:] if log.exists() else ""
                stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
                errors.append(f"port {port}: exited {process.returncode}: {stderr}{tail}".strip())
                return False
            if _answers_ping(port):
                self._process = process
                return True
            time.sleep(0.02)
        process.kill()
        process.wait()
        errors.append(f"port {port}: no answer to PING within {_START_TIMEOUT}s")
        return False

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL); its data is gone with it."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGCONT)  # a frozen server cannot handle SIGTERM
            process.terminate()
            try:
                process.wait(_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stderr is not None:
            process.stderr.close()

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a crash or an OOM kill would; its data is
        gone with it (no persistence), so `start()` brings it back empty."""
        process = self._process
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGCONT)  # a frozen server must die too
            process.kill()
            process.wait()
        self.stop()

    def restart_empty(self) -> None:
        """Kill the server and start it again on the same port, with no keys."""
        self.kill()
        self.start()

    def freeze(self) -> None:
        """Stop the server's process (SIGSTOP): connections stay open, nothing answers."""
        if self._process is None or self._process.poll() is not None:
            raise RuntimeError("the Redis server is not running")
        self._process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        """Let a frozen server run again (SIGCONT); it answers what it was sent meanwhile."""
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGCONT)

    def command(self, *arguments: str) -> bytes:
        """Send one command (as RESP) and return the raw first line of the answer."""
        if self.port is None:
            raise RuntimeError("the Redis server has not been started")
        request = f"*{len(arguments)}\r\n".encode()
        for argument in arguments:
            data = argument.encode()
            request += b"$%d\r\n%s\r\n" % (len(data), data)
        with socket.create_connection(("127.0.0.1", self.port), timeout=2.0) as connection:
            connection.sendall(request)
            return connection.recv(4096).split(b"\r\n", 1)[0]

    def limit_memory(self, maxmemory: str = "1mb") -> None:
        """`maxmemory` with `noeviction`, past which it already is (a 2 MB filler key): every
        write fails with OOM from now on, and nothing is evicted."""
        if not self.command("SET", "filler", "x" * 2_000_000).startswith(b"+OK"):
            raise RuntimeError("could not write the filler key")
        for name, value in (("maxmemory-policy", "noeviction"), ("maxmemory", maxmemory)):
            answer = self.command("CONFIG", "SET", name, value)
            if not answer.startswith(b"+OK"):
                raise RuntimeError(f"CONFIG SET {name} answered {answer!r}")

    def close(self) -> None:
        """Stop the server and remove a directory this object created."""
        self.stop()
        if self._own_directory:
            shutil.rmtree(self.directory, ignore_errors=True)

    def flush(self) -> None:
        """Drop every key (FLUSHALL), so that tests sharing a server start from empty."""
        if self.port is None:
            raise RuntimeError("the Redis server has not been started")
        with socket.create_connection(("127.0.0.1", self.port), timeout=2.0) as connection:
            connection.sendall(b"FLUSHALL\r\n")
            answer = connection.recv(64)
        if not answer.startswith(b"+OK"):
            raise RuntimeError(f"FLUSHALL answered {answer!r}")

    def __enter__(self) -> RedisServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"RedisServer(port={self.port}, running={self.running})"
