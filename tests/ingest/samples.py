"""Small files of every observation format, made of real rows (../shared, else the fixtures), that tests can write in
another encoding, delimiter or line ending, or mutate: the material of the dialect, bounds and fuzz tests."""

from __future__ import annotations

import csv
import io
import json
import shutil
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from tests.conftest import SHARED

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "observations"


@dataclass
class Sample:
    """A format's header and rows as fields; ``dates`` are the field numbers (0-based) holding a day, ``day`` how the
    format writes one."""

    fmt: str
    header: list[str] | None
    rows: list[list[str]]
    dates: list[int]
    day: object  # Callable[[date], str]
    delimiter: str = ","
    mapping: Path | None = None
    quote_all: bool = False
    extra: dict = field(default_factory=dict)

    def text(self, delimiter: str | None = None, newline: str = "\n") -> str:
        delimiter = delimiter or self.delimiter
        out = io.StringIO()
        quoting = csv.QUOTE_NONE if self.fmt == "gdelt" else (csv.QUOTE_ALL if self.quote_all else csv.QUOTE_MINIMAL)
        writer = csv.writer(out, delimiter=delimiter, lineterminator=newline, quoting=quoting, escapechar=None
                            if quoting != csv.QUOTE_NONE else "\\")
        for row in ([self.header] if self.header else []) + self.rows:
            writer.writerow(row)
        return out.getvalue()

    def write(self, path: Path, *, delimiter: str | None = None, newline: str = "\n", encoding: str = "utf-8",
              bom: bool = False) -> Path:
        data = self.text(delimiter, newline)
        raw = data.encode(encoding)
        if bom:
            raw = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding] + raw
        path.write_bytes(raw)
        return path

    def with_day(self, index: int, day: date) -> "Sample":
        rows = [list(r) for r in self.rows]
        for column in self.dates:
            rows[index][column] = self.day(day)
        if "end" in self.extra:  # a period: its end on the same day, after the start
            rows[index][self.extra["end"]] = _iso_end(day)
        return replace(self, rows=rows)

    def options(self) -> dict:
        return {"fmt": "csv", "mapping": self.mapping} if self.mapping else {"fmt": self.fmt}


def _csv(path: Path, *, encoding: str = "utf-8", n: int = 12, where=None) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding=encoding, newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = []
        for row in reader:
            if where is None or where(dict(zip(header, row))):
                rows.append(row)
            if len(rows) == n:
                break
    return header, rows


def _iso_time(day: date) -> str:
    return f"{day.isoformat()} 10:00:00+00:00"


def _iso_end(day: date) -> str:
    return f"{day.isoformat()} 11:00:00+00:00"


def sample(fmt: str) -> Sample | None:
    """A sample of the format, or None when its real rows are not at hand."""
    alerts, events = SHARED / "data" / "air-raid-alerts", SHARED / "data" / "events"
    if fmt == "alerts-volunteer" and (alerts / "volunteer_data_en.csv").exists():
        header, rows = _csv(alerts / "volunteer_data_en.csv")
        return Sample(fmt, header, rows, [1], _iso_time, extra={"end": 2})
    if fmt == "alerts-official" and (alerts / "official_data_en.csv").exists():
        header, rows = _csv(alerts / "official_data_en.csv")
        return Sample(fmt, header, rows, [4], _iso_time, extra={"end": 5})
    if fmt == "ucdp-ged" and (events / "ucdp-ged-ukraine.csv").exists():
        header, rows = _csv(events / "ucdp-ged-ukraine.csv", encoding="cp1252")
        return Sample(fmt, header, rows, [header.index("date_start"), header.index("date_end")],
                      lambda d: d.isoformat())
    if fmt == "cir" and (events / "cir-eyes-on-russia.csv").exists():
        header, rows = _csv(events / "cir-eyes-on-russia.csv", where=lambda r: r["country"] == "Ukraine")
        return Sample(fmt, header, rows, [1], lambda d: d.isoformat())
    if fmt == "acled":
        header, rows = _csv(FIXTURES / "acled-sample.csv")
        return Sample(fmt, header, rows, [1], lambda d: d.isoformat())
    if fmt == "gdelt":
        rows = [line.split("\t") for line in (FIXTURES / "gdelt-sample.tsv").read_text(encoding="utf-8").splitlines()]
        return Sample(fmt, None, rows, [1], lambda d: f"{d.year:04d}{d.month:02d}{d.day:02d}", delimiter="\t")
    if fmt == "csv":
        header, rows = _csv(FIXTURES / "mapped-strikes.csv")
        return Sample(fmt, header, rows, [1], lambda d: f"{d.day:02d}.{d.month:02d}.{d.year:04d}",
                      mapping=FIXTURES / "mapped-strikes.toml")
    if fmt == "territory" and (SHARED / "data" / "territory" / "liveuamap-russian-held-area.csv").exists():
        header, rows = _csv(SHARED / "data" / "territory" / "liveuamap-russian-held-area.csv")
        return Sample(fmt, header, rows, [0], lambda d: d.isoformat())
    return None


CSV_FORMATS = ["alerts-volunteer", "alerts-official", "ucdp-ged", "cir", "acled", "gdelt", "csv", "territory"]


def bellingcat(tmp: Path, n: int = 12, events: list | None = None) -> Path | None:
    """The first ``n`` Bellingcat events (or ``events``) with their associations and sources, in a folder of ``tmp``."""
    source = SHARED / "data" / "events" / "bellingcat-civilian-harm"
    if not source.exists():
        return None
    folder = tmp / "bellingcat"
    folder.mkdir(exist_ok=True)
    for name in ("export_associations.json", "export_sources.json"):
        shutil.copy(source / name, folder / name)
    if events is None:
        events = json.loads((source / "export_events.json").read_text(encoding="utf-8"))[:n]
    path = folder / "export_events.json"
    path.write_text(json.dumps(events), encoding="utf-8")
    return path


def bellingcat_events(n: int = 12) -> list[dict]:
    source = SHARED / "data" / "events" / "bellingcat-civilian-harm" / "export_events.json"
    return json.loads(source.read_text(encoding="utf-8"))[:n] if source.exists() else []
