from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

T = TypeVar("T", bound="RedirectUrl")


@_attrs_define
class RedirectUrl:
    """A bare redirect address.

    Attributes:
        redirect_url (str | Unset): Absolute address to send the practitioner's browser to.
    """

    redirect_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.redirect_url is not UNSET:
            field_dict["redirect_url"] = self.redirect_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _redirect_url = d.pop("redirect_url", UNSET)
        if not (isinstance(_redirect_url, str) or _redirect_url is UNSET):
            _redirect_url = deviation("RedirectUrl.redirect_url", "a string", _redirect_url)

        redirect_url = cls(
            redirect_url=_redirect_url,
        )

        redirect_url.additional_properties = d
        return redirect_url

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
