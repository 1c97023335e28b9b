"""SDK (attrs) models in FastAPI routes: pydantic twins generated from the attrs fields.

The generated models are attrs classes; FastAPI only understands pydantic. `pydantic_model`
builds, once per class and with no hand-written copy, a pydantic model with the same fields
(types, required-ness, JSON names, nested models, enums, extra properties) that validates an
attrs instance as input (via its ``to_dict()``), keeping track of the fields that were never
set so that answers leave them out.

`SDKRoute` applies it to every route of a router, so endpoints are written with SDK types::

    router = APIRouter(route_class=SDKRoute)

    @router.post("/patients", status_code=201)
    async def create(body: PatientCreateRequest, fs: FullscriptDep) -> Patient:
        return await fs.patients.create(body=body)

    @router.get("/patients/page")
    async def first_page(fs: FullscriptDep) -> Page[Patient]:
        return await fs.patients.list()

Return annotations (a model, ``list[...]``, ``Page[...]``, ``X | None``) become the response
model, so the OpenAPI docs show the real shape; a parameter annotated with an SDK model is read
from the JSON body, validated, and handed to the endpoint as the attrs instance.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, Union, get_args, get_origin

import attrs
import fullscript_api.models as generated_models
import pydantic
from fastapi.routing import APIRoute
from fullscript_api.types import File, Unset

from .._pagination import Page

__all__ = ["SDKRoute", "from_pydantic", "is_sdk_model", "pydantic_model", "response_model_for"]

_cache: dict[Any, Any] = {}
# Models being built right now (a model that refers to itself, or to one referring back, is
# named by a forward reference and rebuilt once the outermost one is done).
_building: list[type] = []
_unresolved: list[type[pydantic.BaseModel]] = []


def is_sdk_model(value: object) -> bool:
    """True for a generated attrs model class (one with ``from_dict``/``to_dict``)."""
    return (
        isinstance(value, type)
        and attrs.has(value)
        and callable(getattr(value, "from_dict", None))
        and callable(getattr(value, "to_dict", None))
    )


class _ModelNames(dict[str, Any]):
    """Resolves the names in generated annotations (models are imported only for typing)."""

    def __missing__(self, name: str) -> Any:
        try:
            return getattr(generated_models, name)
        except AttributeError:
            raise KeyError(name) from None


def _hints(cls: type) -> dict[str, Any]:
    module = sys.modules[cls.__module__]
    return typing.get_type_hints(cls, globalns=dict(vars(module)), localns=_ModelNames())


def _json_name(field: attrs.Attribute[Any]) -> str:
    # openapi-python-client appends "_" to names that clash with Python words (type_, format_).
    return field.name.rstrip("_") if field.name.endswith("_") else field.name


def _convert(annotation: Any) -> Any:
    """The pydantic-side type for an SDK annotation (``Unset`` is dropped: "absent")."""
    if is_sdk_model(annotation):
        if annotation in _building:
            return annotation.__name__  # a forward reference, resolved by model_rebuild
        return pydantic_model(annotation)
    if annotation is File:
        return Any  # uploads travel as multipart, not JSON
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        members = [arg for arg in get_args(annotation) if arg is not Unset]
        converted = [_convert(arg) for arg in members]
        if not converted:
            return Any
        return Union.__getitem__(tuple(converted)) if len(converted) > 1 else converted[0]
    if origin in (list, Sequence, typing.Sequence):
        (item,) = get_args(annotation) or (Any,)
        return list.__class_getitem__(_convert(item))
    if origin in (dict, Mapping):
        key, value = get_args(annotation) or (str, Any)
        return dict.__class_getitem__((key, _convert(value)))
    if origin is Page:
        (item,) = get_args(annotation)
        return _page_model(item)
    return annotation


def _from_attrs(value: Any) -> Any:
    """Before validation: an attrs instance becomes its JSON-shaped dict."""
    if is_sdk_model(type(value)):
        return value.to_dict()
    return value


class _SDKModel(pydantic.BaseModel):
    """Base of the generated twins: validates attrs instances (via ``to_dict()``) and dicts.

    Fields the record never had stay unset; dump with ``exclude_unset=True`` (`SDKRoute` sets
    ``response_model_exclude_unset``) to leave them out rather than write ``null``.
    """

    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)

    @pydantic.model_validator(mode="before")
    @classmethod
    def _accept_attrs(cls, value: Any) -> Any:
        return _from_attrs(value)


def pydantic_model(cls: type) -> type[pydantic.BaseModel]:
    """The pydantic twin of a generated attrs model (built once, then cached)."""
    if not is_sdk_model(cls):
        raise TypeError(f"{cls!r} is not a generated SDK model (attrs class with from_dict)")
    if cls in _cache:
        return _cache[cls]  # type: ignore[no-any-return]
    _building.append(cls)
    try:
        model = _build_twin(cls)
    finally:
        _building.pop()
    _cache[cls] = model
    if not _building:
        _resolve_forward_references()
    return model


def _build_twin(cls: type) -> type[pydantic.BaseModel]:
    hints = _hints(cls)
    definitions: dict[str, Any] = {}
    refers_back = False
    for field in attrs.fields(cls):
        if not field.init:
            continue  # additional_properties: carried by extra="allow"
        annotation = _convert(hints[field.name])
        refers_back |= _has_forward_reference(annotation)
        required = field.default is attrs.NOTHING
        alias = _json_name(field)
        info = pydantic.Field(
            default=... if required else None,
            alias=alias if alias != field.name else None,
        )
        definitions[field.name] = (annotation, info)
    model: type[pydantic.BaseModel] = pydantic.create_model(
        cls.__name__,
        __base__=_SDKModel,
        __module__=__name__,
        __doc__=(cls.__doc__ or "").split("\n\n")[0] or None,
        **definitions,
    )
    if refers_back:
        _unresolved.append(model)
    return model


def _has_forward_reference(annotation: Any) -> bool:
    if isinstance(annotation, str | typing.ForwardRef):
        return True
    return any(_has_forward_reference(arg) for arg in get_args(annotation))


def _resolve_forward_references() -> None:
    namespace = {key.__name__: model for key, model in _cache.items() if isinstance(key, type)}
    while _unresolved:
        _unresolved.pop().model_rebuild(_types_namespace=namespace)


def _page_model(item: Any) -> type[pydantic.BaseModel]:
    key = (Page, item)
    if key not in _cache:
        name = getattr(item, "__name__", "Item")
        items: Any = (list.__class_getitem__(_convert(item)), ...)
        _cache[key] = pydantic.create_model(
            f"{name}Page", __base__=_PageBase, __module__=__name__, items=items
        )
    return _cache[key]  # type: ignore[no-any-return]


class _PageBase(pydantic.BaseModel):
    """One page of records and the server's paging metadata (`fullscript.Page`)."""

    current_page: int
    next_page: int | None = None
    total_pages: int | None = None
    total_count: int | None = None

    @pydantic.model_validator(mode="before")
    @classmethod
    def _accept_page(cls, value: Any) -> Any:
        if isinstance(value, Page):
            return {field.name: getattr(value, field.name) for field in attrs.fields(Page)}
        return value


