from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_error_type_1 import ErrorErrorType1
    from ..models.error_errors_type_0 import ErrorErrorsType0


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
        from ..models.error_error_type_1 import ErrorErrorType1
        from ..models.error_errors_type_0 import ErrorErrorsType0

        error: dict[str, Any] | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, ErrorErrorType1):
            error = self.error.to_dict()
        else:
            error = self.error

        errors: dict[str, Any] | list[str] | str | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, ErrorErrorsType0):
            errors = self.errors.to_dict()
        elif isinstance(self.errors, list):
            errors = self.errors

        else:
            errors = self.errors

        status = self.status

        message = self.message

        error_description = self.error_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error is not UNSET:
            field_dict["error"] = error
        if errors is not UNSET:
            field_dict["errors"] = errors
        if status is not UNSET:
            field_dict["status"] = status
        if message is not UNSET:
            field_dict["message"] = message
        if error_description is not UNSET:
            field_dict["error_description"] = error_description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.error_error_type_1 import ErrorErrorType1
        from ..models.error_errors_type_0 import ErrorErrorsType0

        d = dict(src_dict)

        def _parse_error(data: object) -> ErrorErrorType1 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_1 = ErrorErrorType1.from_dict(data)

                return error_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorErrorType1 | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_errors(data: object) -> ErrorErrorsType0 | list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                errors_type_0 = ErrorErrorsType0.from_dict(data)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_1 = cast(list[str], data)

                return errors_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorErrorsType0 | list[str] | str | Unset, data)

        errors = _parse_errors(d.pop("errors", UNSET))

        status = d.pop("status", UNSET)

        message = d.pop("message", UNSET)

        error_description = d.pop("error_description", UNSET)

        error = cls(
            error=error,
            errors=errors,
            status=status,
            message=message,
            error_description=error_description,
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
