"""Every operation, grouped by tag, with friendly names and typed signatures.

`ApiResources` (friendly: unwrapped results, paginated lists) and `RawApiResources` (whole
responses) hold one resource object per tag. They do no I/O themselves: each method hands its
`Operation` and arguments to an `OperationInvoker`, which the ``fullscript`` façade implements
(tokens, pacing, retries, regions, errors). The endpoint modules below them stay usable alone.
"""

from __future__ import annotations

from functools import cached_property
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..pagination import Paginator
    from ..types import Response
    from .allergens import AllergensRawResource, AllergensResource
    from .brands import BrandsRawResource, BrandsResource
    from .categories import CategoriesRawResource, CategoriesResource
    from .clinic import ClinicRawResource, ClinicResource
    from .dynamic_links import DynamicLinksRawResource, DynamicLinksResource
    from .events import EventsRawResource, EventsResource
    from .ingredients import IngredientsRawResource, IngredientsResource
    from .labs import LabsRawResource, LabsResource
    from .metadata import MetadataRawResource, MetadataResource
    from .o_auth import OauthRawResource, OauthResource
    from .orders import OrdersRawResource, OrdersResource
    from .patients import PatientsRawResource, PatientsResource
    from .practitioner_types import PractitionerTypesRawResource, PractitionerTypesResource
    from .practitioners import PractitionersRawResource, PractitionersResource
    from .products import ProductsRawResource, ProductsResource
    from .protocols import ProtocolsRawResource, ProtocolsResource
    from .resources import ResourcesRawResource, ResourcesResource
    from .session_grants import SessionGrantsRawResource, SessionGrantsResource
    from .staff import StaffRawResource, StaffResource
    from .supplement_types import SupplementTypesRawResource, SupplementTypesResource
    from .templates import TemplatesRawResource, TemplatesResource
    from .third_party_certifications import (
        ThirdPartyCertificationsRawResource,
        ThirdPartyCertificationsResource,
    )
    from .treatment_plans import TreatmentPlansRawResource, TreatmentPlansResource
    from .variants import VariantsRawResource, VariantsResource
    from .webhooks import WebhooksRawResource, WebhooksResource

__all__ = ["ApiResources", "Operation", "OperationInvoker", "RawApiResources"]


# A plain immutable class rather than attrs: building an attrs class costs about a millisecond
# of `import fullscript`, and this one only needs keyword construction, equality and a repr.
class Operation:
    """What an invoker needs to know about one generated operation.

    Attributes:
        name: the operation's name (its module in ``fullscript_api.api.<tag>``).
        group: the resource group (tag, snake_case) it belongs to.
        method_name: its friendly name inside the group.
        http_method: HTTP method, upper case.
        path: path template, e.g. ``/api/clinic/patients/{id}``.
        module_name: the dotted name of the generated endpoint module.
        module: that module (``_get_kwargs`` builds the request, ``_parse_response`` parses
            the answer, ``_build_response`` wraps it in a ``Response`` with the status and
            headers), imported on first use: a group's import loads none of its operations'
            modules or models, a call loads only its own.
        result_key: attribute of the parsed success body holding the result, when the body
            is a one-key wrapper such as ``{"patient": {...}}``.
        items_key: for list operations, attribute holding the page's records.
        page_number_param: for list operations, the Python name of ``page[number]``.
        page_size_param: for list operations, the Python name of ``page[size]``.
    """

    _FIELDS = (
        "group",
        "http_method",
        "items_key",
        "method_name",
        "module_name",
        "name",
        "page_number_param",
        "page_size_param",
        "path",
        "result_key",
    )
    __slots__ = (*_FIELDS, "_module")

    name: str
    group: str
    method_name: str
    http_method: str
    path: str
    module_name: str
    result_key: str | None
    items_key: str | None
    page_number_param: str | None
    page_size_param: str | None

    def __init__(
        self,
        *,
        name: str,
        group: str,
        method_name: str,
        http_method: str,
        path: str,
        module_name: str,
        result_key: str | None,
        items_key: str | None,
        page_number_param: str | None,
        page_size_param: str | None,
    ) -> None:
        fields = {
            "name": name,
            "group": group,
            "method_name": method_name,
            "http_method": http_method,
            "path": path,
            "module_name": module_name,
            "result_key": result_key,
            "items_key": items_key,
            "page_number_param": page_number_param,
            "page_size_param": page_size_param,
        }
        for field, value in fields.items():
            object.__setattr__(self, field, value)
        object.__setattr__(self, "_module", None)

    @property
    def module(self) -> ModuleType:
        """The generated endpoint module, imported on the operation's first use."""
        module = self._module
        if module is None:
            module = import_module(self.module_name)
            object.__setattr__(self, "_module", module)
        return module

    def __setattr__(self, field: str, value: object) -> None:
        raise AttributeError(f"Operation is immutable: cannot set {field!r}")

    def __delattr__(self, field: str) -> None:
        raise AttributeError(f"Operation is immutable: cannot delete {field!r}")

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, field) for field in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Operation:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Operation(name={self.name!r}, http_method={self.http_method!r}, "
            f"path={self.path!r}, group={self.group!r}, method_name={self.method_name!r})"
        )

    @property
    def paginated(self) -> bool:
        """True for list operations paged with ``page[number]`` / ``page[size]``."""
        return self.items_key is not None


