"""Province spellings, coordinates and GDELT's FIPS codes -> ISO 3166-2:UA."""

from __future__ import annotations

import csv

import pytest

from saydo.resolve import geo
from saydo.resolve.provinces import province_code
from saydo.resolve.regions import all_codes
from tests.conftest import shared_path


def test_provinces_spellings():
    assert province_code("Charkov Oblast") == ("UA-63", "spelling")
    assert province_code("Oblast Charkov") == ("UA-63", "spelling")
    assert province_code("Kharkivs'ka oblast") == ("UA-63", "name")
    assert province_code("Luhansk Oblast, Ukraine") == ("UA-09", "name")
    assert province_code("Snake Island") == ("UA-51", "name")
    assert province_code("Tsjernihiv Oblast") == ("UA-74", "name")
    assert province_code("Donetsk Obalst") == ("UA-14", "name")
    assert province_code("Oblast Donezk") == ("UA-14", "name")
    assert province_code("Kiyv Oblast") == ("UA-32", "name") and province_code("Kiew") == ("UA-30", "name")
    assert province_code("Donbas") is None  # two oblasts: the coordinates decide
    for foreign in ("Belgorod Oblast", "Kursk", "Gomel", "Rostov", "Krasnodar Krai", "Transnistria", "", "  "):
        assert province_code(foreign) is None, foreign


def test_provinces_every_cir_spelling_resolves_or_is_foreign():
    path = shared_path("data", "events", "cir-eyes-on-russia.csv")
    with path.open(newline="", encoding="utf-8") as fh:
        spellings = {(r["province"].strip(), r["country"].strip()) for r in csv.DictReader(fh)}
    ukrainian = {p for p, country in spellings if p and country in ("", "Ukraine")}
    unresolved = {p for p in ukrainian if province_code(p) is None}
    assert len(ukrainian) > 100
    # names that are no Ukrainian oblast: left to the coordinates on purpose (Donbas spans two oblasts)
    not_an_oblast = {"Black Sea", "Bryansk Oblast", "Kursk Oblast", "Rostov Oblast", "Donbas", "Donbass", "Donbask",
                     "Ukraine", "Ukraine Oblast", "Dovhenke", "Volnovakhsky", "Zatoka"}
    assert unresolved <= not_an_oblast, sorted(unresolved - not_an_oblast)


def test_geo_point_in_oblast_with_holes():
    if geo.boundaries_path() is None:
        pytest.skip("needs a boundary file (../shared/data/boundaries or $SAYDO_BOUNDARIES)")
    points = [(50.45, 30.52, "UA-30"), (50.55, 30.22, "UA-32"), (49.99, 36.23, "UA-63"), (44.6, 33.52, "UA-40"),
              (45.0, 34.1, "UA-43"), (48.29, 25.94, "UA-77"), (46.48, 30.73, "UA-51")]
    found = geo.point_regions([p[0] for p in points], [p[1] for p in points])
    assert found == [p[2] for p in points]  # Kyiv City sits inside Kyiv oblast's outline: the hole decides
    assert geo.point_regions([55.75], [37.62]) == [None]  # Moscow is in no oblast
    assert geo.locate([55.75, 50.45], [37.62, 30.52]) == [None, ("UA-30", "point")]


def test_geo_without_boundaries_falls_back_to_nearest(monkeypatch, tmp_path):
    monkeypatch.setattr(geo, "_SHARED", tmp_path / "absent.geojson")
    monkeypatch.delenv(geo.BOUNDARIES_ENV, raising=False)
    geo.configure(None)
    try:
        assert geo.boundaries_path() is None
        assert geo.locate([50.45], [30.52]) == [("UA-30", "nearest")]
    finally:
        monkeypatch.undo()
        geo.configure(None)


def test_geo_nearest_region():
    assert geo.nearest_region(50.45, 30.52)[0] == "UA-30"  # Kyiv
    assert geo.nearest_region(46.48, 30.73)[0] == "UA-51"  # Odesa
    assert geo.nearest_region(55.75, 37.62) is None  # Moscow is far from any Ukrainian place
    assert geo.nearest_region(95.0, 30.0) is None


def test_gdelt_fips_table_matches_geonames_admin1():
    from saydo.ingest.observations.gdelt import FIPS_ADM1
    from saydo.resolve.gazetteer import GEONAMES_ADMIN1

    assert FIPS_ADM1 == {f"UP{n}": code for n, code in GEONAMES_ADMIN1.items()}
    assert set(FIPS_ADM1.values()) == set(all_codes())
