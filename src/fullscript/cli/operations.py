"""One command per operation of the spec, with no code that names an operation.

The groups are the spec's tags (``fullscript_api.operations.OPERATIONS``, read without loading
any endpoint); a group's commands are built when it is used, from each resource method's
signature and docstring: a path parameter becomes an argument, a query parameter an option
(an enum a choice, a list a repeatable option), a request body ``--data`` (JSON, ``@file`` or
``@-`` for stdin) plus one option per body field, and a list operation gets ``--all`` and
``--slurp``. Help text is the spec's summary and description. A new operation in the spec is a
new command the next time the package is generated.

Body fields holding a credential (named ``*secret`` or ``*token``) get no option: a value on
the command line would be visible in the process list. Pass them in ``--data @file``.
"""

from __future__ import annotations

import asyncio
import enum
import functools
import inspect
import json
import re
import sys
import types
import typing
from collections.abc import Callable, Sequence
from typing import Any, cast

import attrs
import click
from fullscript_api.api import ApiResources, Operation, OperationInvoker
from fullscript_api.operation_facts import OperationFacts
from fullscript_api.operations import OPERATIONS

from .output import format_option, resolve_format, write_records, write_value
from .session import CliContext, client_for

__all__ = ["OperationGroup", "build_command", "command_name", "resource_operation", "spec_groups"]

_BODY_PREFIX = "body__"
_PAGING = {"page_size", "limit", "prefetch"}
_CREDENTIAL_FIELD = re.compile(r"(secret|token)$")


def command_name(python_name: str) -> str:
    return python_name.replace("_", "-")


def spec_groups() -> dict[str, list[OperationFacts]]:
    """The spec's groups and their operations, in the spec's order."""
    groups: dict[str, list[OperationFacts]] = {}
    for facts in OPERATIONS:
        groups.setdefault(facts.group, []).append(facts)
    return groups


@functools.cache
def _resources() -> ApiResources:
    # Building a command only reads signatures: the invoker is never called.
    return ApiResources(cast(OperationInvoker, None))


def resource_operation(group: str, method_name: str) -> Operation:
    """The generated `Operation` behind ``fs.<group>.<method_name>``."""
    resource = getattr(_resources(), group)
    operation: Operation = type(resource).OPERATIONS[method_name]
    return operation


def _group_help(group: str) -> str:
    attribute = getattr(ApiResources, group, None)
    return (getattr(attribute, "__doc__", None) or f"Operations of {group}.").strip()


def _resolve(annotation: Any, namespace: dict[str, Any]) -> Any:
    if not isinstance(annotation, str):
        return annotation
    try:
        return eval(annotation, namespace)  # the generated module's own names
    except Exception:
        return str


def _members(hint: Any) -> tuple[Any, ...]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return tuple(m for m in typing.get_args(hint) if getattr(m, "__name__", "") != "Unset")
    return (hint,)


def _click_type(hint: Any) -> tuple[Any, bool]:
    """The Click type of a parameter, and whether it repeats (a list)."""
    for member in _members(hint):
        if isinstance(member, type) and issubclass(member, enum.Enum):
            return click.Choice([str(item.value) for item in member]), False
        if typing.get_origin(member) is list:
            return click.STRING, True
        if member is int:
            return click.INT, False
        if member is float:
            return click.FLOAT, False
        if member is bool:
            return click.BOOL, False
    return click.STRING, False


def _docstring_sections(method: Callable[..., Any]) -> tuple[str, str]:
    """(first line, help text) of a generated method: the spec's summary and description."""
    text = inspect.getdoc(method) or ""
    text = text.split("\nReturns:", 1)[0].strip()
    summary = text.splitlines()[0] if text else ""
    return summary, text


