"""Where OAuth token pairs live between runs, keyed by (grant, region).

- `InMemoryTokenStore`: this process only.
- `FileTokenStore`: one SQLite file, safe across processes on one machine.
- `CallbackTokenStore`: your own functions (a database table, say).
- ``fullscript.redis.RedisTokenStore`` (extra ``fullscript[redis]``): shared by many machines.

Each takes ``encryption=TokenEncryption(keys)`` (extra ``fullscript[crypto]``) to keep the
tokens encrypted at rest. See `TokenStore` for the contract (compare-and-set on save, a refresh lock per grant).
"""

from ._callback import CallbackTokenStore
from ._contract import TokenStore, TokenStoreError, same_pair
from ._encryption import TokenEncryption, TokenEncryptionError
from ._file import FileTokenStore
from ._memory import InMemoryTokenStore

__all__ = [
    "CallbackTokenStore",
    "FileTokenStore",
    "InMemoryTokenStore",
    "TokenEncryption",
    "TokenEncryptionError",
    "TokenStore",
    "TokenStoreError",
    "same_pair",
]
