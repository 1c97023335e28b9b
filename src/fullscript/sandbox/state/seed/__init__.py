"""Deterministic seed data: the catalog (:mod:`.catalog`) and the clinic on top of it."""
