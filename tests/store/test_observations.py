"""The observation table's writes and the facts about sources the check engine reads."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from saydo.ingest.observations import load_observations
from saydo.records import Observation, Reject
from saydo.store import observations as obs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "observations"


def _obs(region: str, hour: int, line: int, source: str = "s") -> Observation:
    start = datetime(2022, 3, 1, hour, tzinfo=timezone.utc)
    return Observation(source=source, region=region, event_type="air_raid_alert", started_at=start,
                       finished_at=start.replace(minute=30), file="f.csv", line=line, level="oblast")


def test_observations_duplicates_skipped_inside_and_across_batches(store):
    assert obs.insert_observations(store, [_obs("UA-30", 1, 2), _obs("UA-30", 1, 3), _obs("UA-32", 1, 4)], "a") \
        == (2, 1)
    assert obs.insert_observations(store, [_obs("UA-30", 1, 9), _obs("UA-30", 2, 10)], "b") == (1, 1)
    lines = [r["line"] for r in store.query("SELECT line FROM observations WHERE region = 'UA-30' ORDER BY line")]
    assert lines == [2, 10]  # the first line of a repeated row is the one kept


def test_observations_staged_insert_keeps_the_first_line(store):
    select = ("SELECT 's' AS source, 'UA-30' AS region, 'x' AS event_type, TIMESTAMPTZ '2022-03-01' AS started_at, "
              "NULL::TIMESTAMPTZ AS finished_at, NULL AS level, NULL AS subregion, NULL AS actor, NULL AS row_id, "
              "NULL::DOUBLE AS lat, NULL::DOUBLE AS lon, NULL::INTEGER AS fatalities, NULL AS description, "
              "'name' AS geo_method, 'f' AS file, line FROM (VALUES (7), (3), (5)) t(line)")
    assert obs.insert_staged(store, select, [], "sha") == 1
    assert store.query("SELECT line, file_sha256 FROM observations") == [{"line": 3, "file_sha256": "sha"}]


def test_observations_source_facts(store):
    obs.insert_observations(store, [_obs("UA-30", 1, 2, "a"), _obs("UA-32", 5, 3, "a"), _obs("UA-63", 2, 4, "b")],
                            "x")
    assert obs.sources(store) == ["a", "b"]
    assert obs.sources(store, event_type="shelling") == []
    assert obs.source_regions(store, "a") == ["UA-30", "UA-32"]
    first, last = obs.source_extent(store, "a")
    assert (first.hour, last.hour, last.minute) == (1, 5, 30)
    assert obs.source_extent(store, "nothing") is None


def test_observations_rejects_listed_by_file(store):
    obs.insert_rejects(store, [Reject(source="s", file="a.csv", line=3, reason="bad"),
                               Reject(source="s", file="b.csv", line=2, reason="worse")], "sha")
    assert [r["file"] for r in obs.list_rejects(store)] == ["a.csv", "b.csv"]
    assert obs.list_rejects(store, file="b.csv") == [
        {"source": "s", "file": "b.csv", "line": 2, "reason": "worse", "raw": None}]


def test_observations_first_reject_is_the_lowest_line_with_a_number(store):
    obs.insert_rejects(store, [Reject(source="s", file="a.csv", line=None, reason="whole file"),
                               Reject(source="s", file="a.csv", line=9, reason="later"),
                               Reject(source="s", file="a.csv", line=4, reason="earlier"),
                               Reject(source="s", file="b.csv", line=2, reason="other file")], "sha")
    assert obs.first_reject(store, "a.csv") == (4, "earlier")
    assert obs.first_reject(store, "c.csv") is None


def test_observations_geo_methods_of_a_file(store):
    report = load_observations(store, FIXTURES / "acled-sample.csv")
    assert sum(report.geo_methods.values()) == report.loaded
    assert report.geo_methods["name"] == report.loaded - 1  # one row names no admin1 and is placed by coordinates


# The key as schema versions 1-2 wrote it (CAST of TIMESTAMPTZ to text in a UTC session): ids must not change.
_KEY_V2 = ("md5(concat_ws('|', source, coalesce(row_id, concat_ws('|', region, event_type, "
           "CAST(started_at AS VARCHAR), coalesce(CAST(finished_at AS VARCHAR), ''), coalesce(subregion, ''), "
           "coalesce(level, ''), coalesce(article_id, ''), coalesce(CAST(span_start AS VARCHAR), '')))))")
# Since the revisions migration the natural key leaves the end out: a corrected end time revises the row.
_KEY_NOW = _KEY_V2.replace("coalesce(CAST(finished_at AS VARCHAR), ''), ", "")


def test_observations_migration_3_upgrades_a_v2_file_and_keeps_ids(tmp_path):
    import duckdb

    from saydo.store import Store
    from saydo.store.schema import MIGRATIONS, SCHEMA_VERSION

    fixture = FIXTURES / "alerts-official-overlap.csv"
    with Store(tmp_path / "new.duckdb") as fresh:
        report = load_observations(fresh, fixture)
        fresh.con.execute("ALTER TABLE observations DROP COLUMN id")
        fresh.con.execute("COPY observations TO '" + str(tmp_path / "rows.parquet") + "' (FORMAT parquet)")
    old = duckdb.connect(str(tmp_path / "v2.duckdb"))  # a store as schema version 2 left it: id is a primary key
    old.execute("SET TimeZone = 'UTC'")
    for _, sql in MIGRATIONS[:2]:
        old.execute(sql)
    old.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    old.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    old.execute(f"INSERT INTO observations SELECT {_KEY_V2} AS id, * FROM '{tmp_path / 'rows.parquet'}'")
    v2_ids = sorted(r[0] for r in old.execute("SELECT id FROM observations").fetchall())
    old.close()

    with Store(tmp_path / "v2.duckdb") as store:
        assert store.schema_version() == SCHEMA_VERSION >= 4
        assert len(store.query("SELECT id FROM observations")) == len(v2_ids)  # ids recomputed (revisions migration)
        assert store.query(f"SELECT count(*) AS n FROM observations WHERE id <> {_KEY_NOW}")[0]["n"] == 0
        assert not store.query("SELECT * FROM duckdb_constraints() WHERE table_name = 'observations' "
                               "AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')")
        copy = tmp_path / "copy.csv"  # the same rows in another file: nothing new, every row a duplicate
        copy.write_text(fixture.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        again = load_observations(store, copy)
        assert (again.loaded, again.duplicate) == (0, report.loaded + report.duplicate)
        assert store.query("SELECT count(*) AS n FROM observations")[0]["n"] == len(v2_ids)


def test_observations_key_text_of_times_is_the_v2_text(store):
    """Fractions of a second, whole seconds, no end: the new key gives the ids the old one gave."""
    select = ("SELECT 's' AS source, 'UA-30' AS region, 'x' AS event_type, CAST(t AS TIMESTAMPTZ) AS started_at, "
              "CAST(e AS TIMESTAMPTZ) AS finished_at, NULL AS level, NULL AS subregion, NULL AS actor, NULL AS row_id, "
              "NULL AS lat, NULL AS lon, NULL AS fatalities, NULL AS description, NULL AS geo_method, 'f' AS file, "
              "n AS line FROM (VALUES ('2022-03-01 10:00:00.5+00', NULL, 1), "
              "('1969-12-31 23:59:59.123456+00', '2022-03-01 10:00:00+00', 2), "
              "('2024-02-29 00:00:00+00', '2024-02-29 00:00:00.000001+00', 3)) v(t, e, n)")
    assert obs.insert_staged(store, select, [], "sha") == 3
    assert store.query(f"SELECT count(*) AS n FROM observations WHERE id <> {_KEY_NOW}")[0]["n"] == 0
