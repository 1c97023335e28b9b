"""The credential values this process has handled, so that errors can redact them verbatim.

Pattern-based redaction (``Bearer ...``, ``client_secret=...``) misses a server that echoes a
credential in free text ("refresh token <value> was revoked"). Every `OAuthApp` secret and
`OAuthToken` pair is remembered here when it is created, and `redact_known_secrets` replaces
those exact values wherever they appear.

Kept: the most recent `MAX_REMEMBERED` values (tokens rotate; old ones need not pile up).
Values shorter than `MIN_SECRET_CHARS` are ignored: redacting them would mangle ordinary text,
and no real credential is that short.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

__all__ = ["MAX_REMEMBERED", "MIN_SECRET_CHARS", "redact_known_secrets", "remember_secret"]

MAX_REMEMBERED = 256
MIN_SECRET_CHARS = 8

_lock = threading.Lock()
_values: OrderedDict[str, None] = OrderedDict()
_pattern: re.Pattern[str] | None = None


def remember_secret(value: object) -> None:
    """Remember ``value`` as a credential to redact from now on (short or non-str: ignored)."""
    global _pattern
    if not isinstance(value, str) or len(value) < MIN_SECRET_CHARS:
        return
    with _lock:
        if value in _values:
            _values.move_to_end(value)
            return
        _values[value] = None
        while len(_values) > MAX_REMEMBERED:
            _values.popitem(last=False)
        _pattern = None  # rebuilt on next use


def _current_pattern() -> re.Pattern[str] | None:
    global _pattern
    with _lock:
        if _pattern is None and _values:
            # Longest first, so a value containing another is replaced whole.
            ordered = sorted(_values, key=len, reverse=True)
            _pattern = re.compile("|".join(re.escape(value) for value in ordered))
        return _pattern


def redact_known_secrets(text: str, replacement: str) -> str:
    """``text`` with every remembered credential value replaced by ``replacement``."""
    pattern = _current_pattern()
    if pattern is None:
        return text
    return pattern.sub(replacement, text)
