"""Timestamps parse with the standard library alone, in every form Fullscript sends.

python-dateutil left the dependencies; Python 3.11's `datetime.fromisoformat` must read what
dateutil's `isoparse` read for us: ``Z`` and offsets, fractions of any length, a date alone.
The forms come from Fullscript's published examples (``2021-06-16T14:57:21.000Z``, offsets
such as ``-05:00``), the sandbox's own timestamps, and the token endpoint's ``created_at``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from support.spec_pipeline import generate_package

from fullscript import OAuthToken
from fullscript._dates import parse_datetime
from fullscript.sandbox.state.clock import format_timestamp

MINUS_5 = timezone(timedelta(hours=-5))

# (text, the instant it names)
FORMS = [
    ("2021-06-16T14:57:21.000Z", datetime(2021, 6, 16, 14, 57, 21, tzinfo=UTC)),
    ("2021-06-16T14:57:21Z", datetime(2021, 6, 16, 14, 57, 21, tzinfo=UTC)),
    ("2021-06-16T09:57:21.000-05:00", datetime(2021, 6, 16, 9, 57, 21, tzinfo=MINUS_5)),
    ("2021-06-16T20:27:21+05:30", datetime(2021, 6, 16, 14, 57, 21, tzinfo=UTC)),
    ("2021-06-16T19:57:21+0500", datetime(2021, 6, 16, 14, 57, 21, tzinfo=UTC)),
    ("2021-06-16T14:57:21+00:00", datetime(2021, 6, 16, 14, 57, 21, tzinfo=UTC)),
    ("2021-06-16T14:57:21.1Z", datetime(2021, 6, 16, 14, 57, 21, 100000, tzinfo=UTC)),
    ("2021-06-16T14:57:21.12Z", datetime(2021, 6, 16, 14, 57, 21, 120000, tzinfo=UTC)),
    ("2021-06-16T14:57:21.1234Z", datetime(2021, 6, 16, 14, 57, 21, 123400, tzinfo=UTC)),
    ("2021-06-16T14:57:21.12345Z", datetime(2021, 6, 16, 14, 57, 21, 123450, tzinfo=UTC)),
    ("2021-06-16T14:57:21.123456Z", datetime(2021, 6, 16, 14, 57, 21, 123456, tzinfo=UTC)),
    # More digits than microseconds hold are cut, as isoparse did.
    ("2021-06-16T14:57:21.123456789Z", datetime(2021, 6, 16, 14, 57, 21, 123456, tzinfo=UTC)),
    # No offset: UTC, the API's zone.
    ("2021-06-16T14:57:21", datetime(2021, 6, 16, 14, 57, 21, tzinfo=UTC)),
    ("2021-06-16 14:57:21", datetime(2021, 6, 16, 14, 57, 21, tzinfo=UTC)),
    ("2021-06-16", datetime(2021, 6, 16, tzinfo=UTC)),
    (" 2021-06-16T14:57:21Z\n", datetime(2021, 6, 16, 14, 57, 21, tzinfo=UTC)),
]


@pytest.mark.parametrize(("text", "instant"), FORMS)
def test_every_form_parses_to_its_instant_in_utc(text: str, instant: datetime) -> None:
    parsed = parse_datetime(text)

    assert parsed == instant
    assert parsed.tzinfo is UTC


@pytest.mark.parametrize(
    "text", ["", "yesterday", "2021-13-01", "2021-06-16T25:00:00Z", "16/06/2021"]
)
def test_not_iso_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        parse_datetime(text)


def test_sandbox_timestamps_round_trip() -> None:
    moment = datetime(2026, 12, 1, 21, 4, 5, 678000, tzinfo=UTC)

    assert parse_datetime(format_timestamp(moment.timestamp())) == moment


@pytest.mark.parametrize(("text", "instant"), FORMS)
def test_token_created_at_accepts_every_form(text: str, instant: datetime) -> None:
    token = OAuthToken.from_response(
        {"access_token": "a", "refresh_token": "r", "expires_in": 7200, "created_at": text},
        region="us",
    )

    assert token.created_at == instant


def test_token_created_at_not_iso_names_the_field() -> None:
    with pytest.raises(ValueError, match="created_at"):
        OAuthToken.from_response(
            {"access_token": "a", "refresh_token": "r", "created_at": "last tuesday"},
            region="us",
        )


# --- the generated client: openapi-python-client 0.29.1 parses with fromisoformat itself ------

DATED_SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Dates", "version": "1.0.0"},
    "paths": {
        "/api/clinic/events/{id}": {
            "get": {
                "operationId": "retrieve_event",
                "tags": ["Events"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Event"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Event": {
                "type": "object",
                "required": ["id", "created_at"],
                "properties": {
                    "id": {"type": "string"},
                    "created_at": {"type": "string", "format": "date-time"},
                    "due_on": {"type": "string", "format": "date"},
                },
            }
        }
    },
}


@pytest.fixture(scope="module")
def dated_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Output directory of the pipeline run on a spec with date-time and date fields."""
    return generate_package(DATED_SPEC, tmp_path_factory.mktemp("dated"))


def test_generated_code_does_not_use_dateutil(dated_package: Path) -> None:
    sources = [path.read_text() for path in dated_package.rglob("*.py")]

    assert any("fromisoformat" in text for text in sources)
    assert not any("dateutil" in text or "isoparse" in text for text in sources)


def test_generated_models_parse_every_form(dated_package: Path) -> None:
    texts = [text for text, _ in FORMS]
    script = textwrap.dedent(
        f"""
        import json, sys
        sys.path.insert(0, {str(dated_package)!r})
        from fullscript_api.models import Event
        out = []
        for text in json.loads(sys.argv[1]):
            event = Event.from_dict({{"id": "e", "created_at": text.strip(), "due_on": "2021-06-16"}})
            out.append([event.created_at.isoformat(), event.due_on.isoformat()])
        print(json.dumps(out))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, json.dumps(texts)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    for (created_at, due_on), (_, instant) in zip(json.loads(result.stdout), FORMS, strict=True):
        parsed = datetime.fromisoformat(created_at)
        # The generated layer keeps the offset it was given and leaves a naive time naive.
        assert (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)) == instant
        assert due_on == date(2021, 6, 16).isoformat()
