"""The ``[otel]`` extra is optional: ``import fullscript`` never imports OpenTelemetry, and
switching telemetry on without it says which extra to install."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60
    )


def test_import_fullscript_and_a_client_without_telemetry_never_import_opentelemetry() -> None:
    result = run(
        """
        import sys
        import fullscript
        from fullscript import Fullscript, Hooks
        fs = Fullscript(client_id="id", client_secret="s", redirect_uri="https://a.example/cb",
                        hooks=Hooks())
        print(sorted(name for name in sys.modules if name.startswith("opentelemetry")))
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_telemetry_on_without_the_extra_names_the_pip_install() -> None:
    result = run(
        """
        import sys
        sys.modules["opentelemetry"] = None  # as if opentelemetry-api were not installed
        from fullscript import Fullscript
        try:
            Fullscript(client_id="id", client_secret="s", redirect_uri="https://a.example/cb",
                       telemetry=True)
        except ImportError as error:
            print(error)
        """
    )
    assert result.returncode == 0, result.stderr
    assert "pip install 'fullscript[otel]'" in result.stdout
