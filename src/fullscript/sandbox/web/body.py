"""Reading request bodies: JSON, urlencoded forms and multipart uploads (no extra dependency)."""

from __future__ import annotations

import email.parser
import email.policy
import json
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request

from ..errors import bad_request
from ..handlers.call import Upload

__all__ = ["read_body"]


def _nest(flat: list[tuple[str, str]]) -> dict[str, Any]:
    """Turn Rails-style form keys (``patient[email]``) into nested dicts."""
    result: dict[str, Any] = {}
    for key, value in flat:
        if "[" in key and key.endswith("]"):
            outer, _, inner = key[:-1].partition("[")
            nested = result.setdefault(outer, {})
            if isinstance(nested, dict):
                nested[inner] = value
        else:
            result[key] = value
    return result


def _multipart(content_type: str, raw: bytes) -> tuple[dict[str, Any], dict[str, Upload]]:
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + raw)
    if not message.is_multipart():
        return {}, {}  # no parts at all: an empty form
    fields: list[tuple[str, str]] = []
    files: dict[str, Upload] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        if filename is not None:
            files[name] = Upload(filename, part.get_content_type(), data)
        else:
            fields.append((name, data.decode("utf-8", errors="replace")))
    return _nest(fields), files


async def read_body(request: Request) -> tuple[dict[str, Any], dict[str, Upload]]:
    """Parse the body into a dict of fields and a dict of uploaded files."""
    raw = await request.body()
    if not raw.strip():
        return {}, {}
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";", 1)[0].strip().lower()
    if media == "multipart/form-data":
        return _multipart(content_type, raw)
    if media == "application/x-www-form-urlencoded":
        return _nest(parse_qsl(raw.decode("utf-8", errors="replace"), keep_blank_values=True)), {}
    try:
        parsed = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise bad_request("request body is not valid JSON") from None
    if not isinstance(parsed, dict):
        raise bad_request("request body must be a JSON object")
    return parsed, {}