class OperationInvoker(Protocol):
    """Sends operations on behalf of the resource classes."""

    async def request(self, operation: Operation, arguments: dict[str, Any]) -> Any:
        """Send one request; return the parsed success body, unwrapped at ``result_key``."""
        ...

    async def request_raw(self, operation: Operation, arguments: dict[str, Any]) -> Response[Any]:
        """Send one request; return the whole response."""
        ...

    def paginate(
        self,
        operation: Operation,
        arguments: dict[str, Any],
        *,
        page_size: int,
        limit: int | None,
        prefetch: int,
    ) -> Paginator[Any]:
        """Stream the records of a list operation, page after page."""
        ...


class ApiResources:
    """One friendly resource object per tag (created on first use)."""

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    @cached_property
    def allergens(self) -> AllergensResource:
        """Operations tagged "allergens"."""
        from .allergens import AllergensResource

        return AllergensResource(self._invoker)

    @cached_property
    def brands(self) -> BrandsResource:
        """Operations tagged "brands"."""
        from .brands import BrandsResource

        return BrandsResource(self._invoker)

    @cached_property
    def categories(self) -> CategoriesResource:
        """Operations tagged "categories"."""
        from .categories import CategoriesResource

        return CategoriesResource(self._invoker)

    @cached_property
    def clinic(self) -> ClinicResource:
        """Operations tagged "clinic"."""
        from .clinic import ClinicResource

        return ClinicResource(self._invoker)

    @cached_property
    def dynamic_links(self) -> DynamicLinksResource:
        """Operations tagged "dynamic_links"."""
        from .dynamic_links import DynamicLinksResource

        return DynamicLinksResource(self._invoker)

    @cached_property
    def events(self) -> EventsResource:
        """Operations tagged "events"."""
        from .events import EventsResource

        return EventsResource(self._invoker)

    @cached_property
    def ingredients(self) -> IngredientsResource:
        """Operations tagged "ingredients"."""
        from .ingredients import IngredientsResource

        return IngredientsResource(self._invoker)

    @cached_property
    def labs(self) -> LabsResource:
        """Operations tagged "labs"."""
        from .labs import LabsResource

        return LabsResource(self._invoker)

    @cached_property
    def metadata(self) -> MetadataResource:
        """Operations tagged "metadata"."""
        from .metadata import MetadataResource

        return MetadataResource(self._invoker)

    @cached_property
    def oauth(self) -> OauthResource:
        """Operations tagged "o_auth"."""
        from .o_auth import OauthResource

        return OauthResource(self._invoker)

    @cached_property
    def orders(self) -> OrdersResource:
        """Operations tagged "orders"."""
        from .orders import OrdersResource

        return OrdersResource(self._invoker)

    @cached_property
    def patients(self) -> PatientsResource:
        """Operations tagged "patients"."""
        from .patients import PatientsResource

        return PatientsResource(self._invoker)

    @cached_property
    def practitioner_types(self) -> PractitionerTypesResource:
        """Operations tagged "practitioner_types"."""
        from .practitioner_types import PractitionerTypesResource

        return PractitionerTypesResource(self._invoker)

    @cached_property
    def practitioners(self) -> PractitionersResource:
        """Operations tagged "practitioners"."""
        from .practitioners import PractitionersResource

        return PractitionersResource(self._invoker)

    @cached_property
    def products(self) -> ProductsResource:
        """Operations tagged "products"."""
        from .products import ProductsResource

        return ProductsResource(self._invoker)

    @cached_property
    def protocols(self) -> ProtocolsResource:
        """Operations tagged "protocols"."""
        from .protocols import ProtocolsResource

        return ProtocolsResource(self._invoker)

    @cached_property
    def resources(self) -> ResourcesResource:
        """Operations tagged "resources"."""
        from .resources import ResourcesResource

        return ResourcesResource(self._invoker)

    @cached_property
    def session_grants(self) -> SessionGrantsResource:
        """Operations tagged "session_grants"."""
        from .session_grants import SessionGrantsResource

        return SessionGrantsResource(self._invoker)

    @cached_property
    def staff(self) -> StaffResource:
        """Operations tagged "staff"."""
        from .staff import StaffResource

        return StaffResource(self._invoker)

    @cached_property
    def supplement_types(self) -> SupplementTypesResource:
        """Operations tagged "supplement_types"."""
        from .supplement_types import SupplementTypesResource

        return SupplementTypesResource(self._invoker)

    @cached_property
    def templates(self) -> TemplatesResource:
        """Operations tagged "templates"."""
        from .templates import TemplatesResource

        return TemplatesResource(self._invoker)

    @cached_property
    def third_party_certifications(self) -> ThirdPartyCertificationsResource:
        """Operations tagged "third_party_certifications"."""
        from .third_party_certifications import ThirdPartyCertificationsResource

        return ThirdPartyCertificationsResource(self._invoker)

    @cached_property
    def treatment_plans(self) -> TreatmentPlansResource:
        """Operations tagged "treatment_plans"."""
        from .treatment_plans import TreatmentPlansResource

        return TreatmentPlansResource(self._invoker)

    @cached_property
    def variants(self) -> VariantsResource:
        """Operations tagged "variants"."""
        from .variants import VariantsResource

        return VariantsResource(self._invoker)

    @cached_property
    def webhooks(self) -> WebhooksResource:
        """Operations tagged "webhooks"."""
        from .webhooks import WebhooksResource

        return WebhooksResource(self._invoker)


