"""Request limits Fullscript enforces (the rolling-window limit per app, or per grant) and the
traffic counters tests read."""
