"""generate.py: warnings fail the run, failures never leave a half-written package, --check works."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from pipeline_support import OUR_SPEC, REPO_ROOT, minimal_spec, run_make, run_script
from specpipe.generation import GeneratorSettings, _generator_command, compare_trees
from specpipe.import_policy import imports_of_retired_packages

PACKAGE = "fullscript_api"


def ok_operation() -> dict[str, Any]:
    schema = {"type": "object", "properties": {"clinic": {"type": "object"}}}
    return {
        "operationId": "retrieve_clinic",
        "tags": ["Clinic"],
        "responses": {
            "200": {"description": "ok", "content": {"application/json": {"schema": schema}}}
        },
    }


def write_spec(tmp_path: Path, spec: dict[str, Any], name: str) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(spec))
    return path


@pytest.fixture(scope="module")
def spec_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("specs")


@pytest.fixture(scope="module")
def small_spec(spec_dir: Path) -> Path:
    return write_spec(spec_dir, minimal_spec({"/api/clinic": {"get": ok_operation()}}), "small")


@pytest.fixture(scope="module")
def warning_spec(spec_dir: Path) -> Path:
    """A response pointing at a schema that does not exist: the generator warns and drops it."""
    operation = ok_operation()
    operation["responses"]["200"]["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/Missing"
    }
    return write_spec(spec_dir, minimal_spec({"/api/clinic": {"get": operation}}), "warning")


@pytest.fixture(scope="module")
def small_package(small_spec: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Output directory of one successful run on the small spec (copy it before modifying)."""
    out = tmp_path_factory.mktemp("small") / "out"
    result = run_script("generate.py", "--spec", str(small_spec), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def copy_of(package_dir: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(package_dir, out)
    return out


def test_small_spec_generates_the_fixed_package_name(small_package: Path) -> None:
    assert (small_package / PACKAGE / "api" / "clinic" / "retrieve_clinic.py").is_file()
    assert (small_package / PACKAGE / "py.typed").is_file()
    assert sorted(p.name for p in small_package.iterdir()) == [PACKAGE]


def test_a_fresh_package_carries_the_hand_written_runtime_verbatim(small_package: Path) -> None:
    runtime = REPO_ROOT / "openapi" / "runtime"
    for name in ("types.py", "client.py", "errors.py", "pagination.py"):
        assert (small_package / PACKAGE / name).read_bytes() == (runtime / name).read_bytes()
    assert (
        not (small_package / PACKAGE / "__init__.py")
        .read_text()
        .startswith((runtime / "__init__.py").read_text())
    )


def test_a_fresh_package_has_an_operation_table_from_the_spec(small_package: Path) -> None:
    table = (small_package / PACKAGE / "operations.py").read_text()

    assert 'operation_id="retrieve_clinic"' in table
    assert 'path="/api/clinic"' in table
    assert 'group="clinic"' in table and 'method_name="retrieve"' in table


def test_generator_warning_fails_the_run_and_keeps_the_previous_package(
    small_package: Path, warning_spec: Path, tmp_path: Path
) -> None:
    out = copy_of(small_package, tmp_path)
    endpoint = out / PACKAGE / "api" / "clinic" / "retrieve_clinic.py"
    before = endpoint.read_bytes()

    failed = run_script("generate.py", "--spec", str(warning_spec), "--out", str(out))

    assert failed.returncode == 1
    assert "Could not find reference" in failed.stderr
    assert endpoint.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [PACKAGE]  # no staging leftovers


def test_check_lists_differing_files(small_package: Path, small_spec: Path, tmp_path: Path) -> None:
    out = copy_of(small_package, tmp_path)
    (out / PACKAGE / "client.py").write_text("# edited by hand\n")
    (out / PACKAGE / "stray.py").write_text("")
    (out / PACKAGE / "types.py").unlink()

    result = run_script("generate.py", "--spec", str(small_spec), "--out", str(out), "--check")

    assert result.returncode == 1
    assert "differs:                client.py" in result.stdout
    assert "removed by generation:  stray.py" in result.stdout
    assert "missing from committed: types.py" in result.stdout


def test_check_fails_on_a_content_only_difference(
    small_package: Path, small_spec: Path, tmp_path: Path
) -> None:
    out = copy_of(small_package, tmp_path)
    client = out / PACKAGE / "client.py"
    client.write_text(client.read_text() + "# generated at 08:47\n")

    result = run_script("generate.py", "--spec", str(small_spec), "--out", str(out), "--check")

    assert result.returncode == 1
    assert "differs:                client.py" in result.stdout
    assert "+# generated at 08:47" not in result.stdout  # committed side shows as removed
    assert "-# generated at 08:47" in result.stdout


def test_missing_spec_file_gives_clear_error(tmp_path: Path) -> None:
    result = run_script(
        "generate.py", "--spec", str(tmp_path / "nope.json"), "--out", str(tmp_path)
    )

    assert result.returncode == 2
    assert "cannot read spec file" in result.stderr


def test_custom_templates_are_passed_when_configured(tmp_path: Path) -> None:
    settings = GeneratorSettings(tmp_path / "config.yaml", tmp_path / "templates", tmp_path)

    command = _generator_command(tmp_path / "spec.json", tmp_path / "out", settings)

    assert command[command.index("--custom-template-path") + 1] == str(tmp_path / "templates")
    assert command[command.index("--meta") + 1] == "none"
    assert "--fail-on-warning" in command


def test_compare_trees_ignores_bytecode_caches(tmp_path: Path) -> None:
    left, right = tmp_path / "left", tmp_path / "right"
    for root in (left, right):
        root.mkdir()
        (root / "a.py").write_text("x = 1\n")
    (left / "__pycache__").mkdir()
    (left / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")

    assert compare_trees(left, right).identical


@pytest.mark.skipif(not OUR_SPEC.is_file(), reason="openapi/openapi.json not written yet")
def test_committed_generated_package_is_up_to_date() -> None:
    """The same check as `make check-generated`: a second, independent run matches generated/."""
    result = run_script("generate.py", "--check")

    assert result.returncode == 0, result.stdout + result.stderr
    assert (REPO_ROOT / "generated" / PACKAGE / "__init__.py").is_file()


def test_the_test_command_runs_check_generated_first() -> None:
    """`make test` (what .ci/run and the README run) includes `make check-generated`."""
    dry_run = run_make("test", "-n", "PY=python-under-test")

    assert dry_run.returncode == 0, dry_run.stderr
    commands = dry_run.stdout.splitlines()
    check = (
        "python-under-test scripts/generate.py --spec openapi/openapi.json --out generated --check"
    )
    assert commands[0] == check
    assert any(line.endswith("pytest") for line in commands[1:])
    assert (REPO_ROOT / ".ci" / "run").read_text().strip().endswith("make test")


def test_retired_http_imports_are_found_in_every_form(tmp_path: Path) -> None:
    (tmp_path / "api").mkdir()
    (tmp_path / "client.py").write_text("import httpx\nimport httpx2\nimport httpx2 as httpx\n")
    (tmp_path / "api" / "op.py").write_text(
        "from httpx import Response\nimport httpcore._async\nfrom . import httpx\n"
    )

    assert imports_of_retired_packages(tmp_path) == [
        "api/op.py:1: httpx",
        "api/op.py:2: httpcore",
        "client.py:1: httpx",
    ]


def test_check_fails_when_the_templates_generate_an_httpx_import(
    small_spec: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Committed and generated trees agree, but both import the old package: --check fails."""
    import generate

    templates = tmp_path / "templates"
    shutil.copytree(generate.TEMPLATE_DIR, templates)
    endpoint_template = templates / "endpoint_module.py.jinja"
    original = endpoint_template.read_text()
    assert "import httpx2\n" in original
    endpoint_template.write_text(original.replace("import httpx2\n", "import httpx as httpx2\n"))
    monkeypatch.setattr(generate, "TEMPLATE_DIR", templates)
    out = tmp_path / "out"
    assert generate.main(["--spec", str(small_spec), "--out", str(out)]) == 0
    capsys.readouterr()

    status = generate.main(["--spec", str(small_spec), "--out", str(out), "--check"])

    printed = capsys.readouterr().out
    assert status == 1
    assert "api/" in printed and ": httpx" in printed
    assert "differs" not in printed
