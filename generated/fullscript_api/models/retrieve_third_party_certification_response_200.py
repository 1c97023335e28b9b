from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="RetrieveThirdPartyCertificationResponse200")


@_attrs_define
class RetrieveThirdPartyCertificationResponse200:
    """
    Attributes:
        third_party_certification (ThirdPartyCertification): A certification assessed outside the manufacturer (e.g.
            `Certified Halal`).
    """

    third_party_certification: ThirdPartyCertification
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.third_party_certification is not UNSET:
            field_dict["third_party_certification"] = to_json(self.third_party_certification)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _third_party_certification = d.pop("third_party_certification", UNSET)
        if isinstance(_third_party_certification, dict):
            _third_party_certification = ThirdPartyCertification.from_dict(
                _third_party_certification
            )
        else:
            _third_party_certification = deviation(
                "RetrieveThirdPartyCertificationResponse200.third_party_certification",
                "ThirdPartyCertification",
                _third_party_certification,
            )

        retrieve_third_party_certification_response_200 = cls(
            third_party_certification=_third_party_certification,
        )

        retrieve_third_party_certification_response_200.additional_properties = d
        return retrieve_third_party_certification_response_200

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
from ..models.third_party_certification import ThirdPartyCertification
