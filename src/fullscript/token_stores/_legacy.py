"""Accept token stores written before grants existed (keyed by region only)."""

from __future__ import annotations

import warnings

from ._callback import CallbackTokenStore
from ._contract import TokenStore
from ._signatures import takes_grant_id

__all__ = ["as_token_store"]


def as_token_store(store: object) -> TokenStore:
    """``store`` as a grant-aware `TokenStore`.

    A store of the old contract (``load(region)``, ``save(token)``, ``delete(region)``) is
    wrapped to serve the default grant only, with a ``DeprecationWarning``; anything else
    that is not a `TokenStore` raises ``TypeError`` naming what is missing.
    """
    if isinstance(store, TokenStore) and takes_grant_id(store.load):
        return store
    missing = [
        name for name in ("load", "save", "delete") if not callable(getattr(store, name, None))
    ]
    if missing:
        raise TypeError(
            f"token_store must be a TokenStore (load, save, delete, grant_ids, refresh_lock); "
            f"{type(store).__name__} has no {', '.join(missing)}"
        )
    warnings.warn(
        f"{type(store).__name__} implements the old region-only TokenStore contract: it serves "
        "the default grant only, and refreshes are not coordinated across processes. Add a "
        "grant_id parameter to load/save/delete and implement grant_ids and refresh_lock "
        "(see docs/scale-out.md).",
        DeprecationWarning,
        stacklevel=3,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        adapted = CallbackTokenStore(
            load=getattr(store, "load"),  # noqa: B009 - checked above, not statically known
            save=getattr(store, "save"),  # noqa: B009
            delete=getattr(store, "delete"),  # noqa: B009
        )
    return adapted
