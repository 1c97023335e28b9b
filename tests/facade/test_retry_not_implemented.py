"""A 501 Not Implemented is final: the server does not implement the operation, so asking
again cannot succeed (the sandbox answers it for a documented operation it has no handler for)."""

from __future__ import annotations

import pytest

from fullscript import Fullscript, ServerError
from fullscript._retry import RetryPolicy
from fullscript.sandbox import Sandbox

from .conftest import RecordingTransport


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "POST"])
def test_no_method_retries_501(method: str) -> None:
    assert not RetryPolicy(max_retries=5).retries_status(method, 501)


async def test_a_501_is_asked_once_and_raised(
    sandbox: Sandbox, recorder: RecordingTransport, fs: Fullscript
) -> None:
    rule = sandbox.faults.error(501, operation_id="retrieve_clinic", times=3)
    with pytest.raises(ServerError) as caught:
        await fs.clinic.retrieve()
    assert caught.value.status_code == 501
    assert rule.fired == 1
    assert [sent.path for sent in recorder.sent] == ["/us/api/clinic"]


async def test_other_5xx_are_still_retried(
    sandbox: Sandbox, recorder: RecordingTransport, fs: Fullscript
) -> None:
    rule = sandbox.faults.error(502, operation_id="retrieve_clinic", times=1)
    clinic = await fs.clinic.retrieve()
    assert clinic.id and rule.fired == 1
    assert len(recorder.sent) == 2