def _mentions_sdk(annotation: Any) -> bool:
    if is_sdk_model(annotation) or annotation is Page:
        return True
    return any(_mentions_sdk(arg) for arg in get_args(annotation))


def _is_twin(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, _SDKModel | _PageBase):
        return True
    return any(_is_twin(arg) for arg in get_args(annotation))


def response_model_for(annotation: Any) -> Any:
    """The pydantic response model for a return annotation naming SDK models (else itself)."""
    return _convert(annotation) if _mentions_sdk(annotation) else annotation


def from_pydantic(cls: type[Any], value: pydantic.BaseModel) -> Any:
    """The attrs instance of ``cls`` from its validated pydantic twin."""
    return cls.from_dict(value.model_dump(mode="json", by_alias=True, exclude_unset=True))


def _resolved_hints(function: Callable[..., Any]) -> dict[str, Any]:
    """The function's annotations, evaluated; one that cannot be (a name local to the
    function that defined it, under ``from __future__ import annotations``) stays a string."""
    try:
        return typing.get_type_hints(function, include_extras=True)
    except (NameError, TypeError):
        pass
    namespace = dict(getattr(function, "__globals__", {}))
    hints: dict[str, Any] = {}
    for name, annotation in getattr(function, "__annotations__", {}).items():
        if isinstance(annotation, str):
            with contextlib.suppress(Exception):
                annotation = eval(annotation, namespace)  # as typing.get_type_hints does
        hints[name] = annotation
    return hints


def _body_parameters(
    endpoint: Callable[..., Any],
) -> tuple[inspect.Signature, dict[str, type]] | None:
    """The endpoint's signature with SDK-model parameters turned into their pydantic twins."""
    hints = _resolved_hints(endpoint)
    signature = inspect.signature(endpoint)
    converted: dict[str, type] = {}
    parameters = []
    for parameter in signature.parameters.values():
        annotation = hints.get(parameter.name, parameter.annotation)
        extras: tuple[Any, ...] = ()
        if get_origin(annotation) is Annotated:
            annotation, *rest = get_args(annotation)
            extras = tuple(rest)
        if is_sdk_model(annotation):
            converted[parameter.name] = annotation
            twin = pydantic_model(annotation)
            new_annotation: Any = Annotated[(twin, *extras)] if extras else twin
            parameters.append(parameter.replace(annotation=new_annotation))
        else:
            parameters.append(parameter.replace(annotation=hints.get(parameter.name, annotation)))
    if not converted:
        return None
    return signature.replace(parameters=parameters), converted


def _with_sdk_bodies(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    found = _body_parameters(endpoint)
    if found is None:
        return endpoint
    signature, converted = found

    def to_attrs(kwargs: dict[str, Any]) -> dict[str, Any]:
        for name, cls in converted.items():
            if isinstance(kwargs.get(name), pydantic.BaseModel):
                kwargs[name] = from_pydantic(cls, kwargs[name])
        return kwargs

    if inspect.iscoroutinefunction(endpoint):

        @functools.wraps(endpoint)
        async def call_async(**kwargs: Any) -> Any:
            return await endpoint(**to_attrs(kwargs))

        wrapper: Callable[..., Any] = call_async
    else:

        @functools.wraps(endpoint)
        def call_sync(**kwargs: Any) -> Any:
            return endpoint(**to_attrs(kwargs))

        wrapper = call_sync
    # FastAPI reads __signature__ (which stops inspect from following __wrapped__).
    wrapper.__signature__ = signature  # type: ignore[attr-defined]
    return wrapper


class SDKRoute(APIRoute):
    """An `APIRoute` whose endpoints may take and return SDK models (see the module doc)."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        response_model = kwargs.get("response_model")
        if response_model is None or type(response_model).__name__ == "DefaultPlaceholder":
            annotation = _resolved_hints(endpoint).get("return")
            if annotation is not None and _mentions_sdk(annotation):
                kwargs["response_model"] = response_model_for(annotation)
        elif _mentions_sdk(response_model):
            kwargs["response_model"] = response_model_for(response_model)
        if _mentions_sdk(kwargs.get("response_model")) or _is_twin(kwargs.get("response_model")):
            # A field the record never had is left out, not written as null.
            kwargs["response_model_exclude_unset"] = True
        super().__init__(path, _with_sdk_bodies(endpoint), **kwargs)
