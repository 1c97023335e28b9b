"""What the app does with Fullscript events: the handlers, shared by webhooks and catch-up.

This example's "database" is a JSON-lines file of the events handled (one line each, written
with O_APPEND so workers can share it). Replace `EventLog` with your own storage.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from fullscript.webhooks import (
    ClinicKeyRevoked,
    PatientCreated,
    PatientUpdated,
    WebhookEvent,
    WebhookReceiver,
)

logger = logging.getLogger("example.events")


class EventLog:
    """Handled events, appended to a JSON-lines file."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def record(self, event: WebhookEvent, **details: Any) -> None:
        """Append one line for ``event``."""
        line = {"id": event.id, "type": event.type, "clinic_id": event.clinic_id, **details}
        data = (json.dumps(line) + "\n").encode()
        # One write() with O_APPEND: lines from several workers never interleave.
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(descriptor, data)
        finally:
            os.close(descriptor)

    def read(self) -> list[dict[str, Any]]:
        """Every line so far."""
        if not self.path.exists():
            return []
        return [json.loads(line) for line in self.path.read_text().splitlines() if line]


def register_handlers(receiver: WebhookReceiver, log: EventLog) -> None:
    """The app's handlers. They run after the webhook answer, and again on catch-up."""

    @receiver.on(PatientCreated, PatientUpdated)
    async def patient_changed(event: PatientCreated | PatientUpdated) -> None:
        patient = event.data.patient
        logger.info("patient %s changed in clinic %s", patient.id, event.clinic_id)

    @receiver.on(ClinicKeyRevoked)
    async def clinic_left(event: ClinicKeyRevoked) -> None:
        logger.warning("clinic %s revoked this app: it must connect again", event.clinic_id)

    @receiver.on()  # every event, typed or not
    async def remember(event: WebhookEvent) -> None:
        log.record(event, pid=os.getpid())
