"""The credential values this process has handled, so that errors can redact them verbatim.

Pattern-based redaction (``Bearer ...``, ``client_secret=...``) misses a server that echoes a
credential in free text ("refresh token <value> was revoked"). Every credential is remembered
here when it is created, and `redact_known_secrets` replaces those exact values wherever they
appear.

How long a value is remembered depends on what it is, never on how many there are:

- an app's client secret, a webhook secret, an OAuth state secret (`remember_secret`): for the
  life of the process. There are a handful and they must never leak.
- a token (`remember_secret_while`): for as long as an object that carries it is alive. At a
  thousand clinics there are thousands of live pairs; a fixed-size memory would forget the
  oldest ones while they are still in use. Once every carrier is gone, the value is forgotten,
  so rotated tokens do not pile up.

Values shorter than `MIN_SECRET_CHARS` are ignored: redacting them would mangle ordinary text,
and no real credential is that short. Matching is indexed by each value's first
`MIN_SECRET_CHARS` characters, so its cost grows with the text, not with the number of values.
"""

from __future__ import annotations

import threading
import weakref
from collections import deque

__all__ = [
    "MIN_SECRET_CHARS",
    "redact_known_secrets",
    "remember_secret",
    "remember_secret_while",
    "remembered_count",
]

MIN_SECRET_CHARS = 8

_lock = threading.Lock()
_permanent: set[str] = set()
_carriers: dict[str, int] = {}  # token value -> live objects carrying it
_by_prefix: dict[str, list[str]] = {}  # value[:MIN_SECRET_CHARS] -> values, longest first
# Finalizers run whenever the garbage collector does, possibly while this thread holds
# `_lock`; they only queue the value here and the next call under the lock applies it.
_released: deque[str] = deque()


def _index(value: str) -> None:
    values = _by_prefix.setdefault(value[:MIN_SECRET_CHARS], [])
    if value not in values:
        values.append(value)
        values.sort(key=len, reverse=True)  # a value containing another is replaced whole


def _unindex(value: str) -> None:
    prefix = value[:MIN_SECRET_CHARS]
    values = _by_prefix.get(prefix, [])
    if value in values:
        values.remove(value)
    if not values:
        _by_prefix.pop(prefix, None)


def _apply_releases() -> None:
    while _released:
        value = _released.popleft()
        count = _carriers.get(value, 0) - 1
        if count > 0:
            _carriers[value] = count
            continue
        _carriers.pop(value, None)
        if value not in _permanent:
            _unindex(value)


def remember_secret(value: object) -> None:
    """Redact ``value`` for the life of the process (short or non-str: ignored)."""
    if not isinstance(value, str) or len(value) < MIN_SECRET_CHARS:
        return
    with _lock:
        _apply_releases()
        _permanent.add(value)
        _index(value)


def remember_secret_while(carrier: object, value: object) -> None:
    """Redact ``value`` for as long as ``carrier`` (or another carrier of it) is alive."""
    if not isinstance(value, str) or len(value) < MIN_SECRET_CHARS:
        return
    weakref.finalize(carrier, _released.append, value)
    with _lock:
        _apply_releases()
        _carriers[value] = _carriers.get(value, 0) + 1
        _index(value)


def remembered_count() -> int:
    """How many distinct values are redacted now (for tests and diagnostics)."""
    with _lock:
        _apply_releases()
        return sum(len(values) for values in _by_prefix.values())


def redact_known_secrets(text: str, replacement: str) -> str:
    """``text`` with every remembered credential value replaced by ``replacement``."""
    with _lock:
        _apply_releases()
        if not _by_prefix or len(text) < MIN_SECRET_CHARS:
            return text
        pieces: list[str] = []
        start = position = 0
        last = len(text) - MIN_SECRET_CHARS
        while position <= last:
            candidates = _by_prefix.get(text[position : position + MIN_SECRET_CHARS])
            match = next((v for v in candidates or () if text.startswith(v, position)), None)
            if match is None:
                position += 1
                continue
            pieces.append(text[start:position])
            pieces.append(replacement)
            position += len(match)
            start = position
    if not pieces:
        return text
    pieces.append(text[start:])
    return "".join(pieces)
