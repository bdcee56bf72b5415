"""Readers for observed-event files; each turns rows into ``Observation`` records or ``Reject``s with a reason."""

from saydo.ingest.observations.base import (
    READERS,
    LoadReport,
    detect_format,
    format_names,
    load_observations,
    reader_for,
)

__all__ = ["READERS", "LoadReport", "detect_format", "format_names", "load_observations", "reader_for"]
