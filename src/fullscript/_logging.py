"""The SDK's logging policy: what its own logs say, httpx2's request line, ``FULLSCRIPT_LOG``.

* The SDK logs to the ``fullscript`` logger: method, path, status, request id, retry decisions.
  Never query strings (search terms are personal data), bodies, headers or credentials.
* httpx2 logs ``HTTP Request: GET https://...?query=Maya%20Lindqvist "HTTP/1.1 200 OK"`` at
  INFO, query string included. `QueryStringFilter` drops the query from that line; creating a
  `Fullscript` client installs it on the ``httpx2`` logger once per process (see
  `install_httpx_query_filter`). To drop httpx2's line altogether:
  ``logging.getLogger("httpx2").setLevel(logging.WARNING)``.
* ``FULLSCRIPT_LOG=debug`` (or ``info``) in the environment sends the ``fullscript`` logger's
  records at that level to stderr, as ``OPENAI_LOG`` does for openai-python.
"""

from __future__ import annotations

import logging
import os
from typing import Any

import httpx2

__all__ = [
    "HTTPX_QUERY_FILTER",
    "QueryStringFilter",
    "configure_from_environment",
    "install_httpx_query_filter",
]

LOG_ENV_VARIABLE = "FULLSCRIPT_LOG"
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}


def _without_query(value: Any) -> Any:
    if isinstance(value, httpx2.URL):
        return value.copy_with(query=None, fragment=None) if value.query else value
    if isinstance(value, str) and "?" in value and "://" in value:
        return value.split("?", 1)[0]
    return value


class QueryStringFilter(logging.Filter):
    """Removes query strings from the URLs in a log record's arguments (httpx2's request line)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(_without_query(arg) for arg in record.args)
        return True


HTTPX_QUERY_FILTER = QueryStringFilter()
"""The filter `install_httpx_query_filter` puts on the ``httpx2`` logger (remove it to opt out)."""


def install_httpx_query_filter() -> None:
    """Put `HTTPX_QUERY_FILTER` on the ``httpx2`` logger (idempotent)."""
    httpx_logger = logging.getLogger("httpx2")
    if HTTPX_QUERY_FILTER not in httpx_logger.filters:
        httpx_logger.addFilter(HTTPX_QUERY_FILTER)


_configured_handler: logging.Handler | None = None


def configure_from_environment(environ: dict[str, str] | None = None) -> None:
    """Honour ``FULLSCRIPT_LOG=debug|info``: the SDK's records at that level go to stderr.

    Unset leaves logging alone (the application configures it). Another value is ignored with
    a warning naming the accepted ones.
    """
    global _configured_handler
    value = (environ if environ is not None else os.environ).get(LOG_ENV_VARIABLE, "")
    if not value:
        return
    sdk_logger = logging.getLogger("fullscript")
    level = _LEVELS.get(value.strip().lower())
    if level is None:
        sdk_logger.warning(
            "%s=%r is not a log level the SDK knows; use 'debug' or 'info'",
            LOG_ENV_VARIABLE,
            value,
        )
        return
    sdk_logger.setLevel(level)
    if _configured_handler is None:
        handler = logging.StreamHandler()
        handler.setFormatter(
            logging.Formatter("[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s")
        )
        sdk_logger.addHandler(handler)
        _configured_handler = handler
