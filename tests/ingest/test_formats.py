"""The format registry and the taxonomy are documented: a new format or event type fails here until it is."""

from __future__ import annotations

from pathlib import Path

from saydo.ingest.observations import READERS, reader_for

DOC = (Path(__file__).resolve().parents[2] / "docs" / "observations.md").read_text(encoding="utf-8")


def test_formats_every_registered_format_has_a_section():
    reader_for("alerts-volunteer")  # registers the built-ins
    assert set(READERS) >= {"alerts-volunteer", "alerts-official", "cir", "bellingcat", "ucdp-ged", "acled", "gdelt"}
    missing = [name for name in [*READERS, "csv"] if f"### `{name}`" not in DOC]
    assert not missing, f"formats without a section in docs/observations.md: {missing}"


def test_formats_every_event_type_is_in_the_taxonomy():
    from saydo.ingest.observations import acled, alerts, bellingcat, cir, gdelt, ucdp

    types = {alerts.EVENT_TYPE, *acled.SUB_EVENT_TYPES.values(), *ucdp.TYPES.values(), *(k for _, k in cir.GROUPS),
             *(k for _, k in bellingcat.WEAPONS), *gdelt.EVENT_CODES.values(), *gdelt.ROOTS.values(),
             "material_conflict_other", "civilian_harm", "other"}
    taxonomy = DOC.split("## Event types", 1)[1].split("\n## ", 1)[0]
    missing = sorted(t for t in types if f"`{t}`" not in taxonomy)
    assert not missing, f"event types missing from the taxonomy table: {missing}"
