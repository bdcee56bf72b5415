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


def _render(cli, monkeypatch, tmp_path, width: int) -> str:
    from saydo.serve.cli import options

    monkeypatch.setattr(options.console, "width", width)
    code, stdout, err = cli("demo", "--out", tmp_path / f"demo-{width}")
    assert code == 0, err
    return stdout


def test_demo_reads_well_at_80_and_100_columns(cli, monkeypatch, tmp_path):
    """Every line fits; no word is broken across lines (each word of the narrow output, but for one cut with an
    ellipsis at a line's end, also appears whole in a 300-column rendering and the JSON result); the output is a
    page or two, not hundreds of lines."""
    import re

    wide = _render(cli, monkeypatch, tmp_path, 300)
    result = (tmp_path / "demo-300" / "result.json").read_text(encoding="utf-8")
    vocabulary = set(re.findall(r"[\w'’.-]+", wide)) | set(re.findall(r"[\w'’.-]+", result))
    for width in (80, 100):
        narrow = _render(cli, monkeypatch, tmp_path, width).replace(f"demo-{width}", "demo-300")
        lines = narrow.splitlines()
        # a file path is printed whole so it can be copied: only a label and one path may pass the edge
        wide_lines = [line for line in lines if len(line) > width and not re.fullmatch(r"[\w ]+: \S+/\S+", line)
                      and not line.startswith("Browse it: ")]
        assert not wide_lines, wide_lines
        assert len(lines) <= 80, len(lines)
        for line in lines:
            words = re.findall(r"[\w'’.-]+", line)
            if line.rstrip().endswith("…") and words:
                words = words[:-1]  # cut at the edge on purpose: the full text is in --json
            broken = [w for w in words if w not in vocabulary]
            assert not broken, (width, line, broken)
