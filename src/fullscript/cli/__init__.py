"""The ``fullscript`` command (the ``[cli]`` extra): log in, call any operation, export, tail
events, forward webhooks, serve the sandbox.

One job per module:

* `vault`: secrets in the OS keyring (with a timeout), or a 0600 file with a warning;
* `profiles`: named profiles (region, environment, app, grant) without any secret;
* `session`: a `Fullscript` client for a profile, its token pair kept in the vault;
* `login`: ``login`` (loopback redirect or paste), ``logout``, ``status``;
* `operations`: one command per operation of the spec, derived from the generated table and
  the resource signatures (no code here names an operation);
* `output`: data on stdout as JSON, JSON Lines or a table; everything else on stderr;
* `export`: ``export`` with a progress bar and resume;
* `events`: ``events tail`` and ``webhooks forward``;
* `sandbox`: ``sandbox serve`` and ``sandbox trigger``;
* `exit_codes`: what scripts can rely on;
* `app`: the root command that puts them together.

``import fullscript`` never imports this package, nor Click, Rich or keyring.
"""

from __future__ import annotations

try:
    import click  # noqa: F401
    import keyring  # noqa: F401
    import rich  # noqa: F401
except ImportError as error:  # pragma: no cover - exercised by the clean-install probe
    raise ImportError(
        "the fullscript command needs Click, Rich and keyring, part of the [cli] extra: "
        "pip install 'fullscript[cli]'"
    ) from error

__all__: list[str] = []
