"""The ``fullscript`` root command: the hand-written commands, plus one group per spec tag.

Spec groups are listed from the generated operations table and built on first use, so
``fullscript login`` never loads the endpoint modules. The ``events`` and ``webhooks`` tags
get ``tail``, ``forward`` and ``set-secret`` next to their generated operations.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from fullscript import FullscriptError

from .events import forward, set_secret, tail
from .exit_codes import ExitCode, exit_code_for, message_for
from .export import export
from .login import login, logout, status
from .operations import OperationGroup, command_name, spec_groups
from .profiles import DEFAULT_PROFILE
from .sandbox import sandbox
from .session import CliContext

__all__ = ["cli", "main"]

PROG = "fullscript"
COMPLETE_VAR = "_FULLSCRIPT_COMPLETE"

# Hand-written commands that join a spec group.
_GROUP_EXTRAS: dict[str, tuple[click.Command, ...]] = {
    "events": (tail,),
    "webhooks": (forward, set_secret),
}


@click.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    """Print the shell completion script, e.g. `eval "$(fullscript completion bash)"`."""
    from click.shell_completion import get_completion_class

    completer = get_completion_class(shell)
    assert completer is not None
    root = click.get_current_context().find_root().command
    click.echo(completer(root, {}, PROG, COMPLETE_VAR).source())


_BUILTINS: dict[str, click.Command] = {
    "login": login,
    "logout": logout,
    "status": status,
    "export": export,
    "sandbox": sandbox,
    "completion": completion,
}


class FullscriptCLI(click.Group):
    """Built-in commands first, then the spec's groups (built when used)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*_BUILTINS, *sorted(command_name(group) for group in spec_groups())]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in _BUILTINS:
            return _BUILTINS[cmd_name]
        group = cmd_name.replace("-", "_")
        operations = spec_groups().get(group)
        if operations is None:
            return None
        built = OperationGroup(group, operations)
        for extra in _GROUP_EXTRAS.get(group, ()):
            built.add_command(extra)
        return built


def _warn(message: str) -> None:
    click.echo(message, err=True)


@click.group(cls=FullscriptCLI, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--profile",
    envvar="FULLSCRIPT_PROFILE",
    default=DEFAULT_PROFILE,
    show_default=True,
    help="Which login to use (FULLSCRIPT_PROFILE).",
)
@click.version_option(package_name="fullscript", prog_name=PROG)
@click.pass_context
def cli(ctx: click.Context, profile: str) -> None:
    """The Fullscript API from your terminal: log in, call any operation, export, tail events,
    forward webhooks to your receiver.

    Data goes to stdout (a table on a terminal, JSON when piped); progress, waits and warnings
    go to stderr. Exit codes: 0 ok, 1 API error, 2 usage, 3 authentication needed,
    4 rate limited.
    """
    ctx.obj = CliContext(profile_name=profile, warn=_warn)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit code (see `ExitCode`)."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None, prog_name=PROG, standalone_mode=False
        )
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.Abort:
        click.echo("Aborted.", err=True)
        return ExitCode.API_ERROR
    except FullscriptError as error:
        click.echo(message_for(error), err=True)
        return exit_code_for(error)
    except KeyboardInterrupt:
        return 130
    return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
