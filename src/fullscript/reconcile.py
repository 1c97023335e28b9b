"""Reconciling writes whose outcome is unknown (``APIConnectionError.may_have_been_applied``).

A POST whose connection dropped after it was sent may have been carried out, and Fullscript
documents no idempotency key, so repeating it could create a second record. Look the record up
by something unique that you sent, and create it only when it is not there::

    try:
        patient = await fs.patients.create(body=request)
    except APIConnectionError as error:
        if not error.may_have_been_applied:
            raise
        patient = await find_patient_by_email(fs, request.email)
        if patient is None:
            patient = await fs.patients.create(body=request)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fullscript_api.models import Patient

    from ._client import Fullscript

__all__ = ["find_patient_by_email"]


async def find_patient_by_email(fs: Fullscript, email: str) -> Patient | None:
    """The clinic's patient with exactly this email (case-insensitive), or None.

    Uses the patient search (which matches names and emails) and keeps only an exact email
    match, so a similar address is never taken for the one you created.
    """
    wanted = email.strip().casefold()
    async for patient in fs.patients.search(query=email.strip()):
        found = getattr(patient, "email", None)
        if isinstance(found, str) and found.strip().casefold() == wanted:
            return patient
    return None
