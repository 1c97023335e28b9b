"""Webhook delivery: signing, sending, retrying and recording events sent to the app."""