class RawApiResources:
    """One raw resource object per tag: methods answer the whole `Response`."""

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    @cached_property
    def allergens(self) -> AllergensRawResource:
        """Operations tagged "allergens"."""
        from .allergens import AllergensRawResource

        return AllergensRawResource(self._invoker)

    @cached_property
    def brands(self) -> BrandsRawResource:
        """Operations tagged "brands"."""
        from .brands import BrandsRawResource

        return BrandsRawResource(self._invoker)

    @cached_property
    def categories(self) -> CategoriesRawResource:
        """Operations tagged "categories"."""
        from .categories import CategoriesRawResource

        return CategoriesRawResource(self._invoker)

    @cached_property
    def clinic(self) -> ClinicRawResource:
        """Operations tagged "clinic"."""
        from .clinic import ClinicRawResource

        return ClinicRawResource(self._invoker)

    @cached_property
    def dynamic_links(self) -> DynamicLinksRawResource:
        """Operations tagged "dynamic_links"."""
        from .dynamic_links import DynamicLinksRawResource

        return DynamicLinksRawResource(self._invoker)

    @cached_property
    def events(self) -> EventsRawResource:
        """Operations tagged "events"."""
        from .events import EventsRawResource

        return EventsRawResource(self._invoker)

    @cached_property
    def ingredients(self) -> IngredientsRawResource:
        """Operations tagged "ingredients"."""
        from .ingredients import IngredientsRawResource

        return IngredientsRawResource(self._invoker)

    @cached_property
    def labs(self) -> LabsRawResource:
        """Operations tagged "labs"."""
        from .labs import LabsRawResource

        return LabsRawResource(self._invoker)

    @cached_property
    def metadata(self) -> MetadataRawResource:
        """Operations tagged "metadata"."""
        from .metadata import MetadataRawResource

        return MetadataRawResource(self._invoker)

    @cached_property
    def oauth(self) -> OauthRawResource:
        """Operations tagged "o_auth"."""
        from .o_auth import OauthRawResource

        return OauthRawResource(self._invoker)

    @cached_property
    def orders(self) -> OrdersRawResource:
        """Operations tagged "orders"."""
        from .orders import OrdersRawResource

        return OrdersRawResource(self._invoker)

    @cached_property
    def patients(self) -> PatientsRawResource:
        """Operations tagged "patients"."""
        from .patients import PatientsRawResource

        return PatientsRawResource(self._invoker)

    @cached_property
    def practitioner_types(self) -> PractitionerTypesRawResource:
        """Operations tagged "practitioner_types"."""
        from .practitioner_types import PractitionerTypesRawResource

        return PractitionerTypesRawResource(self._invoker)

    @cached_property
    def practitioners(self) -> PractitionersRawResource:
        """Operations tagged "practitioners"."""
        from .practitioners import PractitionersRawResource

        return PractitionersRawResource(self._invoker)

    @cached_property
    def products(self) -> ProductsRawResource:
        """Operations tagged "products"."""
        from .products import ProductsRawResource

        return ProductsRawResource(self._invoker)

    @cached_property
    def protocols(self) -> ProtocolsRawResource:
        """Operations tagged "protocols"."""
        from .protocols import ProtocolsRawResource

        return ProtocolsRawResource(self._invoker)

    @cached_property
    def resources(self) -> ResourcesRawResource:
        """Operations tagged "resources"."""
        from .resources import ResourcesRawResource

        return ResourcesRawResource(self._invoker)

    @cached_property
    def session_grants(self) -> SessionGrantsRawResource:
        """Operations tagged "session_grants"."""
        from .session_grants import SessionGrantsRawResource

        return SessionGrantsRawResource(self._invoker)

    @cached_property
    def staff(self) -> StaffRawResource:
        """Operations tagged "staff"."""
        from .staff import StaffRawResource

        return StaffRawResource(self._invoker)

    @cached_property
    def supplement_types(self) -> SupplementTypesRawResource:
        """Operations tagged "supplement_types"."""
        from .supplement_types import SupplementTypesRawResource

        return SupplementTypesRawResource(self._invoker)

    @cached_property
    def templates(self) -> TemplatesRawResource:
        """Operations tagged "templates"."""
        from .templates import TemplatesRawResource

        return TemplatesRawResource(self._invoker)

    @cached_property
    def third_party_certifications(self) -> ThirdPartyCertificationsRawResource:
        """Operations tagged "third_party_certifications"."""
        from .third_party_certifications import ThirdPartyCertificationsRawResource

        return ThirdPartyCertificationsRawResource(self._invoker)

    @cached_property
    def treatment_plans(self) -> TreatmentPlansRawResource:
        """Operations tagged "treatment_plans"."""
        from .treatment_plans import TreatmentPlansRawResource

        return TreatmentPlansRawResource(self._invoker)

    @cached_property
    def variants(self) -> VariantsRawResource:
        """Operations tagged "variants"."""
        from .variants import VariantsRawResource

        return VariantsRawResource(self._invoker)

    @cached_property
    def webhooks(self) -> WebhooksRawResource:
        """Operations tagged "webhooks"."""
        from .webhooks import WebhooksRawResource

        return WebhooksRawResource(self._invoker)
