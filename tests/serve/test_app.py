"""In-process tests of every page and API endpoint over the demo store: JSON and HTML from one view, filters,
pagination, CSV, OpenAPI, offline pages and the one error shape."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from tests.serve.conftest import assert_error_shape


@pytest.fixture(scope="module")
def ids(client):
    """Ids the demo store holds, read through the API."""
    statements = client.get("/api/statements", params={"kind": "any", "limit": 500}).json()["statements"]
    pledge = next(s for s in statements if s["kind"] == "pledge" and s["verdicts"])
    coverage = client.get("/api/observations").json()["coverage"]
    files = client.get("/api/files").json()["files"]
    return {"statement": pledge["id"], "article": pledge["article_id"], "actor": pledge["actor"],
            "source": coverage[0]["source"], "region": coverage[0]["region"],
            "file": next(f["sha256"] for f in files if f["kind"] == "observations"), "all": statements}


def urls(ids) -> list[str]:
    return ["/", "/checks", f"/checks/{ids['statement']}", "/articles", f"/articles/{ids['article']}", "/actors",
            f"/actors/{ids['actor']}", "/observations",
            f"/observations/series?source={ids['source']}&region={ids['region']}",
            f"/observations/rows?source={ids['source']}&region={ids['region']}", "/files", f"/files/{ids['file']}",
            "/rejects"]


def api_urls(ids) -> list[str]:
    return ["/api/statements", "/api/checks", f"/api/statements/{ids['statement']}", "/api/articles",
            f"/api/articles/{ids['article']}", "/api/actors", f"/api/actors/{ids['actor']}", "/api/observations",
            f"/api/observations/series?source={ids['source']}&region={ids['region']}",
            f"/api/observations/rows?source={ids['source']}&region={ids['region']}", "/api/files",
            f"/api/files/{ids['file']}", "/api/rejects", "/api/jobs"]


def test_every_page_is_html_and_json(client, ids):
    for url in urls(ids):
        page = client.get(url)
        assert page.status_code == 200, (url, page.text[:300])
        assert page.headers["content-type"].startswith("text/html")
        assert "<main" in page.text
        sep = "&" if "?" in url else "?"
        data = client.get(f"{url}{sep}_format=json")
        assert data.status_code == 200 and data.json()["ok"] is True, url


def test_every_api_endpoint_answers_json(client, ids):
    for url in api_urls(ids):
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        assert r.headers["content-type"] == "application/json"
        assert r.json()["ok"] is True


def test_page_and_api_come_from_one_view(client, ids):
    page = client.get(f"/checks/{ids['statement']}", params={"_format": "json"}).json()
    api = client.get(f"/api/statements/{ids['statement']}").json()
    assert page == api


def test_openapi_lists_every_api_route_with_its_filters(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/statements", "/api/statements/{statement_id}", "/api/articles/{article_id}",
                 "/api/actors/{actor}", "/api/observations/series", "/api/uploads/articles",
                 "/api/uploads/observations", "/api/jobs/{job_id}"):
        assert path in paths, path
    names = {p["name"] for p in paths["/api/statements"]["get"]["parameters"]}
    assert {"actor", "kind", "verdict", "region", "from", "to", "q", "limit", "offset"} <= names
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/statements" in docs.text


def test_pages_load_nothing_from_another_host(client, ids):
    """Offline: every script, style and image comes from this server."""
    for url in urls(ids) + ["/docs", "/upload"]:
        html = client.get(url).text
        for attr in re.findall(r'<(?:script|link|img|iframe)[^>]*?(?:src|href)="([^"]+)"', html):
            assert attr.startswith("/static/"), (url, attr)
        assert "@import" not in html and "fonts.googleapis" not in html
    for asset in ("/static/saydo.css", "/static/saydo.js"):
        r = client.get(asset)
        assert r.status_code == 200 and "http://" not in r.text and "https://" not in r.text


def test_filters_return_only_matching_statements(client, ids):
    every = ids["all"]
    actor = ids["actor"]
    got = client.get("/api/statements", params={"actor": actor, "kind": "any", "limit": 500}).json()
    assert got["total"] == sum(1 for s in every if s["actor"] == actor) and got["total"] > 0
    assert {s["actor"] for s in got["statements"]} == {actor}
    pledges = client.get("/api/statements").json()  # the home page lists pledges by default
    assert pledges["total"] == sum(1 for s in every if s["kind"] == "pledge")
    region = next(p for s in every for p in s["places"])
    got = client.get("/api/statements", params={"region": region, "kind": "any", "limit": 500}).json()
    assert got["total"] == sum(1 for s in every if region in s["places"])
    verdict = next(v["verdict"] for s in every for v in s["verdicts"])
    got = client.get("/api/statements", params={"verdict": verdict, "kind": "any", "limit": 500}).json()
    assert got["total"] >= 1 and all(any(v["verdict"] == verdict for v in s["verdicts"]) for s in got["statements"])
    word = ids["all"][0]["text"].split()[-1].strip(".,\"'")
    got = client.get("/api/statements", params={"q": word, "kind": "any", "limit": 500}).json()
    assert got["total"] == sum(1 for s in every if word.lower() in (s["text"] + (s["speaker"] or "")).lower())
    day = every[0]["published"]
    got = client.get("/api/statements", params={"from": day, "to": day, "kind": "any", "limit": 500}).json()
    assert got["total"] == sum(1 for s in every if s["published"] == day)
    none = client.get("/api/statements", params={"from": "1990-01-01", "to": "1990-01-02"}).json()
    assert none["total"] == 0 and none["statements"] == []


def test_pagination_walks_every_row_once(client, ids):
    seen, url = [], "/api/statements?kind=any&limit=2"
    while url:
        page = client.get(url).json()
        seen += [s["id"] for s in page["statements"]]
        url = page.get("next_url")
    assert len(seen) == len(set(seen)) == len(ids["all"])


def test_csv_download_of_a_table(client, ids):
    r = client.get("/api/statements", params={"_format": "csv", "kind": "any", "limit": 500})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == [s["id"] for s in ids["all"]]
    figures = client.get(f"/checks/{ids['statement']}", params={"_format": "csv"})
    assert figures.status_code == 200 and "ratio" in figures.text.splitlines()[0]


def test_check_page_shows_verdict_figures_and_claimreview(client, ids):
    data = client.get(f"/api/statements/{ids['statement']}").json()
    result = data["results"][0]
    html = client.get(f"/checks/{ids['statement']}").text
    assert f'data-verdict="{result["verdict"]}"' in html
    assert result["hypothesis"] in html.replace("&#39;", "'")
    # every DiD figure in the page is the stored one
    stored = client.get("/api/checks", params={"limit": 500}).json()["checks"]
    assert any(c["statement_id"] == ids["statement"] for c in stored)
    did = next(f for f in result["figures"] if f["kind"] == "difference in differences")
    assert f"{did['ratio']:.2f}" in html
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert blocks, "ClaimReview JSON-LD embedded"
    review = json.loads(blocks[0])
    assert review["@type"] == "ClaimReview" and review["itemReviewed"]["author"]
    assert "<svg" in html and 'class="tilemap' in html  # chart and map drawn on the server
    assert "/observations/rows?" in html  # links down to the evidence rows


def test_article_page_marks_every_statement_by_kind(client, ids):
    data = client.get(f"/api/articles/{ids['article']}").json()
    html = client.get(f"/articles/{ids['article']}").text
    marked = [s for s in data["segments"] if s["statement"]]
    assert marked and len(marked) <= len(data["statements"])
    for seg in marked:
        assert f'id="s-{seg["statement"]}"' in html and f'kind-{seg["kind"]}' in html
    assert "".join(s["text"] for s in data["segments"]) == data["text"]


def test_actor_record_adds_up(client, ids):
    data = client.get(f"/api/actors/{ids['actor']}").json()
    record = data["record"]
    pledges = [s for s in ids["all"] if s["kind"] == "pledge" and s["actor"] == ids["actor"]]
    assert record["made"] == len(pledges) == len(data["pledges"])
    mixed = sum(1 for p in data["pledges"] if p["outcome"] == "mixed")
    assert record["kept"] + record["partly_kept"] + record["broken"] + record["pending"] + mixed == record["made"]


def test_observation_series_fills_zero_days_and_lists_gaps(client, ids):
    data = client.get("/api/observations/series", params={"source": ids["source"], "region": ids["region"]}).json()
    days = [d["day"] for d in data["days"]]
    assert days == sorted(days) and len(days) == len(set(days))
    zero = sum(1 for d in data["days"] if d["rows"] == 0)
    assert zero == sum(g["days"] for g in data["gaps"])
    rows = client.get("/api/observations/rows", params={"source": ids["source"], "region": ids["region"],
                                                         "limit": 1}).json()
    assert rows["total"] == sum(d["rows"] for d in data["days"])


def test_errors_have_one_shape(client, ids):
    assert_error_shape(client.get("/api/statements/0123456789abcdef"), 404, "SD704")
    assert_error_shape(client.get("/api/statements/not-an-id"), 422, "SD701")
    assert_error_shape(client.get("/api/statements", params={"kind": "rumour"}), 422, "SD701")
    assert_error_shape(client.get("/api/statements", params={"limit": 0}), 422, "SD701")
    assert_error_shape(client.get("/api/nothing-here"), 404, "SD704")
    assert_error_shape(client.delete("/api/statements"), 405, "SD707")
    assert_error_shape(client.get("/api/statements", params={"_format": "xml"}), 400, "SD705")
    assert_error_shape(client.get("/articles/" + ids["article"], params={"_format": "xlsx"}), 400, "SD705")
    assert_error_shape(client.get("/api/jobs/unknown"), 404, "SD704")
    assert_error_shape(client.get("/files/" + "0" * 64 + "/download"), 404, "SD704")
    page = client.get("/checks/0123456789abcdef", headers={"accept": "text/html"})
    assert page.status_code == 404 and "text/html" in page.headers["content-type"] and "SD704" in page.text


def test_security_headers(client):
    r = client.get("/")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_region_map_draws_boundaries_or_tiles(monkeypatch, tmp_path):
    """With a boundary file the map is drawn from it; without one, a schematic tile map of the same regions."""
    from saydo.resolve import geo
    from saydo.serve import svg

    def reset():
        geo.configure(None)
        svg._outline_paths.cache_clear()

    shared = geo._SHARED
    monkeypatch.delenv(geo.BOUNDARIES_ENV, raising=False)
    monkeypatch.setattr(geo, "_SHARED", tmp_path / "absent.geojson")
    reset()
    try:
        tiles = str(svg.region_map(["UA-30"], ["UA-46"]))
        assert "<rect" in tiles and "<path" not in tiles and 'class="tile pledge" data-region="UA-30"' in tiles
        monkeypatch.setattr(geo, "_SHARED", shared)
        reset()
        if geo.boundaries_path() is None:
            pytest.skip("needs ../shared/data/boundaries (the boundary file the map is drawn from)")
        drawn = str(svg.region_map(["UA-30", "UA-32"], ["UA-46"]))
        assert '<path d="M' in drawn and 'class="tile pledge" data-region="UA-32"' in drawn
        assert 'class="tile control" data-region="UA-46"' in drawn
        assert drawn.count('<g class="tile') == 27  # every first-level unit of the file
        assert len(drawn) < 80_000  # simplified: a page stays light
    finally:
        monkeypatch.undo()
        reset()


@pytest.mark.parametrize("template, source, words", [
    ("reduce", "alerts.volunteer", "air-raid alerts in Kyiv City fell"),
    ("increase", "alerts.volunteer", "rose in the 14 days"),
    ("withdraw", "ucdp", "events recorded by ucdp in Kyiv City fell"),
    ("no_strike", "acled", "acled recorded no strike in Kyiv City"),
    ("no_strike", "alerts.official", "weaker evidence"),
    ("ceasefire", "alerts.volunteer", "same hours of the weeks before"),
])
def test_hypothesis_in_words_names_what_was_counted(template, source, words):
    from saydo.serve.views.statements import hypothesis_words

    result = {"start": "2022-03-29T00:00:00+00:00", "end": "2022-03-30T12:00:00+00:00", "window_days": 14,
              "template": template, "source": source}
    assert words in hypothesis_words(result, ["UA-30"])


def test_home_facet_counts_agree_with_the_filtered_lists(client):
    page = client.get("/api/statements", params={"kind": "any", "limit": 1}).json()
    facets = page["facet_counts"]
    assert {"actor", "kind", "region", "month", "verdict"} <= set(facets)
    for name in ("actor", "kind", "region", "verdict"):
        for f in facets[name]:
            if not f["href"]:
                continue
            param = {"kind": "any", name: f["value"], "limit": 1}
            total = client.get("/api/statements", params=param).json()["total"]
            assert total == f["count"], (name, f)
    html = client.get("/?kind=any").text
    assert 'class="facets"' in html and "facet-value" in html


def test_pages_answer_json_and_csv_by_suffix_as_the_docs_promise(client, ids):
    for url in ("/index.json", "/.json", f"/checks/{ids['statement']}.json", "/observations.json",
                f"/files/{ids['file']}.json", f"/observations/rows.json?source={ids['source']}"):
        r = client.get(url)
        assert r.status_code == 200 and r.json()["ok"] is True, (url, r.text[:200])
    r = client.get(f"/observations/rows.csv?source={ids['source']}&region={ids['region']}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert client.get("/openapi.json").json()["openapi"]


def test_evidence_rows_show_description_coordinates_and_source_id(client, ids):
    rows = client.get("/api/observations/rows", params={"source": ids["source"], "limit": 5}).json()["rows"]
    assert rows and {"description", "lat", "lon", "row_id"} <= set(rows[0])
    html = client.get(f"/observations/rows?source={ids['source']}").text
    for heading in ("what the source says", "coordinates", "source id"):
        assert heading in html


def test_untested_pledge_page_gives_the_stored_reason(tmp_path):
    """A Ukrainian pledge can't be checked on air-raid alerts (they warn of Russian attacks): the page says so instead
    of asking for more data."""
    from saydo import pipeline
    from saydo.store import Store
    from tests.conftest import shared_path
    from tests.serve.conftest import site_client

    article = tmp_path / "a.txt"
    article.write_text("date 2022-04-01\n\nThe Ukrainian defence ministry said its forces would reduce shelling "
                       "near Kharkiv over the next two weeks.\n", encoding="utf-8")
    db = tmp_path / "db.duckdb"
    with Store(db) as store:
        pipeline.run(store, [article], alert_paths=[shared_path("data", "air-raid-alerts",
                                                                "volunteer_data_en.csv")])
        reasons = store.query("SELECT * FROM untested")
    assert reasons and "air-raid alerts warn of Russian air attacks" in reasons[0]["reason"]
    with site_client(db, tmp_path) as client:
        page = client.get(f"/checks/{reasons[0]['statement_id']}").text
    assert "Not tested — no loaded source measures what UKR does" in page and "load observations" not in page


def test_actors_list_counts_pledges_as_the_actor_page_does(client):
    for row in client.get("/api/actors").json()["actors"]:
        if not row["actor"]:
            continue
        record = client.get(f"/api/actors/{row['actor']}").json()["record"]
        assert row["pledges"] == record["made"]
        for key in ("kept", "partly_kept", "broken", "pending"):
            assert row[key] == record[key], (row["actor"], key)
