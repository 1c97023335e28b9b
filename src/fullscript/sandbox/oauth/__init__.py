"""The sandbox's OAuth 2.0 server (:mod:`.server`) and the token pairs it mints for tests
(:mod:`.issued`)."""
