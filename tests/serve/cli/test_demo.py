"""`saydo demo` runs on bundled data only (no ../shared) and says where its outputs are."""

from __future__ import annotations

import json


def test_demo_runs_on_bundled_data(cli, tmp_path):
    out = tmp_path / "demo"
    code, stdout, err = cli("demo", "--out", out)
    assert code == 0, err
    assert (out / "saydo.duckdb").exists()
    result = json.loads((out / "result.json").read_text(encoding="utf-8"))
    pledges = [s for s in result["statements"] if s["kind"] == "pledge"]
    assert any("Fomin" in s["speaker"] and s["actor"] == "RUS" for s in pledges)
    assert result["checks"], "the demo's pledge must be checked"
    assert result["checks"][0]["verdict"] in {"kept", "partly_kept", "broken", "too_early", "insufficient_data"}
    assert "Database:" in stdout and "JSON result:" in stdout
    assert str((out / "result.json").resolve()) in stdout.replace("\n", "")


def test_demo_twice_gives_same_result(cli, tmp_path):
    out = tmp_path / "demo"
    cli("demo", "--out", out)
    first = json.loads((out / "result.json").read_text(encoding="utf-8"))
    cli("demo", "--out", out)
    second = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert first == second
