"""Revisions of a dataset (issue 14): a re-exported file in which a row was corrected replaces the stored row for
checks and keeps the old one in history; an unchanged row is a duplicate; the load report counts revisions. Tested on
corrected re-exports of real files from ../shared, made here in a temporary folder."""

from __future__ import annotations

import csv
import io

from saydo.ingest.observations import load_observations
from tests.conftest import shared_path


def _rows(path, n, encoding="utf-8"):
    with path.open(encoding=encoding, newline="") as fh:
        reader = csv.reader(fh)
        return [next(reader)] + [row for _, row in zip(range(n), reader)]


def _write(path, rows):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_revisions_a_corrected_alert_end_time_replaces_the_old_row(store, tmp_path):
    rows = _rows(shared_path("data", "air-raid-alerts", "volunteer_data_en.csv"), 200)
    first = load_observations(store, _write(tmp_path / "export-1.csv", rows))
    corrected = [list(r) for r in rows]
    old_end = corrected[50][2]
    corrected[50][2] = old_end[:14] + f"{(int(old_end[14:16]) + 7) % 60:02d}" + old_end[16:]  # the minute
    assert corrected[50][2] != old_end
    second = load_observations(store, _write(tmp_path / "export-2.csv", corrected))
    assert (second.revised, second.duplicate) == (1, first.loaded - 1)
    assert store.query("SELECT count(*) AS n FROM observations")[0]["n"] == first.loaded  # the alert counts once
    region_start = store.query("SELECT region, started_at, finished_at, line, file FROM observations "
                               "WHERE file LIKE '%export-2.csv'")
    assert len(region_start) == 1 and str(region_start[0]["finished_at"])[:16] == corrected[50][2][:16]
    history = store.query("SELECT finished_at, replaced_by FROM observation_history")
    assert len(history) == 1 and str(history[0]["finished_at"])[:16] == old_end[:16]
    assert store.query("SELECT rows_revised FROM files WHERE path LIKE '%export-2.csv'")[0]["rows_revised"] == 1


def test_revisions_a_corrected_ucdp_fatality_count_is_a_revision_not_a_duplicate(store, tmp_path):
    rows = _rows(shared_path("data", "events", "ucdp-ged-ukraine.csv"), 60, encoding="cp1252")
    best = rows[0].index("best")
    first = load_observations(store, _write(tmp_path / "ged-1.csv", rows))
    corrected = [list(r) for r in rows]
    corrected[10][best] = str(int(corrected[10][best]) + 3)
    event_id = corrected[10][rows[0].index("id")]
    second = load_observations(store, _write(tmp_path / "ged-2.csv", corrected))
    assert second.revised == 1 and second.duplicate == first.loaded - 1
    stored = store.query("SELECT fatalities FROM observations WHERE row_id = ?", [event_id])
    assert [r["fatalities"] for r in stored] == [int(corrected[10][best])]
    assert [r["fatalities"] for r in store.query("SELECT fatalities FROM observation_history")] == [
        int(rows[10][best])]


def test_revisions_an_identical_re_export_is_all_duplicates(store, tmp_path):
    rows = _rows(shared_path("data", "air-raid-alerts", "official_data_en.csv"), 100)
    first = load_observations(store, _write(tmp_path / "a.csv", rows))
    again = tmp_path / "b.csv"
    again.write_bytes((tmp_path / "a.csv").read_bytes().replace(b"\n", b"\r\n"))  # another file, same rows
    second = load_observations(store, again)
    assert (second.revised, second.duplicate, second.loaded) == (0, first.loaded, 0)
    assert store.query("SELECT count(*) AS n FROM observation_history")[0]["n"] == 0


def test_revisions_migration_ids_agree_with_the_loader_key(tmp_path):
    from saydo.store import Store
    from saydo.store.observations import key_sql
    from saydo.store.schema import MIGRATIONS

    rows = _rows(shared_path("data", "air-raid-alerts", "official_data_en.csv"), 50)
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        load_observations(store, _write(tmp_path / "a.csv", rows))
        step = next(i for i, (title, _) in enumerate(MIGRATIONS) if title.startswith("revisions"))
        store.con.execute("DROP TABLE observation_history")
        store.con.execute("UPDATE observations SET id = 'old-' || line")
        store.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(step)])
    with Store(db) as store:
        assert store.query(f"SELECT count(*) AS n FROM observations WHERE id <> {key_sql()}")[0]["n"] == 0
        assert store.query("SELECT count(*) AS n FROM observations")[0]["n"] == 50
