"""Event datasets: UCDP GED (real file) and ACLED (a fixture written from ACLED's published column layout)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from saydo.ingest.observations import detect_format, load_observations
from saydo.ingest.observations.acled import event_type
from saydo.resolve.geo import boundaries_path
from tests.conftest import shared_path

COORDINATES = "point" if boundaries_path() else "nearest"  # placed by polygon when a boundary file is at hand

ACLED = Path(__file__).resolve().parents[1] / "fixtures" / "observations" / "acled-sample.csv"


def test_events_ucdp_every_row_accounted_for(store):
    path = shared_path("data", "events", "ucdp-ged-ukraine.csv")
    assert detect_format(path) == "ucdp-ged"
    report = load_observations(store, path)
    with path.open(newline="", encoding="cp1252") as fh:  # the export is Windows-1252, not UTF-8
        rows = list(csv.DictReader(fh))
    assert report.loaded + report.rejected + report.duplicate == len(rows)
    luhansk = sum(r["adm_1"] == "Luhansk oblast" for r in rows)
    stored = store.query("SELECT count(*) AS n FROM observations WHERE region = 'UA-09' AND geo_method = 'name'")
    assert stored[0]["n"] == luhansk
    assert store.query("SELECT sum(fatalities) AS n FROM observations")[0]["n"] == sum(int(r["best"]) for r in rows)
    unnamed = store.query("SELECT count(*) AS n FROM observations WHERE geo_method IN ('point', 'nearest')")[0]["n"]
    assert unnamed == sum(not r["adm_1"].strip() for r in rows)  # only rows with no province use coordinates
    first = rows[0]
    stored = store.query("SELECT line, started_at, finished_at FROM observations WHERE row_id = ?", [first["id"]])[0]
    assert stored["line"] == 2 and stored["finished_at"] > stored["started_at"]


def test_events_acled_fixture(store):
    report = load_observations(store, ACLED)
    assert (report.format, report.loaded, report.rejected, report.duplicate) == ("acled", 5, 2, 1)
    reasons = {r["line"]: r["reason"] for r in store.query("SELECT line, reason FROM rejects")}
    assert "event_date '2022-04-31'" in reasons[7]
    assert "province 'Atlantis'" in reasons[8]
    rows = {r["row_id"]: r for r in store.query("SELECT row_id, region, event_type, geo_method, fatalities "
                                                 "FROM observations")}
    assert rows["UKR9001"]["region"] == "UA-63" and rows["UKR9001"]["event_type"] == "shelling"
    assert rows["UKR9002"]["event_type"] == "airstrike" and rows["UKR9002"]["fatalities"] == 5
    assert rows["UKR9004"]["region"] == "UA-32" and rows["UKR9004"]["geo_method"] == COORDINATES
    assert rows["UKR9005"]["event_type"] == "other_protests"
    again = load_observations(store, ACLED)
    assert again.already_loaded


def test_events_acled_type_mapping():
    assert event_type("Battles", "Armed clash") == "ground_clash"
    assert event_type("Strategic developments", "Looting/property destruction") == "other_strategic_developments"



def test_events_cir_spellings_and_shares(store):
    path = shared_path("data", "events", "cir-eyes-on-russia.csv")
    assert detect_format(path) == "cir"
    report = load_observations(store, path)
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert report.loaded + report.rejected + report.duplicate == len(rows)
    abroad = sum(r["country"].strip() not in ("", "Ukraine") for r in rows)
    assert store.query("SELECT count(*) AS n FROM rejects WHERE reason LIKE 'outside Ukraine%'")[0]["n"] == abroad
    assert sum(report.geo_methods.values()) == report.loaded
    assert report.geo_methods["name"] / report.loaded > 0.9
    misspelled = sum(r["province"].strip() in ("Charkov Oblast", "Oblast Charkov") for r in rows)
    assert store.query("SELECT count(*) AS n FROM observations WHERE geo_method = 'spelling' "
                       "AND region = 'UA-63'")[0]["n"] >= misspelled > 0




def test_events_bellingcat_joined_with_associations(store):
    path = shared_path("data", "events", "bellingcat-civilian-harm", "export_events.json")
    assert detect_format(path) == "bellingcat"
    report = load_observations(store, path)
    events = json.loads(path.read_text(encoding="utf-8"))
    assert report.loaded + report.rejected + report.duplicate == len(events)
    assert report.duplicate == len(events) - len({e["id"] for e in events})
    associations = {a["id"]: a["filter_paths"] for a in json.loads(
        path.with_name("export_associations.json").read_text(encoding="utf-8"))}
    air = sum("Air strike" in [associations[a][-1] for a in e["associations"] if a in associations]
              for e in {e["id"]: e for e in events}.values())
    assert store.query("SELECT count(*) AS n FROM observations WHERE event_type = 'airstrike'")[0]["n"] <= air
    first = store.query("SELECT description, region FROM observations WHERE row_id = ?", [events[0]["id"]])[0]
    assert first["description"].startswith("[area: ") and first["region"] == "UA-63"  # Chuhuiv, Kharkiv oblast


GDELT = Path(__file__).resolve().parents[1] / "fixtures" / "observations" / "gdelt-sample.tsv"


def test_events_gdelt_material_conflict_in_ukraine(store):
    assert detect_format(GDELT) == "gdelt"
    report = load_observations(store, GDELT)
    assert (report.loaded, report.rejected, report.out_of_scope) == (3, 3, 2)
    rows = {r["row_id"]: r for r in store.query("SELECT row_id, region, event_type, geo_method FROM observations")}
    assert rows["1001"]["region"] == "UA-63" and rows["1001"]["event_type"] == "airstrike"
    assert rows["1002"]["region"] == "UA-32" and rows["1002"]["event_type"] == "shelling"
    assert rows["1003"]["geo_method"] == COORDINATES and rows["1003"]["event_type"] == "assault"
    reasons = {r["line"]: r["reason"] for r in store.query("SELECT line, reason FROM rejects")}
    assert "UP99" in reasons[6] and "YYYYMMDD" in reasons[7] and "found 3" in reasons[8]
    assert "2 row(s) out of scope" in reasons[None]


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "observations"


def test_events_any_csv_through_a_mapping(store):
    report = load_observations(store, FIXTURES / "mapped-strikes.csv", mapping=FIXTURES / "mapped-strikes.toml")
    assert (report.format, report.source, report.loaded, report.rejected) == ("csv", "city-strikes", 2, 2)
    rows = {r["row_id"]: r for r in store.query("SELECT row_id, region, event_type, geo_method, fatalities, "
                                                 "started_at FROM observations")}
    assert rows["k1"]["region"] == "UA-63" and rows["k1"]["event_type"] == "shelling" and rows["k1"]["fatalities"] == 2
    assert str(rows["k1"]["started_at"].date()) == "2022-03-29"
    assert rows["k2"]["region"] == "UA-48" and rows["k2"]["geo_method"] == COORDINATES
    reasons = {r["line"]: r["reason"] for r in store.query("SELECT line, reason FROM rejects")}
    assert "does not match the date format" in reasons[4] and "'Narnia'" in reasons[5]


def test_events_mapping_errors_are_coded(cli, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[columns]\ndate = "day"\n', encoding="utf-8")
    code, _, err = cli("ingest", "observations", FIXTURES / "mapped-strikes.csv", "--mapping", bad,
                       "--db", tmp_path / "db.duckdb")
    assert code == 2 and "[SD600]" in err and "'source'" in err and "columns.type" in err
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('source = "x"\nevent_type = "shelling"\n[columns]\ndate = "when"\nregion = "oblast"\n',
                     encoding="utf-8")
    code, _, err = cli("ingest", "observations", FIXTURES / "mapped-strikes.csv", "--mapping", wrong,
                       "--db", tmp_path / "db.duckdb")
    assert code == 2 and "[SD104]" in err and "'when'" in err
