"""Path, query and multipart values are checked against their declared types before sending.

A value of the wrong type is refused with `InvalidParameterTypeError` (also a ``TypeError``),
one that cannot be sent with `InvalidParameterError` (a ``ValueError``); both name the
parameter and the type given, never the value, and nothing reaches the network.
"""

from __future__ import annotations

import contextlib
import enum
import io
import typing
from collections.abc import Iterator
from typing import Any, TypeVar

import attrs
import pytest
from fullscript_api.models import (
    ListPatientsPatientType,
    PractitionerResourceCreateRequest,
    ResourceType,
)
from fullscript_api.types import File
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fullscript import (
    Fullscript,
    FullscriptError,
    InvalidParameterError,
    InvalidParameterTypeError,
)
from fullscript._arguments import coerce_arguments

from .conftest import RecordingTransport

E = TypeVar("E", bound=BaseException)

EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    # The client fixture is shared by the examples on purpose: every one is refused before
    # anything is sent, so none changes its state.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@attrs.frozen
class PatientCard:
    """A value whose repr holds personal data: it must never reach a URL or a message."""

    name: str = "Maya Lind"
    email: str = "maya.lind@example.org"


class Colour(enum.Enum):
    RED = "red"


# Anything but text: what must never be turned into a path segment or query value by str().
not_text = st.one_of(
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.binary(max_size=8),
    st.lists(st.text(max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.builds(PatientCard),
    st.sampled_from([Colour.RED, object(), 1.5j]),
)
# Anything but an int: what must never be sent as a page number.
not_int = st.one_of(
    st.floats(allow_nan=False),
    st.booleans(),
    st.text(max_size=5),
    st.binary(max_size=8),
    st.builds(PatientCard),
)
# Text holding a lone surrogate, which cannot be encoded as UTF-8.
lone_surrogate = st.builds(
    lambda before, surrogate, after: before + surrogate + after,
    st.text(max_size=5),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    st.text(max_size=5),
)


@contextlib.contextmanager
def refused_before_sending(
    recorder: RecordingTransport, error: type[E]
) -> Iterator[pytest.ExceptionInfo[E]]:
    """The block must raise ``error`` and send nothing."""
    sent = len(recorder.sent)
    with pytest.raises(error) as caught:
        yield caught
    assert len(recorder.sent) == sent


def assert_refused_without_the_value(
    error: InvalidParameterError, parameter: str, value: Any
) -> None:
    assert isinstance(error, FullscriptError)
    assert error.parameter == parameter
    assert parameter in str(error)
    if isinstance(value, PatientCard):
        assert "Maya" not in str(error)
        assert "maya.lind@example.org" not in str(error)
    if isinstance(value, str):
        assert repr(value) not in str(error)


@given(value=not_text)
@EXAMPLES
async def test_a_path_id_that_is_not_text_is_refused_naming_its_type(
    fs: Fullscript, recorder: RecordingTransport, value: Any
) -> None:
    with refused_before_sending(recorder, InvalidParameterTypeError) as caught:
        await fs.patients.retrieve(value)
    assert isinstance(caught.value, TypeError)
    assert type(value).__name__ in str(caught.value)
    assert_refused_without_the_value(caught.value, "id", value)


@given(value=lone_surrogate)
@EXAMPLES
async def test_an_id_holding_a_lone_surrogate_is_refused_not_a_unicode_error(
    fs: Fullscript, recorder: RecordingTransport, value: str
) -> None:
    with refused_before_sending(recorder, InvalidParameterError) as caught:
        await fs.patients.retrieve(value)
    assert isinstance(caught.value, ValueError)
    assert "lone surrogate" in str(caught.value)
    assert_refused_without_the_value(caught.value, "id", value)


@given(value=not_text.filter(lambda value: not isinstance(value, list)))
@EXAMPLES
async def test_a_query_value_that_is_not_text_is_refused(
    fs: Fullscript, recorder: RecordingTransport, value: Any
) -> None:
    with refused_before_sending(recorder, InvalidParameterTypeError) as caught:
        await fs.products.search(query=value).to_list()
    assert_refused_without_the_value(caught.value, "query", value)


@given(value=not_int)
@EXAMPLES
async def test_a_page_size_that_is_not_an_int_is_refused(
    fs: Fullscript, recorder: RecordingTransport, value: Any
) -> None:
    with refused_before_sending(recorder, InvalidParameterTypeError) as caught:
        await fs.with_raw_response.patients.list(page_size=value)
    assert_refused_without_the_value(caught.value, "pagesize", value)


@given(value=st.one_of(not_int, st.integers()).filter(lambda value: not isinstance(value, str)))
@EXAMPLES
async def test_an_enum_parameter_given_neither_a_member_nor_text_is_a_typed_error(
    fs: Fullscript, recorder: RecordingTransport, value: Any
) -> None:
    with refused_before_sending(recorder, InvalidParameterTypeError) as caught:
        await fs.patients.list(patient_type=value).to_list()
    assert "ListPatientsPatientType" in str(caught.value)
    assert_refused_without_the_value(caught.value, "patient_type", value)


@given(value=st.lists(not_text.filter(lambda value: not isinstance(value, list)), min_size=1))
@EXAMPLES
async def test_a_list_query_parameter_holding_anything_but_text_is_refused(
    fs: Fullscript, recorder: RecordingTransport, value: list[Any]
) -> None:
    with refused_before_sending(recorder, InvalidParameterTypeError) as caught:
        await fs.products.search(allergen_ids=value).to_list()
    assert_refused_without_the_value(caught.value, "allergen_ids", value)


async def test_a_single_string_for_a_list_parameter_is_refused(fs: Fullscript) -> None:
    with pytest.raises(InvalidParameterTypeError, match="a list of str, got str"):
        await fs.products.search(allergen_ids="abc").to_list()


async def test_an_unknown_enum_string_is_refused_without_echoing_it(fs: Fullscript) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        await fs.patients.list(patient_type="secret-ish value").to_list()
    assert "'guardian'" in str(caught.value)
    assert "secret-ish" not in str(caught.value)


async def test_none_for_an_optional_parameter_means_not_given(
    fs: Fullscript, recorder: RecordingTransport
) -> None:
    await fs.patients.list(patient_type=None).to_list()
    assert "patient_type" not in recorder.sent[-1].query


async def test_none_for_a_path_id_is_refused(fs: Fullscript) -> None:
    with pytest.raises(InvalidParameterError, match="id"):
        await fs.patients.retrieve(None)


async def test_values_of_the_declared_types_are_still_sent(
    fs: Fullscript, recorder: RecordingTransport
) -> None:
    page = await fs.with_raw_response.patients.list(
        patient_type=ListPatientsPatientType.GUARDIAN, page=1, page_size=5
    )
    assert page.status_code == 200
    assert recorder.sent[-1].query == {
        "patient_type": "guardian",
        "page[number]": "1",
        "page[size]": "5",
    }


def _resource(**fields: Any) -> PractitionerResourceCreateRequest:
    values: dict[str, Any] = {
        "name": "Diet sheet",
        "attachment": File(payload=io.BytesIO(b"%PDF-1.4"), file_name="diet.pdf"),
        "save_to_library": True,
        "type_": ResourceType.HANDOUT,
    }
    values.update(fields)
    return PractitionerResourceCreateRequest(**values)


@pytest.mark.parametrize(
    ("fields", "parameter"),
    [
        ({"name": None}, "body.name"),
        ({"treatment_plan_id": None}, "body.treatment_plan_id"),
        ({"name": PatientCard()}, "body.name"),
        ({"save_to_library": "yes"}, "body.save_to_library"),
        ({"type_": "not-a-type"}, "body.type_"),
    ],
)
async def test_a_multipart_field_of_the_wrong_type_or_none_is_refused(
    fs: Fullscript, recorder: RecordingTransport, fields: dict[str, Any], parameter: str
) -> None:
    practitioner_id = "prac-1"
    with refused_before_sending(recorder, InvalidParameterError) as caught:
        await fs.practitioners.create_resource(practitioner_id, body=_resource(**fields))
    assert caught.value.parameter == parameter
    assert "Maya" not in str(caught.value)


async def test_a_multipart_extra_field_of_none_is_refused_not_sent_as_text(
    fs: Fullscript, recorder: RecordingTransport
) -> None:
    body = _resource()
    body.additional_properties["note"] = None
    with refused_before_sending(recorder, InvalidParameterTypeError) as caught:
        await fs.practitioners.create_resource("prac-1", body=body)
    assert caught.value.parameter == "body.note"


class _Tone(enum.Enum):
    CALM = "calm"


def test_an_operations_hints_are_read_once_however_often_it_is_called(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads: list[object] = []
    read_hints = typing.get_type_hints

    def counting(obj: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        reads.append(obj)
        return read_hints(obj, *args, **kwargs)

    monkeypatch.setattr(typing, "get_type_hints", counting)

    def operation(id: str, tone: _Tone | None = None) -> dict[str, Any]:
        return {}

    for patient_id in ("a1", "b2", "ç3"):
        coerced = coerce_arguments("operation", operation, {"id": patient_id, "tone": "calm"})
        assert coerced == {"id": patient_id, "tone": _Tone.CALM}
    assert reads == [operation]


@given(text=st.text(min_size=1))
def test_any_valid_text_id_is_sent_as_given(text: str) -> None:
    def operation(id: str) -> dict[str, Any]:
        return {}

    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        with pytest.raises(InvalidParameterError):
            coerce_arguments("operation", operation, {"id": text})
        return
    arguments = {"id": text}
    assert coerce_arguments("operation", operation, arguments) is arguments
