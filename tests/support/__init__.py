"""Helpers shared by several test folders (real external components the suite starts itself)."""
