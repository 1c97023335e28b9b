"""The plugin's fixtures. Each imports the sandbox and the client only when it is first used."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    import httpx2

    from fullscript import Fullscript
    from fullscript.sandbox import Sandbox, ServedSandbox

    from .grants import GrantFactory
    from .options import SandboxOptions
    from .virtual_time import SandboxTime
    from .webhooks import WebhookCapture

__all__ = [
    "fullscript_client",
    "fullscript_grants",
    "fullscript_options",
    "fullscript_sandbox",
    "fullscript_served",
    "fullscript_target",
    "fullscript_time",
    "fullscript_webhooks",
]


def _run_to_completion(work: Coroutine[Any, Any, None]) -> None:
    """Run ``work`` from synchronous teardown, on a thread of its own if a loop runs here."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(work)
        return
    worker = threading.Thread(target=asyncio.run, args=(work,))
    worker.start()
    worker.join()


@pytest.fixture
def fullscript_options(request: pytest.FixtureRequest) -> SandboxOptions:
    """The settings of this test's sandbox: ``--fullscript-*`` defaults, then the marker."""
    from .options import options_for

    return options_for(request)


@pytest.fixture
def fullscript_time() -> SandboxTime:
    """The sandbox's clock, frozen at the test's start; ``advance(seconds)`` moves it."""
    from .virtual_time import SandboxTime

    return SandboxTime()


@pytest.fixture
def fullscript_sandbox(
    request: pytest.FixtureRequest, fullscript_options: SandboxOptions
) -> Sandbox:
    """A fresh stateful sandbox for this test, with the marker's settings and fault presets."""
    from fullscript.sandbox import Sandbox

    arguments = fullscript_options.sandbox_arguments()
    if "fullscript_time" in request.fixturenames:
        arguments["clock"] = request.getfixturevalue("fullscript_time").now
    sandbox = Sandbox(**arguments)
    for preset in fullscript_options.faults:
        sandbox.use_fault_preset(preset)
    return sandbox


@pytest.fixture
def fullscript_target(request: pytest.FixtureRequest) -> str:
    """What ``fullscript_client`` talks to: ``"sandbox"``, or with ``--fullscript-live`` each
    of ``"sandbox"`` and ``"fullscript"`` in turn."""
    return str(getattr(request, "param", "sandbox"))


def _recording(
    config: pytest.Config, target: str, transport: httpx2.AsyncBaseTransport
) -> httpx2.AsyncBaseTransport:
    """``transport``, recording answer shapes for the parity report in a live run."""
    if not config.getoption("fullscript_live"):
        return transport
    from .keys import PARITY_SHAPES
    from .parity import ShapeRecorder

    shapes = config.stash.setdefault(PARITY_SHAPES, {})
    return ShapeRecorder(transport, shapes.setdefault(target, {}))


@pytest.fixture
def fullscript_client(
    request: pytest.FixtureRequest,
    fullscript_sandbox: Sandbox,
    fullscript_options: SandboxOptions,
    fullscript_target: str,
) -> Iterator[Fullscript]:
    """A `Fullscript` client on this test's sandbox, authorized for the marker's region
    (default ``us``) and closed after the test (on Fullscript in a live run's second pass)."""
    import httpx2

    from fullscript import Fullscript, OAuthToken, Region
    from fullscript.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REDIRECT_URI

    if fullscript_target == "fullscript":
        from .live import live_client

        # No kept-alive connections: the client is closed after the test's event loop is gone,
        # which a pooled socket would need.
        sockets = httpx2.AsyncHTTPTransport(limits=httpx2.Limits(max_keepalive_connections=0))
        client = live_client(_recording(request.config, "fullscript", sockets))
    else:
        region = fullscript_options.region
        issued = fullscript_sandbox.issue_token(region)
        client = Fullscript(
            client_id=DEFAULT_CLIENT_ID,
            client_secret=DEFAULT_CLIENT_SECRET,
            redirect_uri=DEFAULT_REDIRECT_URI,
            region=Region.from_key(region).with_base_url(fullscript_sandbox.base_url(region)),
            transport=_recording(request.config, "sandbox", fullscript_sandbox.transport()),
            token=OAuthToken.from_response(issued.to_oauth(), region=region),
        )
    yield client
    if not client.is_closed:
        _run_to_completion(client.aclose())


@pytest.fixture
def fullscript_grants(fullscript_sandbox: Sandbox, fullscript_client: Fullscript) -> GrantFactory:
    """More clinics (grants) and regions for ``fullscript_client``."""
    from .grants import GrantFactory

    return GrantFactory(fullscript_sandbox, fullscript_client)


@pytest.fixture
def fullscript_served(fullscript_sandbox: Sandbox) -> Iterator[ServedSandbox]:
    """This test's sandbox served on a free loopback port, for plain HTTP or subprocesses.

    It shares state with ``fullscript_sandbox`` and ``fullscript_client``.
    """
    from fullscript.sandbox import serve

    with serve(fullscript_sandbox) as served:
        yield served


@pytest.fixture
def fullscript_webhooks(fullscript_sandbox: Sandbox) -> WebhookCapture:
    """The sandbox's signed webhook deliveries: captured, or forwarded to your app."""
    from .webhooks import WebhookCapture

    return WebhookCapture(fullscript_sandbox)
