"""Registered OAuth applications: credentials, redirect URI, dashboard scopes, and who their
tokens act for."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..operations import ALL_SCOPES, CATALOG

__all__ = ["RESOURCE_OWNER_TYPES", "OAuthApp"]

#: Who a token acts for: a practitioner, a staff member or the clinic itself.
RESOURCE_OWNER_TYPES = ("Practitioner", "Staff", "Clinic")


def _dashboard_scopes(scopes: Iterable[str]) -> tuple[str, ...]:
    """An app's scopes as the dashboard keeps them: ``catalog:read`` is always granted."""
    return tuple(dict.fromkeys((CATALOG, *scopes)))


def _owner_type(app: OAuthApp, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in RESOURCE_OWNER_TYPES:
        raise ValueError(
            f"resource_owner_type must be Practitioner, Staff or Clinic, not {value!r}"
        )


@attrs.define
class OAuthApp:
    """A registered OAuth application. ``scopes`` are the dashboard settings of the app, which
    always include ``catalog:read``."""

    client_id: str
    client_secret: str = attrs.field(repr=False)
    redirect_uri: str
    scopes: tuple[str, ...] = attrs.field(default=ALL_SCOPES, converter=_dashboard_scopes)
    resource_owner_type: str = attrs.field(default="Practitioner", validator=_owner_type)
