"""The files people really have (issue 14): UTF-8 with or without a BOM, UTF-16 with a BOM, Windows-1251/1252; LF,
CRLF and CR line ends; `,` `;` and tab delimiters, for every CSV format, sniffed or forced. Each loads exactly what the
plain UTF-8, LF, comma file loads, and the load report says how it was read."""

from __future__ import annotations

import pytest

from saydo.ingest.observations import load_observations
from saydo.store import Store
from tests.ingest.samples import CSV_FORMATS, sample

VARIANTS = {
    "utf-8 BOM": dict(encoding="utf-8", bom=True),
    "utf-16-le BOM": dict(encoding="utf-16-le", bom=True),
    "utf-16-be BOM": dict(encoding="utf-16-be", bom=True),
    "cp1252": dict(encoding="cp1252"),
    "CRLF": dict(newline="\r\n"),
    "CR": dict(newline="\r"),
    "semicolon": dict(delimiter=";"),
    "tab": dict(delimiter="\t"),
    "semicolon UTF-16 CRLF": dict(delimiter=";", encoding="utf-16-le", bom=True, newline="\r\n"),
}


def _stored(db, path, sample_, **options):
    with Store(db) as store:
        report = load_observations(store, path, **options)
        table = "territory" if sample_.fmt == "territory" else "observations"
        exclude = "EXCLUDE (file, file_sha256)"
        rows = store.query(f"SELECT * {exclude} FROM {table} ORDER BY line")
        rejects = store.query("SELECT line, reason FROM rejects ORDER BY line NULLS FIRST, reason")
    return report, rows, rejects


def _plain(tmp_path, s):
    return _stored(tmp_path / "plain.duckdb", s.write(tmp_path / "plain.csv"), s, **s.options())


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("fmt", CSV_FORMATS)
def test_dialects_every_variant_loads_what_the_plain_file_loads(tmp_path, fmt, variant):
    s = sample(fmt)
    if s is None:
        pytest.skip(f"no rows of {fmt} at hand (../shared absent)")
    options = VARIANTS[variant]
    if fmt == "gdelt" and "delimiter" in options:
        pytest.skip("GDELT is tab-separated by definition")
    try:
        s.text().encode(options.get("encoding", "utf-8"))
    except UnicodeEncodeError:
        pytest.skip(f"the {fmt} sample has characters {options['encoding']} can't write")
    plain_report, plain_rows, plain_rejects = _plain(tmp_path, s)
    path = s.write(tmp_path / "variant.csv", **options)
    detect = {} if s.mapping else {"fmt": None}
    report, rows, rejects = _stored(tmp_path / "variant.duckdb", path, s, **(s.options() | detect))
    assert (report.loaded, report.rejected, report.duplicate) == (
        plain_report.loaded, plain_report.rejected, plain_report.duplicate)
    assert rows == plain_rows
    assert rejects == plain_rejects
    assert report.format == plain_report.format
    expected = options.get("encoding", "utf-8")
    if expected == "cp1252" and s.text().isascii():
        expected = "utf-8"  # the same bytes
    if expected == "utf-8" and options.get("bom"):
        expected = "utf-8-sig"
    assert report.encoding == expected
    assert report.delimiter == options.get("delimiter", s.delimiter)


def test_dialects_forced_delimiter_on_the_cli(cli, tmp_path):
    s = sample("acled")
    path = s.write(tmp_path / "acled.csv", delimiter=";")
    code, out, err = cli("ingest", "observations", path, "--format", "acled", "--delimiter", ";", "--db",
                         tmp_path / "s.duckdb", "--json")
    assert '"delimiter": ";"' in out, (out, err)
    code, out, err = cli("ingest", "observations", path, "--format", "acled", "--delimiter", "|", "--db",
                         tmp_path / "t.duckdb")
    assert code == 2 and "--delimiter" in err


def test_dialects_cp1251_text_is_read_as_cyrillic(store, tmp_path):
    s = sample("csv")
    s.rows[0][-1] = "обстріл житлового кварталу"
    path = s.write(tmp_path / "cyrillic.csv", encoding="cp1251")
    report = load_observations(store, path, **s.options())
    assert report.encoding == "cp1251"
    assert "обстріл житлового кварталу" in [r["description"] for r in store.query("SELECT description FROM "
                                                                                  "observations")]


def test_dialects_one_stray_byte_does_not_turn_utf8_into_mojibake(store, tmp_path):
    s = sample("csv")
    s.rows[0][-1] = "удар по Харкову"
    s.rows[1][-1] = "обстріл"
    raw = s.text().encode("utf-8").replace("обстріл".encode(), "обстріл".encode() + b"\xff")
    path = tmp_path / "stray.csv"
    path.write_bytes(raw)
    report = load_observations(store, path, **s.options())
    assert report.encoding == "utf-8, 1 undecodable byte(s) replaced"
    descriptions = {r["description"] for r in store.query("SELECT description FROM observations")}
    assert "удар по Харкову" in descriptions and "обстріл\ufffd" in descriptions


def test_dialects_real_windows_1252_export_still_reads_as_such(store):
    from tests.conftest import shared_path

    path = shared_path("data", "events", "ucdp-ged-ukraine.csv")
    report = load_observations(store, path)
    assert report.encoding == "cp1252" and report.loaded > 3000
