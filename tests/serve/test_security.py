"""Hostile input: markup in articles is shown as text, filters can't reach SQL, paths can't leave the data folder."""

from __future__ import annotations

import pytest

from tests.serve.conftest import TOKEN, assert_error_shape

AUTH = {"authorization": f"Bearer {TOKEN}"}

HOSTILE = (b"date 2022-04-02\n\n<script>alert('article')</script> Officials met on Saturday. "
           b"<img src=x onerror=\"alert('img')\"> The defence minister Sergei Petrov said Moscow would reduce "
           b"military activity near Kyiv <b onmouseover=\"alert('b')\">at once</b>.\n")


@pytest.fixture
def hostile(writer):
    r = writer.post("/api/uploads/articles", files={"file": ("hostile.txt", HOSTILE)}, headers=AUTH)
    job = writer.app.state.jobs.wait(r.json()["id"], timeout=120)
    assert job.state == "done", job.error
    return job.result


def test_markup_in_an_article_is_shown_escaped(writer, hostile):
    for url in (hostile["article_url"], "/", "/?kind=any", "/articles"):
        html = writer.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html, url
    article = writer.get(hostile["article_url"]).text
    assert "&lt;script&gt;alert(" in article and "&lt;img src=x onerror=" in article
    statements = writer.get(hostile["article_url"], params={"_format": "json"}).json()["statements"]
    assert statements, "the pledge in the hostile article is extracted"
    for s in statements:
        page = writer.get(f"/checks/{s['id']}").text
        assert "<b onmouseover" not in page and "<script>alert" not in page
    # the JSON keeps the text as it was written
    text = writer.get(hostile["article_url"], params={"_format": "json"}).json()["text"]
    assert "<script>alert('article')</script>" in text


