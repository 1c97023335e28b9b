"""``fullscript export <resource> -o file.jsonl``: every record, with progress, resumable.

After each page is written and flushed to disk, a checkpoint (``<file>.resume.json``) records
the next page and the file's size. A killed export run again with the same arguments cuts the
file back to that size (dropping a half-written page) and continues from that page; a finished
export removes the checkpoint. Progress (records, pages, rate, time left, and "waiting for
quota until ..." when the rate limit window is full) is drawn on stderr, never on the data.

The export is background work for the rate limiter (as every stream is): it waits out a full
window instead of failing, and interactive calls of the same quota go first, from their reserve.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any, BinaryIO

import attrs
import click

from .operations import command_name, resource_operation, spec_groups
from .output import jsonable
from .quota_watch import QuotaWatch
from .session import CliContext, client_for

__all__ = ["ExportCheckpoint", "export", "exportable_groups"]

CHECKPOINT_SUFFIX = ".resume.json"


def exportable_groups() -> list[str]:
    """Groups whose ``list`` operation pages through the whole collection (no path argument)."""
    names = []
    for group, operations in spec_groups().items():
        if not any(facts.method_name == "list" for facts in operations):
            continue
        operation = resource_operation(group, "list")
        if operation.paginated and "{" not in operation.path:
            names.append(command_name(group))
    return names


@attrs.frozen(kw_only=True)
class ExportCheckpoint:
    """Where an interrupted export resumes."""

    resource: str
    page_size: int
    next_page: int = 1
    records: int = 0
    pages: int = 0
    size: int = 0

    @classmethod
    def load(cls, path: Path) -> ExportCheckpoint | None:
        try:
            return cls(**json.loads(path.read_text(encoding="utf-8")))
        except (FileNotFoundError, ValueError, TypeError):
            return None

    def save(self, path: Path) -> None:
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(attrs.asdict(self)), encoding="utf-8")
        os.replace(temporary, path)


def _complete_resource(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    return [name for name in exportable_groups() if name.startswith(incomplete)]


@click.command()
@click.argument("resource", shell_complete=_complete_resource)
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="File, or - for stdout."
)
@click.option("--page-size", type=click.IntRange(1, 100), default=100, show_default=True)
@click.option("--restart", is_flag=True, help="Ignore a checkpoint and start from the first page.")
@click.option("--progress/--no-progress", default=True, help="Draw the progress bar on stderr.")
def export(resource: str, output: str, page_size: int, restart: bool, progress: bool) -> None:
    """Stream every record of RESOURCE (patients, orders, ...) to a JSON Lines file.

    Run it again after an interruption to resume where it stopped.
    """
    context = click.get_current_context().find_object(CliContext)
    assert context is not None
    groups = exportable_groups()
    if resource not in groups:
        raise click.BadParameter(f"use one of {', '.join(groups)}", param_hint="RESOURCE")
    if output == "-":  # stdout: streamed, nothing to resume from
        fresh = ExportCheckpoint(resource=resource, page_size=page_size)
        asyncio.run(_export(context, fresh, None, show_progress=progress))
        return
    path = Path(output)
    checkpoint_path = path.with_name(path.name + CHECKPOINT_SUFFIX)
    checkpoint = None if restart else ExportCheckpoint.load(checkpoint_path)
    if checkpoint is None or (checkpoint.resource, checkpoint.page_size) != (resource, page_size):
        checkpoint = ExportCheckpoint(resource=resource, page_size=page_size)
    elif checkpoint.pages:
        click.echo(
            f"resuming at page {checkpoint.next_page} ({checkpoint.records} records written)",
            err=True,
        )
    path.touch(exist_ok=True)
    with path.open("r+b") as out:
        out.truncate(checkpoint.size)  # a page half-written when it was killed goes
        out.seek(checkpoint.size)
        asyncio.run(_export(context, checkpoint, (out, checkpoint_path), show_progress=progress))
    checkpoint_path.unlink(missing_ok=True)
    click.echo(f"exported to {path}", err=True)


async def _export(
    context: CliContext,
    checkpoint: ExportCheckpoint,
    resumable: tuple[BinaryIO, Path] | None,
    *,
    show_progress: bool,
) -> None:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    watch = QuotaWatch()

    class QuotaColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(watch.describe(), style="yellow")

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.speed
            return Text(f"{speed:.0f} records/s" if speed else "")

    console = Console(stderr=True)
    columns: list[ProgressColumn | str] = [
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} records"),
        TextColumn("{task.fields[pages]} pages"),
        RateColumn(),
        TimeRemainingColumn(),
        QuotaColumn(),
    ]
    group = checkpoint.resource.replace("-", "_")
    out = resumable[0] if resumable is not None else sys.stdout.buffer
    with Progress(*columns, console=console, disable=not show_progress) as bar:
        task = bar.add_task(
            f"export {checkpoint.resource}",
            total=None,
            completed=checkpoint.records,
            pages=checkpoint.pages,
        )
        async with client_for(context, limiter=watch) as fs:
            paginator: Any = (
                getattr(fs, group)
                .list(page_size=checkpoint.page_size)
                .with_work_class("background")
            )
            async for page in paginator.starting_at(checkpoint.next_page).pages():
                for record in page.items:
                    out.write(json.dumps(jsonable(record), ensure_ascii=False).encode() + b"\n")
                out.flush()
                checkpoint = attrs.evolve(
                    checkpoint,
                    next_page=page.current_page + 1,
                    records=checkpoint.records + len(page.items),
                    pages=checkpoint.pages + 1,
                )
                if resumable is not None:
                    os.fsync(out.fileno())
                    checkpoint = attrs.evolve(checkpoint, size=out.tell())
                    checkpoint.save(resumable[1])
                bar.update(
                    task,
                    completed=checkpoint.records,
                    total=page.total_count,
                    pages=checkpoint.pages,
                )
    click.echo(f"{checkpoint.records} records exported", err=True)
