from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Body of an error answer. Fullscript does not document one error format; bodies seen include `{"error": "..."}`,
    `{"status": 404, "error": "Not Found"}` and `{"errors": {"field": ["message"]}}`, so every member is optional.

        Example:
            {'error': 'Email has already been taken', 'errors': {'email': ['is taken']}}

        Attributes:
            error (ErrorErrorType1 | str | Unset): Short summary of the problem, as text or as a structured object.
            errors (ErrorErrorsType0 | list[str] | str | Unset): Details of the problem: per-field messages, a list, or
                text.
            status (int | Unset): HTTP status code repeated in the body.
            message (str | Unset): Human-readable explanation.
            error_description (str | Unset): Explanation accompanying an OAuth error code such as `invalid_grant`.
    """

    error: ErrorErrorType1 | str | Unset = UNSET
    errors: ErrorErrorsType0 | list[str] | str | Unset = UNSET
    status: int | Unset = UNSET
    message: str | Unset = UNSET
    error_description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.error is not UNSET:
            field_dict["error"] = to_json(self.error)
        if self.errors is not UNSET:
            field_dict["errors"] = to_json(self.errors)
        if self.status is not UNSET:
            field_dict["status"] = self.status
        if self.message is not UNSET:
            field_dict["message"] = self.message
        if self.error_description is not UNSET:
            field_dict["error_description"] = self.error_description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _error = d.pop("error", UNSET)
        if isinstance(_error, dict):
            _error = ErrorErrorType1.from_dict(_error)
        elif isinstance(_error, str):
            pass
        elif not (_error is UNSET):
            _error = deviation("Error.error", "a string or ErrorErrorType1", _error)

        _errors = d.pop("errors", UNSET)
        if isinstance(_errors, dict):
            _errors = ErrorErrorsType0.from_dict(_errors)
        elif isinstance(_errors, list):
            for _each1 in _errors:
                if not isinstance(_each1, str):
                    _each1 = deviation("Error.errors[]", "a string", _each1)
        elif isinstance(_errors, str):
            pass
        elif not (_errors is UNSET):
            _errors = deviation("Error.errors", "ErrorErrorsType0 or an array or a string", _errors)

        _status = d.pop("status", UNSET)
        if not ((isinstance(_status, int) and not isinstance(_status, bool)) or _status is UNSET):
            _status = deviation("Error.status", "an integer", _status)

        _message = d.pop("message", UNSET)
        if not (isinstance(_message, str) or _message is UNSET):
            _message = deviation("Error.message", "a string", _message)

        _error_description = d.pop("error_description", UNSET)
        if not (isinstance(_error_description, str) or _error_description is UNSET):
            _error_description = deviation(
                "Error.error_description", "a string", _error_description
            )

        error = cls(
            error=_error,
            errors=_errors,
            status=_status,
            message=_message,
            error_description=_error_description,
        )

        error.additional_properties = d
        return error

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported last, once: these models may import this one in turn (see the template).
from ..models.error_error_type_1 import ErrorErrorType1
from ..models.error_errors_type_0 import ErrorErrorsType0
