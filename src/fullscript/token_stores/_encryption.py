"""Encryption at rest for every token store: one codec the stores apply on save and load.

    from fullscript import FileTokenStore, TokenEncryption

    store = FileTokenStore("tokens.db", encryption=TokenEncryption([new_key, old_key]))

`TokenEncryption` (extra ``fullscript[crypto]``: ``cryptography``'s Fernet, MultiFernet for
rotation) *seals* a pair before a store keeps it: the access and refresh tokens become Fernet
ciphertexts (AES-128-CBC and HMAC-SHA256, with a timestamp), every other field stays readable
(region, expiry, scope: nothing secret, and what an operator needs). Loading *opens* it again.
The first key encrypts; every key decrypts, so a key is rotated by putting a new one first and
dropping the old one once every pair has been saved again (each refresh saves its pair).

The stores compare pairs by refresh token (compare-and-set, see `TokenStore`), and a Fernet
ciphertext differs on every encryption. So the codec remembers, for each plain pair it has
opened or sealed while that pair is alive, the exact sealed pair, and seals it to the same
value again: ``save(new, replaces=old)`` then compares like with like in every store, the
Lua script of the Redis store included, with no change to how the stores compare. A pair
stored before encryption was turned on is read as it is and sealed on its next save.

`NO_ENCRYPTION`, the stores' default, leaves pairs as they are and refuses a sealed pair
(it would otherwise be sent as a bearer token) with a message saying what to pass.
"""

from __future__ import annotations

import threading
import weakref
from collections import deque
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

import attrs

from .._errors import FullscriptError
from .._tokens import OAuthToken

if TYPE_CHECKING:  # pragma: no cover - the extra is imported when a TokenEncryption is made
    from cryptography.fernet import MultiFernet

__all__ = ["NO_ENCRYPTION", "TokenCodec", "TokenEncryption", "TokenEncryptionError"]

#: Marks a sealed token field; the Fernet token (urlsafe base64) follows.
SEALED_PREFIX = "fullscript-fernet:"


class TokenEncryptionError(FullscriptError, ValueError):
    """A key is not usable, or a stored pair cannot be opened (never says which value)."""


class TokenCodec(Protocol):
    """What a token store applies to a pair on its way in (``seal``) and out (``open``)."""

    def seal(self, token: OAuthToken) -> OAuthToken: ...

    def open(self, token: OAuthToken) -> OAuthToken: ...


def _is_sealed(token: OAuthToken) -> bool:
    return token.refresh_token.startswith(SEALED_PREFIX) or token.access_token.startswith(
        SEALED_PREFIX
    )


class _NoEncryption:
    """Pairs are stored as they are (protect the store like a database of credentials)."""

    def seal(self, token: OAuthToken) -> OAuthToken:
        return token

    def open(self, token: OAuthToken) -> OAuthToken:
        if _is_sealed(token):
            raise TokenEncryptionError(
                "the stored token pair is encrypted: give the store "
                "encryption=TokenEncryption(keys) with the key it was encrypted with"
            )
        return token

    def __repr__(self) -> str:
        return "NO_ENCRYPTION"


NO_ENCRYPTION: TokenCodec = _NoEncryption()


def _fernet_keys(keys: object) -> list[bytes]:
    if isinstance(keys, str | bytes):
        keys = [keys]
    if not isinstance(keys, Sequence) or not keys:
        raise TokenEncryptionError("TokenEncryption needs at least one key")
    found = []
    for position, key in enumerate(keys):
        if isinstance(key, str):
            key = key.encode("ascii", "replace")
        if not isinstance(key, bytes):
            raise TokenEncryptionError(
                f"key #{position + 1} must be str or bytes, got {type(key).__name__}"
            )
        found.append(key)
    return found


