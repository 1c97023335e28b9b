"""The sandbox's state, without HTTP: the in-memory store, record builders, seed data, the
clock, validation, and the changes the API and the clinic's side make to records."""
