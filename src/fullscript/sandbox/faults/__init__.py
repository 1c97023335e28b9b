"""Fault injection: the rules tests add and the injector that picks a fault per request."""
