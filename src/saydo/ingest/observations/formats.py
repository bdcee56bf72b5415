"""Registers every built-in observation format (one place, like a plugin would)."""

from saydo.ingest.observations import acled, alerts, bellingcat, cir, gdelt, territory, ucdp  # noqa: F401