class TokenEncryption:
    """Encrypts the tokens of every pair a store keeps (Fernet; MultiFernet for rotation).

    Args:
        keys: one Fernet key or several, newest first (``TokenEncryption.generate_key()``,
            32 url-safe base64-encoded bytes). The first encrypts, all decrypt.

    Raises ``ImportError`` naming ``pip install 'fullscript[crypto]'`` when ``cryptography``
    is missing, and `TokenEncryptionError` for a key that is not a Fernet key (without
    echoing it). ``repr()`` shows how many keys, never a key.
    """

    def __init__(self, keys: str | bytes | Sequence[str | bytes]) -> None:
        fernet = _import_fernet()
        found = _fernet_keys(keys)
        try:
            ciphers = [fernet.Fernet(key) for key in found]
        except (ValueError, TypeError):
            raise TokenEncryptionError(
                "a key is not a Fernet key (32 url-safe base64-encoded bytes): make one with "
                "TokenEncryption.generate_key()"
            ) from None
        self._invalid_token: type[Exception] = fernet.InvalidToken
        self._cipher: MultiFernet = fernet.MultiFernet(ciphers)
        self._key_count = len(ciphers)
        self._sealed = _SealedPairs()

    @staticmethod
    def generate_key() -> str:
        """A new random Fernet key (keep it in your secret manager, not in code)."""
        key: bytes = _import_fernet().Fernet.generate_key()
        return key.decode("ascii")

    def __repr__(self) -> str:
        return f"TokenEncryption(keys={self._key_count})"

    def seal(self, token: OAuthToken) -> OAuthToken:
        """``token`` with its access and refresh tokens encrypted (the same value each time)."""
        if _is_sealed(token):
            return token
        known = self._sealed.get(token)
        if known is not None:
            return known
        sealed = attrs.evolve(
            token,
            access_token=self._encrypt(token.access_token),
            refresh_token=self._encrypt(token.refresh_token),
        )
        return self._sealed.remember(token, sealed, stored=False)

    def open(self, token: OAuthToken) -> OAuthToken:
        """The plain pair of a sealed ``token`` (a pair stored unencrypted is returned as is)."""
        if not _is_sealed(token):
            plain = token
        else:
            plain = attrs.evolve(
                token,
                access_token=self._decrypt(token.access_token),
                refresh_token=self._decrypt(token.refresh_token),
            )
        self._sealed.remember(plain, token, stored=True)  # sealing it gives what is stored
        return plain

    def _encrypt(self, value: str) -> str:
        return SEALED_PREFIX + self._cipher.encrypt(value.encode("utf-8")).decode("ascii")

    def _decrypt(self, value: str) -> str:
        if not value.startswith(SEALED_PREFIX):
            raise TokenEncryptionError("a stored token pair is only partly encrypted")
        try:
            plain: bytes = self._cipher.decrypt(value[len(SEALED_PREFIX) :].encode("ascii"))
            return plain.decode("utf-8")
        except (self._invalid_token, UnicodeError):
            raise TokenEncryptionError(
                "a stored token pair cannot be decrypted with any of the keys given (was its "
                "key removed before the pair was saved again with a newer one?)"
            ) from None


class _SealedPairs:
    """Plain refresh token -> the sealed pair stored for it, while any copy of the plain pair
    is alive (weakly tracked: rotated pairs do not pile up)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sealed: dict[str, OAuthToken] = {}
        self._copies: dict[str, int] = {}  # refresh token -> live plain copies tracked
        self._tracked: set[int] = set()  # ids of the live plain copies tracked
        # Finalizers may run while this thread holds the lock: they only queue.
        self._released: deque[tuple[int, str]] = deque()

    def get(self, plain: OAuthToken) -> OAuthToken | None:
        with self._lock:
            self._apply_releases()
            sealed = self._sealed.get(plain.refresh_token)
            if sealed is not None:
                self._track(plain)
            return sealed

    def remember(self, plain: OAuthToken, sealed: OAuthToken, *, stored: bool) -> OAuthToken:
        """Remember ``sealed`` for ``plain`` (what a store holds wins over a fresh sealing)."""
        with self._lock:
            self._apply_releases()
            refresh = plain.refresh_token
            if stored or refresh not in self._sealed:
                self._sealed[refresh] = sealed
            self._track(plain)
            return self._sealed[refresh]

    def _track(self, plain: OAuthToken) -> None:
        if id(plain) in self._tracked:
            return
        self._tracked.add(id(plain))
        refresh = plain.refresh_token
        self._copies[refresh] = self._copies.get(refresh, 0) + 1
        weakref.finalize(plain, self._released.append, (id(plain), refresh))

    def _apply_releases(self) -> None:
        while self._released:
            identity, refresh = self._released.popleft()
            self._tracked.discard(identity)
            left = self._copies.get(refresh, 0) - 1
            if left > 0:
                self._copies[refresh] = left
            else:
                self._copies.pop(refresh, None)
                self._sealed.pop(refresh, None)

    def __len__(self) -> int:
        with self._lock:
            self._apply_releases()
            return len(self._sealed)


def _import_fernet() -> ModuleType:
    try:
        from cryptography import fernet
    except ImportError as missing:
        raise ImportError(
            "TokenEncryption needs cryptography: install the extra with "
            "pip install 'fullscript[crypto]'"
        ) from missing
    return fernet
