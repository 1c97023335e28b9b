from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="UpdatePractitionerResponse200")


@_attrs_define
class UpdatePractitionerResponse200:
    """
    Attributes:
        practitioner (Practitioner): A practitioner of the clinic. Example: {'id':
            'c2a7d3f4-1e5b-4a6c-8d9e-0f1a2b3c4d5f', 'first_name': 'Jonas', 'last_name': 'Okafor', 'email':
            'j.okafor@clinic.example.org', 'practitioner_type_id': '9e1d2c3b-4a5f-4e6d-8c7b-1a2b3c4d5e6f', 'metadata':
            {'id': None}}.
    """

    practitioner: Practitioner
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.practitioner is not UNSET:
            field_dict["practitioner"] = to_json(self.practitioner)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _practitioner = d.pop("practitioner", UNSET)
        if isinstance(_practitioner, dict):
            _practitioner = Practitioner.from_dict(_practitioner)
        else:
            _practitioner = deviation(
                "UpdatePractitionerResponse200.practitioner", "Practitioner", _practitioner
            )

        update_practitioner_response_200 = cls(
            practitioner=_practitioner,
        )

        update_practitioner_response_200.additional_properties = d
        return update_practitioner_response_200

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
from ..models.practitioner import Practitioner
