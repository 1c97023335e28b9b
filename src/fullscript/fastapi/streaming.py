"""Streaming a list of records to the client as it is paged from Fullscript (NDJSON).

    @app.get("/patients")
    async def patients(fs: FullscriptDep) -> StreamingResponse:
        return await stream_ndjson(fs.patients.list(prefetch=2))

Records go out one JSON object per line while later pages are still being fetched, so memory
stays at a few pages however long the list. The first record is fetched before the answer
starts: a failure there (no token, a 403) still becomes a proper error status through
`install_error_handlers`. A failure after that can only end the stream early (the status is
already sent); it is logged.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterable, AsyncIterator
from typing import Any

from fastapi.responses import StreamingResponse

__all__ = ["NDJSON", "record_json", "stream_ndjson"]

logger = logging.getLogger("fullscript.fastapi")

NDJSON = "application/x-ndjson"


def record_json(record: Any) -> bytes:
    """One record as a line of JSON (SDK models through their ``to_dict()``)."""
    value = record.to_dict() if callable(getattr(record, "to_dict", None)) else record
    return json.dumps(value, separators=(",", ":"), default=str).encode() + b"\n"


async def stream_ndjson(records: AsyncIterable[Any]) -> StreamingResponse:
    """A `StreamingResponse` of ``records``, one JSON line each (see the module doc)."""
    iterator = aiter(records)
    try:
        first = await anext(iterator)
    except StopAsyncIteration:
        first, empty = None, True
    except BaseException:
        await _close(iterator)  # cancel pages fetched ahead
        raise
    else:
        empty = False

    async def lines() -> AsyncIterator[bytes]:
        try:
            if not empty:
                yield record_json(first)
                async for record in iterator:
                    yield record_json(record)
        except Exception:
            logger.exception("streaming a Fullscript list failed after it had started")
            raise
        finally:
            await _close(iterator)

    return StreamingResponse(lines(), media_type=NDJSON)


async def _close(iterator: AsyncIterator[Any]) -> None:
    close = getattr(iterator, "aclose", None)
    if close is not None:
        await close()
