"""ACLED: the fixture written from ACLED's published column layout (invented rows, invented notes)."""

from __future__ import annotations

from pathlib import Path

from saydo.ingest.observations import detect_format, load_observations

ACLED = Path(__file__).resolve().parents[1] / "fixtures" / "observations" / "acled-sample.csv"


def test_acled_counts_reasons_and_lines(store):
    assert detect_format(ACLED) == "acled"
    report = load_observations(store, ACLED)
    assert (report.source, report.loaded, report.rejected, report.duplicate) == ("acled", 5, 2, 1)
    rejects = store.query("SELECT line, reason, raw FROM rejects ORDER BY line")
    assert [r["line"] for r in rejects] == [7, 8]  # file lines: header is line 1
    assert "2022-04-31" in rejects[0]["reason"] and rejects[0]["raw"].startswith("UKR9006,")
    assert "Atlantis" in rejects[1]["reason"] and rejects[1]["raw"].startswith("UKR9007,")


def test_acled_event_types_and_fields(store):
    load_observations(store, ACLED)
    rows = {r["row_id"]: r for r in store.query(
        "SELECT row_id, region, event_type, fatalities, actor, description, started_at, finished_at, line "
        "FROM observations")}
    assert {k: v["event_type"] for k, v in rows.items()} == {
        "UKR9001": "shelling", "UKR9002": "airstrike", "UKR9003": "ground_clash",
        "UKR9004": "violence_against_civilians", "UKR9005": "other_protests"}
    assert {k: v["region"] for k, v in rows.items() if k != "UKR9004"} == {
        "UKR9001": "UA-63", "UKR9002": "UA-48", "UKR9003": "UA-14", "UKR9005": "UA-46"}
    first = rows["UKR9002"]
    assert first["line"] == 3 and first["fatalities"] == 5  # the repeat on line 9 is the duplicate
    assert first["actor"] == "Military Forces of Russia (2000-)" and first["description"].startswith("An air strike")
    assert str(first["started_at"].date()) == "2022-04-02" and (first["finished_at"] - first["started_at"]).days == 1


def test_acled_loading_twice_adds_nothing(store, cli, tmp_path):
    load_observations(store, ACLED)
    before = [store.query(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in ("observations", "rejects")]
    again = load_observations(store, ACLED)
    assert again.already_loaded and (again.loaded, again.rejected) == (5, 2)
    assert [store.query(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in ("observations", "rejects")] == before
    db = tmp_path / "cli.duckdb"
    code, out, _ = cli("ingest", "observations", ACLED, "--db", db, "--json")
    assert code == 2 and '"loaded": 5' in out  # 2 rows rejected: exit 2
    code, out, _ = cli("ingest", "observations", ACLED, "--db", db, "--json")
    assert code == 2 and '"already_loaded": true' in out  # a reload gives the same answer
