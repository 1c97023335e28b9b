"""Async SDK for the Fullscript partner API."""
