"""The sandbox's OAuth 2.0 server (:mod:`.server`), the apps it knows (:mod:`.apps`), the codes
and grants it hands out (:mod:`.grants`), bearer-token checks (:mod:`.bearer`) and the pairs
it mints for tests (:mod:`.issued`)."""
