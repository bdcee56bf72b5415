"""`saydo ingest observations` and `saydo observations summary` (filled in by the observations work)."""