@pytest.mark.parametrize("params", [
    {"q": "'; DROP TABLE statements; --"},
    {"q": "%' OR 1=1 --"},
    {"q": "\\'; SELECT * FROM checks; --"},
    {"q": "_%_%"},
])
def test_search_text_is_a_value_not_sql(client, params):
    before = client.get("/api/statements", params={"kind": "any"}).json()["total"]
    r = client.get("/api/statements", params={**params, "kind": "any"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/statements", params={"kind": "any"}).json()["total"] == before


@pytest.mark.parametrize("params", [
    {"actor": "RUS' OR '1'='1"}, {"region": "UA-30'; DROP TABLE observations; --"}, {"sort": "s.id; DROP TABLE x"},
    {"verdict": "kept' OR 1=1 --"}, {"limit": "1; DROP TABLE statements"}, {"from": "2022-01-01' OR 1=1"},
])
def test_structured_filters_are_validated_before_any_query(client, params):
    assert_error_shape(client.get("/api/statements", params=params), 422, "SD701")


def test_paths_cannot_escape_the_data_folder(writer, tmp_path):
    for url in ("/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2fapp.py",
                "/files/..%2f..%2fetc%2fpasswd/download"):
        r = writer.get(url)
        assert r.status_code in (404, 422), (url, r.status_code)
        assert "root:" not in r.text
    # a file loaded from outside the data folder is listed but never served
    outside = next(f for f in writer.get("/api/files").json()["files"] if f["kind"] == "observations")
    assert_error_shape(writer.get(f"/files/{outside['sha256']}/download"), 404, "SD704")
    assert writer.get(f"/api/files/{outside['sha256']}").json()["downloadable"] is False


def test_upload_names_cannot_place_files_outside_the_data_folder(writer):
    r = writer.post("/api/uploads/articles", files={"file": ("../../../escape.txt", HOSTILE)}, headers=AUTH)
    job = writer.app.state.jobs.wait(r.json()["id"], timeout=120)
    data = writer.settings.data_dir.resolve()
    saved = job.path.resolve()
    assert saved.is_relative_to(data / "uploads") and ".." not in saved.name
    assert not (data.parent / "escape.txt").exists() and not (data.parent.parent / "escape.txt").exists()


def test_settings_serve_only_regular_files_inside_the_data_folder(tmp_path):
    from saydo.serve.settings import Settings

    data = tmp_path / "data"
    data.mkdir()
    inside = data / "ok.csv"
    inside.write_text("a\n")
    secret = tmp_path / "secret.txt"
    secret.write_text("no\n")
    (data / "link.txt").symlink_to(secret)
    s = Settings.build(tmp_path / "x.duckdb", data_dir=data)
    assert s.servable(inside) == inside.resolve()
    assert s.servable(secret) is None
    assert s.servable(data / "link.txt") is None  # a link pointing out is followed, then refused
    assert s.servable(data / ".." / "secret.txt") is None
    assert s.servable(data) is None


SCHEMES = [b"javascript:alert(document.domain)", b"JaVaScRiPt:alert(1)", b"data:text/html,<b>x</b>",
           b"vbscript:msgbox(1)", b"//evil.example/x"]


@pytest.mark.parametrize("source", SCHEMES)
def test_only_http_urls_become_links(writer, source, tmp_path):
    article = b"date 2022-04-02\nsource " + source + b"\n\nThe defence minister Sergei Petrov said Moscow would " \
                                                     b"reduce military activity near Kyiv.\n"
    r = writer.post("/api/uploads/articles", files={"file": ("link.txt", article)}, headers=AUTH)
    job = writer.app.state.jobs.wait(r.json()["id"], timeout=120)
    assert job.state == "done", job.error
    page = writer.get(job.result["article_url"]).text
    assert "original</a>" not in page and 'href="javascript' not in page.lower() and 'href="data:' not in page
    assert "source: " in page  # shown as text
    for c in job.result["checks"]:
        assert "original</a>" not in writer.get(c["url"]).text
    from saydo.export.report import write_report

    report = write_report(writer.app.state.db.store(), tmp_path).read_text(encoding="utf-8")
    assert "javascript:" not in report.lower() and "data:text/html" not in report


def test_an_http_source_is_a_link_and_the_report_carries_the_policy(writer, tmp_path):
    article = (b"date 2022-04-02\nsource https://news.example.org/a?b=1&c=2\n\nThe defence minister Sergei Petrov "
               b"said Moscow would reduce military activity near Kyiv.\n")
    r = writer.post("/api/uploads/articles", files={"file": ("http.txt", article)}, headers=AUTH)
    job = writer.app.state.jobs.wait(r.json()["id"], timeout=120)
    assert job.state == "done", job.error
    assert 'href="https://news.example.org/a?b=1&amp;c=2"' in writer.get(job.result["article_url"]).text
    from saydo.export.report import STYLE, write_report
    from saydo.serve.app import SECURITY_HEADERS

    report = write_report(writer.app.state.db.store(), tmp_path).read_text(encoding="utf-8")
    assert 'href="https://news.example.org/a?b=1&amp;c=2"' in report
    import base64
    import hashlib
    import html

    meta = html.unescape(report.split('<meta http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0])

    digest = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
    app_policy = SECURITY_HEADERS["content-security-policy"]
    for directive in app_policy.split("; "):
        if directive.startswith("frame-ancestors"):
            continue  # not honoured in a meta tag
        assert directive in meta
    assert f"'sha256-{digest}'" in meta and "script-src 'self'" in meta and "unsafe-inline" not in meta


@pytest.mark.parametrize("path", ["/checks/<script>alert(1)</script>", "/api/jobs/<img src=x onerror=alert(1)>",
                                  "/nothing/<svg onload=alert(1)>", "/?_format=<script>x</script>",
                                  "/files/<script>/download", "/api/statements/\"><script>x"])
def test_no_error_body_echoes_markup(client, path):
    for accept in ("application/json", "text/html", "*/*"):
        r = client.get(path, headers={"accept": accept})
        assert r.status_code >= 400
        body = r.text.replace('<script src="/static/saydo.js" defer></script>', "")  # the page's own script
        assert "<script" not in body and "<img" not in body and "<svg" not in body, (path, accept)
        if "json" in r.headers["content-type"]:
            assert r.json()["ok"] is False  # still the one error shape, values intact for JSON readers
    long = client.get("/nothing/" + "a" * 5000)
    assert long.status_code == 404 and len(long.json()["error"]) < 400