def _field_descriptions(model: type[Any]) -> dict[str, str]:
    """``name (type): description`` lines of a generated model's docstring."""
    found: dict[str, str] = {}
    for line in (inspect.getdoc(model) or "").splitlines():
        match = re.match(r"\s*(\w+) \(.*?\): (.*)", line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def _field_is_text(field: attrs.Attribute[Any]) -> bool:
    kinds = {part.strip() for part in str(field.type).split("|")} - {"Unset", "None"}
    return kinds == {"str"}


def _field_value(field: attrs.Attribute[Any], raw: str) -> Any:
    """A body field's value: text as given; numbers, booleans and objects read as JSON."""
    if _field_is_text(field):
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _read_data(raw: str) -> dict[str, Any]:
    """``--data``: a JSON object, ``@path`` to read one from a file, ``@-`` from stdin."""
    if raw.startswith("@"):
        source = raw[1:]
        text = sys.stdin.read() if source == "-" else click.open_file(source).read()
    else:
        text = raw
    try:
        data = json.loads(text)
    except ValueError as error:
        raise click.BadParameter(f"not valid JSON ({error})", param_hint="--data") from None
    if not isinstance(data, dict):
        raise click.BadParameter("must be a JSON object", param_hint="--data")
    return data


@attrs.frozen
class _Shape:
    """How one operation's command maps to its method call."""

    facts: OperationFacts
    operation: Operation
    positional: tuple[str, ...]
    body_fields: dict[str, attrs.Attribute[Any]]
    has_body: bool
    body_required: bool


def build_command(facts: OperationFacts) -> click.Command:
    """The command for one operation, from its resource method's signature and docstring."""
    resource = getattr(_resources(), facts.group)
    method = getattr(resource, facts.method_name)
    operation: Operation = type(resource).OPERATIONS[facts.method_name]
    # The group module names its models for type checkers only (they load on first use);
    # the operation's endpoint module imports the ones its annotations need.
    namespace = {**vars(sys.modules[type(resource).__module__]), **vars(operation.module)}
    params: list[click.Parameter] = []
    positional: list[str] = []
    body_fields: dict[str, attrs.Attribute[Any]] = {}
    has_body = body_required = False
    taken: set[str] = {"--format", "--all", "--slurp", "--data", "--help"}
    for parameter in inspect.signature(method).parameters.values():
        hint = _resolve(parameter.annotation, namespace)
        flag = f"--{command_name(parameter.name)}"
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            positional.append(parameter.name)
            params.append(click.Argument([parameter.name]))
        elif parameter.name == "body":
            has_body = True
            body_required = parameter.default is inspect.Parameter.empty
            params.append(
                click.Option(
                    ["--data", "data"],
                    help="Request body: JSON, @file, or @- for stdin; field options override it.",
                )
            )
            model = next((m for m in _members(hint) if attrs.has(m)), None)
            if model is not None:
                descriptions = _field_descriptions(model)
                for field in attrs.fields(model):
                    field_flag = f"--{command_name(field.name)}"
                    if (
                        not field.init
                        or _CREDENTIAL_FIELD.search(field.name)
                        or field_flag in taken
                    ):
                        continue
                    taken.add(field_flag)
                    body_fields[field.name] = field
                    params.append(
                        click.Option(
                            [field_flag, _BODY_PREFIX + field.name],
                            help=f"Body field: {descriptions.get(field.name, field.name)}",
                        )
                    )
        elif parameter.name in _PAGING:
            taken.add(flag)
            params.append(
                click.Option(
                    [flag, parameter.name],
                    type=click.INT,
                    default=None,
                    help={
                        "page_size": "Records per request (1 to 100).",
                        "limit": "Stop after this many records (implies --all).",
                        "prefetch": "Pages fetched ahead while one is written.",
                    }[parameter.name],
                )
            )
        else:
            taken.add(flag)
            click_type, repeats = _click_type(hint)
            params.append(
                click.Option(
                    [flag, parameter.name], type=click_type, multiple=repeats, default=None
                )
            )
    if operation.paginated:
        params.append(click.Option(["--all", "all_pages"], is_flag=True, help="Every page."))
        params.append(click.Option(["--slurp"], is_flag=True, help="With --all: one JSON array."))
    shape = _Shape(
        facts=facts,
        operation=operation,
        positional=tuple(positional),
        body_fields=body_fields,
        has_body=has_body,
        body_required=body_required,
    )
    summary, help_text = _docstring_sections(method)
    endpoint = f"{facts.http_method} {facts.path}"
    command = click.Command(
        command_name(facts.method_name),
        params=params,
        callback=functools.partial(_run, shape),
        help=help_text or endpoint,
        short_help=summary or endpoint,
    )
    return format_option(command)  # type: ignore[no-any-return]


def _run(shape: _Shape, **values: Any) -> None:
    context = click.get_current_context().find_object(CliContext)
    assert context is not None
    output_format = resolve_format(values.pop("output_format", None))
    all_pages = bool(values.pop("all_pages", False)) or values.get("limit") is not None
    slurp = bool(values.pop("slurp", False))
    data = values.pop("data", None)
    body: dict[str, Any] = _read_data(data) if data is not None else {}
    for name, field in shape.body_fields.items():
        raw = values.pop(_BODY_PREFIX + name, None)
        if raw is not None:
            body[name] = _field_value(field, raw)
    arguments = [values.pop(name) for name in shape.positional]
    keywords = {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in values.items()
        if value is not None and value != ()
    }
    if shape.has_body and (body or shape.body_required):
        keywords["body"] = body
    asyncio.run(_call(context, shape, arguments, keywords, output_format, all_pages, slurp))


async def _call(
    context: CliContext,
    shape: _Shape,
    arguments: Sequence[Any],
    keywords: dict[str, Any],
    output_format: str,
    all_pages: bool,
    slurp: bool,
) -> None:
    async with client_for(context) as fs:
        method = getattr(getattr(fs, shape.facts.group), shape.facts.method_name)
        if not shape.operation.paginated:
            write_value(await method(*arguments, **keywords), output_format)
            return
        paginator = method(*arguments, **keywords)
        if all_pages:
            await write_records(paginator, output_format, slurp=slurp)
        else:
            page = await paginator.first_page()
            write_value(list(page.items), output_format)


class OperationGroup(click.Group):
    """One tag of the spec; its commands are built on first use."""

    def __init__(self, group: str, operations: Sequence[OperationFacts]) -> None:
        super().__init__(command_name(group), help=_group_help(group))
        self._operations = {command_name(facts.method_name): facts for facts in operations}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*self._operations, *sorted(self.commands)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        facts = self._operations.get(cmd_name)
        return None if facts is None else build_command(facts)
