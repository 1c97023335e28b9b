"""Every operation of the spec is a command; calls, pagination, output formats, exit codes."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import click
from cli_support import CliRunner
from conftest import PATIENTS
from fullscript_api.api import ApiResources
from fullscript_api.operations import OPERATIONS

from fullscript.cli.app import cli as root
from fullscript.cli.operations import command_name
from fullscript.sandbox import ServedSandbox


def test_every_operation_of_the_spec_is_a_command_with_the_specs_help() -> None:
    context = click.Context(root)
    for facts in OPERATIONS:
        group = root.get_command(context, command_name(facts.group))
        assert isinstance(group, click.Group), facts.group
        command = group.get_command(context, command_name(facts.method_name))
        assert command is not None, facts.operation_id
        method = getattr(getattr(ApiResources(None), facts.group), facts.method_name)  # type: ignore[arg-type]
        summary = (inspect.getdoc(method) or "").splitlines()[0]
        assert command.get_short_help_str(limit=200) == summary
        assert facts.path in (command.help or "")


def test_a_list_answers_its_first_page_as_json_when_piped(cli: CliRunner) -> None:
    ran = cli.run("patients", "list", "--page-size", "7")
    assert ran.code == 0, ran.stderr
    assert len(json.loads(ran.stdout)) == 7


def test_all_streams_every_page_as_json_lines(cli: CliRunner) -> None:
    ran = cli.run("patients", "list", "--page-size", "50", "--all")
    assert ran.code == 0, ran.stderr
    records = [json.loads(line) for line in ran.stdout.splitlines()]
    assert len({record["id"] for record in records}) == len(records) >= PATIENTS


def test_slurp_makes_one_json_document_of_every_page(cli: CliRunner) -> None:
    ran = cli.run("patients", "list", "--page-size", "50", "--all", "--slurp")
    assert ran.code == 0, ran.stderr
    assert len(json.loads(ran.stdout)) >= PATIENTS


def test_table_format_prints_the_records_columns(cli: CliRunner) -> None:
    ran = cli.run("patients", "list", "--page-size", "3", "--format", "table")
    assert ran.code == 0, ran.stderr
    first = json.loads(cli.run("patients", "list", "--page-size", "1").stdout)[0]
    assert "email" in ran.stdout.splitlines()[0]
    assert first["email"] in ran.stdout


def test_create_takes_body_fields_as_options(cli: CliRunner) -> None:
    ran = cli.run(
        "patients", "create", "--email", "ada.cli@example.org", "--first-name", "Ada",
        "--last-name", "Lovelace", "--send-welcome-email", "false",
    )  # fmt: skip
    assert ran.code == 0, ran.stderr
    created = json.loads(ran.stdout)
    fetched = json.loads(cli.run("patients", "retrieve", created["id"]).stdout)
    assert (fetched["email"], fetched["first_name"]) == ("ada.cli@example.org", "Ada")


def test_data_file_gives_the_body_and_options_override_it(cli: CliRunner, tmp_path: Path) -> None:
    body = tmp_path / "body.json"
    body.write_text(json.dumps({"email": "grace@example.org", "first_name": "G", "last_name": "H"}))
    ran = cli.run("patients", "create", "--data", f"@{body}", "--first-name", "Grace")
    assert ran.code == 0, ran.stderr
    assert json.loads(ran.stdout)["first_name"] == "Grace"


def test_an_api_error_exits_1_naming_the_request_id(cli: CliRunner) -> None:
    ran = cli.run("patients", "retrieve", "no-such-patient")
    assert ran.code == 1
    assert "request id " in ran.stderr and ran.stdout == ""


def test_bad_input_exits_2_naming_the_problem(cli: CliRunner) -> None:
    missing_field = cli.run("patients", "create", "--first-name", "X")
    assert missing_field.code == 2 and "email" in missing_field.stderr
    wrong_choice = cli.run("patients", "list", "--patient-type", "bogus")
    assert wrong_choice.code == 2 and "bogus" in wrong_choice.stderr


def test_without_a_login_a_call_exits_3(cli: CliRunner, tmp_path: Path) -> None:
    ran = cli.run("clinic", "retrieve", extra_env={"FULLSCRIPT_CONFIG_DIR": str(tmp_path)})
    assert ran.code == 3
    assert "fullscript login" in ran.stderr


def test_rate_limited_exits_4(cli: CliRunner, served: ServedSandbox) -> None:
    served.sandbox.faults.add("rate_limit", operation_id="retrieve_clinic", retry_after=0)
    ran = cli.run("clinic", "retrieve")
    assert ran.code == 4, ran.stderr


def test_completion_scripts_for_bash_zsh_and_fish(cli: CliRunner) -> None:
    for shell in ("bash", "zsh", "fish"):
        ran = cli.run("completion", shell)
        assert ran.code == 0 and "_FULLSCRIPT_COMPLETE" in ran.stdout, shell


def test_completion_offers_spec_groups_and_their_operations(cli: CliRunner) -> None:
    def complete(words: str, index: int) -> list[str]:
        ran = cli.run(
            extra_env={
                "_FULLSCRIPT_COMPLETE": "bash_complete",
                "COMP_WORDS": words,
                "COMP_CWORD": str(index),
            }
        )
        return [line.split(",", 1)[1] for line in ran.stdout.splitlines()]

    assert "patients" in complete("fullscript pat", 1)
    assert "list-orders" in complete("fullscript patients list-", 2)


def test_an_expired_pair_is_refreshed_and_the_rotated_pair_saved_for_the_next_command(
    cli: CliRunner, served: ServedSandbox
) -> None:
    credentials = cli.config_dir / "credentials.json"

    def stored_refresh_token() -> str:
        token = json.loads(json.loads(credentials.read_text())["default/token/us/default"])
        return str(token["refresh_token"])

    before = stored_refresh_token()
    served.sandbox.advance_time(served.sandbox.settings.token_ttl + 60)
    try:
        first = cli.run("clinic", "retrieve")
        assert first.code == 0, first.stderr
        rotated = stored_refresh_token()
        assert rotated != before
        second = cli.run("clinic", "retrieve")  # the old pair is dead: this uses the new one
        assert second.code == 0, second.stderr
    finally:
        served.sandbox.reset_time()
