"""Request limits Fullscript enforces: the rolling-window limit per OAuth app."""
