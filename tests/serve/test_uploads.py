"""Writes over HTTP: the token, read-only servers, size limits, and uploads running the real pipeline as jobs."""

from __future__ import annotations

from importlib.resources import files

import pytest

from tests.conftest import shared_path
from tests.serve.conftest import TOKEN, assert_error_shape

AUTH = {"authorization": f"Bearer {TOKEN}"}

ARTICLE = (b"date 2022-03-29\n\nOfficials met for talks on Tuesday. Russia's deputy defence minister Alexander "
           b"Fomin said Moscow would radically reduce military activity near Kyiv and Chernihiv.\n")


def bundled_alerts() -> bytes:
    """The alert extract bundled with the demo (reduced from the MIT-licensed volunteer log)."""
    folder = files("saydo") / "data" / "demo"
    name = next(p.name for p in folder.iterdir() if p.name.endswith(".csv"))
    return (folder / name).read_bytes()


def wait_done(client, response) -> dict:
    assert response.status_code == 202, response.text
    job = response.json()
    assert job["state"] in ("queued", "running", "done") and job["api_url"] == f"/api/jobs/{job['id']}"
    client.app.state.jobs.wait(job["id"], timeout=120)
    return client.get(job["api_url"]).json()


def test_read_only_server_refuses_writes(client):
    r = client.post("/api/uploads/articles", files={"file": ("a.txt", ARTICLE)}, headers=AUTH)
    body = assert_error_shape(r, 403, "SD703")
    assert "read-only" in body["error"]


def test_writes_need_the_right_token(writer):
    assert_error_shape(writer.post("/api/uploads/articles", files={"file": ("a.txt", ARTICLE)}), 401, "SD702")
    wrong = {"authorization": "Bearer " + TOKEN[:-1] + "x"}
    assert_error_shape(writer.post("/api/uploads/articles", files={"file": ("a.txt", ARTICLE)}, headers=wrong),
                       401, "SD702")
    assert_error_shape(writer.post("/api/uploads/articles", files={"file": ("a.txt", ARTICLE)},
                                   data={"token": "nope"}), 401, "SD702")
    assert writer.get("/api/jobs").json()["jobs"] == []


def test_token_compare_is_constant_time(monkeypatch):
    import hmac

    from saydo.serve.settings import Settings

    calls = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    s = Settings.build("x.duckdb", token="abc-0123456789-xyz")
    assert s.token_matches("abc-0123456789-xyz") and not s.token_matches("abd-0123456789-xyz") and len(calls) == 2


@pytest.mark.parametrize("token", ["x", "short-token", " " * 20 + "abc"])
def test_a_short_token_is_refused_at_start(token):
    from saydo.errors import WeakToken
    from saydo.serve.settings import Settings

    with pytest.raises(WeakToken) as refused:
        Settings.build("x.duckdb", token=token)
    assert refused.value.code == "SD601" and "16" in str(refused.value)


def _post_counting(app, path: str, headers: dict, chunks: list[bytes]) -> tuple[int, dict, int]:
    """POST ``chunks`` to the real app over ASGI, one receive() each; the status, JSON body and chunks it read."""
    import anyio

    read, sent = [0], []

    async def receive():
        read[0] += 1
        if read[0] <= len(chunks):
            return {"type": "http.request", "body": chunks[read[0] - 1], "more_body": read[0] < len(chunks)}
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(k.encode(), v.encode()) for k, v in headers.items()], "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 80)}
    anyio.run(app, scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    import json

    return status, json.loads(body), read[0]


def test_the_token_is_checked_before_the_body_is_read(writer):
    """A write with a wrong or missing token is refused having read no more than the form fields before the file."""
    app = writer.app
    boundary = "b0undary"
    form = {"content-type": f"multipart/form-data; boundary={boundary}"}
    file_part = f'--{boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'.encode()
    rest = [b"z" * 4096] * 50

    status, body, read = _post_counting(app, "/api/uploads/articles", form, [file_part, *rest])
    assert (status, body["code"], read) == (401, "SD702", 1) and "before any file" in body["error"]

    wrong = {**form, "authorization": "Bearer " + "w" * 30}
    status, body, read = _post_counting(app, "/api/uploads/articles", wrong, [file_part, *rest])
    assert (status, body["code"], read) == (401, "SD702", 0)

    token_first = f'--{boundary}\r\ncontent-disposition: form-data; name="token"\r\n\r\n'.encode()
    status, body, read = _post_counting(app, "/api/uploads/articles", form,
                                        [token_first, b"not-the-", b"token\r\n", file_part, *rest])
    assert (status, body["code"], read) == (401, "SD702", 4)  # up to the next part's delimiter, none of the file

    status, body, read = _post_counting(app, "/api/statements/0123456789abcdef/notes",
                                        {"content-type": "application/json"}, [b'{"token": "x"}'])
    assert (status, body["code"]) == (401, "SD702")
    assert writer.get("/api/jobs").json()["jobs"] == []


def test_the_token_field_is_found_in_a_form_read_so_far():
    from saydo.serve.guard import UNDECIDED, form_token

    kind = "multipart/form-data; boundary=XY"
    date = b'--XY\r\ncontent-disposition: form-data; name="date"\r\n\r\n2022-03-29\r\n'
    token = b'--XY\r\nContent-Disposition: form-data; name="token"\r\n\r\nsecret-value\r\n'
    upload = b'--XY\r\ncontent-disposition: form-data; name="file"; filename="f.txt"\r\n\r\nbody\r\n--XY--\r\n'
    assert form_token(kind, date + token + upload, complete=True) == "secret-value"
    assert form_token(kind, date + token[:60], complete=False) is UNDECIDED
    assert form_token(kind, date + token, complete=False) is UNDECIDED  # the value may continue
    assert form_token(kind, date + token + b"--XY", complete=False) == "secret-value"
    assert form_token(kind, date + upload + token, complete=True) is None
    assert form_token(kind, date + b"--XY--\r\n", complete=True) is None
    assert form_token("application/x-www-form-urlencoded", b"why=x&token=t%C3%A9st", complete=True) == "t\u00e9st"
    assert form_token("application/x-www-form-urlencoded", b"why=x&tok", complete=False) is UNDECIDED
    assert form_token("text/plain", b"token=x", complete=True) is None


def test_a_form_with_the_token_first_uploads(writer):
    files = {"file": ("a.txt", ARTICLE)}
    r = writer.post("/api/uploads/articles", data={"token": TOKEN}, files=files, headers={"accept": "application/json"})
    assert r.status_code == 202, r.text
    assert writer.app.state.jobs.wait(r.json()["id"], timeout=120).state == "done"


def test_article_upload_runs_the_pipeline(writer):
    before = writer.get("/api/articles").json()["total"]
    job = wait_done(writer, writer.post("/api/uploads/articles", files={"file": ("talks.txt", ARTICLE)},
                                        headers=AUTH))
    assert job["state"] == "done", job
    assert job["result"]["statements"] >= 1 and job["result"]["pledges"] >= 1
    assert writer.get("/api/articles").json()["total"] == before + 1
    article = writer.get(job["result"]["article_url"], params={"_format": "json"}).json()
    assert any(s["kind"] == "pledge" and "Fomin" in (s["speaker"] or "") for s in article["statements"])
    page = writer.get(f"/jobs/{job['id']}")
    assert page.status_code == 200 and "done" in page.text
    # the same file again adds no article (content hash)
    again = wait_done(writer, writer.post("/api/uploads/articles", files={"file": ("talks.txt", ARTICLE)},
                                          headers=AUTH))
    assert again["state"] == "done" and writer.get("/api/articles").json()["total"] == before + 1


def test_form_post_with_token_field_goes_to_the_job_page(writer):
    r = writer.post("/api/uploads/articles", files={"file": ("talks.txt", ARTICLE)}, data={"token": TOKEN},
                    headers={"accept": "text/html"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/jobs/")
    writer.app.state.jobs.wait(r.headers["location"].rsplit("/", 1)[1])


def test_observation_upload_loads_rows_and_keeps_rejects(writer):
    data = bundled_alerts()
    lines = data.decode().splitlines()
    bad = lines[0] + "\n" + "\n".join(lines[1:40]) + "\nKyivska oblast,not a time,2022-03-01 10:00:00,x\n"
    job = wait_done(writer, writer.post("/api/uploads/observations", files={"file": ("alerts.csv", bad.encode())},
                                        data={"source": "alerts.upload"}, headers=AUTH))
    assert job["state"] == "done", job
    result = job["result"]
    assert result["loaded"] + result["duplicate"] == 39 and result["rejected"] == 1
    assert result["source"] == "alerts.upload"
    sha = next(f["sha256"] for f in writer.get("/api/files").json()["files"] if f["source"] == "alerts.upload")
    rejects = writer.get(f"/api/files/{sha}").json()["rejects"]
    assert len(rejects) == 1 and rejects[0]["line"] == 41 and rejects[0]["reason"]
    download = writer.get(f"/files/{sha}/download")  # uploads lie in the data folder, so they can be fetched
    assert download.status_code == 200 and download.content == bad.encode()


def test_bad_uploads_are_refused_with_a_reason(writer):
    assert_error_shape(writer.post("/api/uploads/articles", files={"file": ("e.txt", b"")}, headers=AUTH),
                       400, "SD102")
    assert_error_shape(writer.post("/api/uploads/observations", files={"file": ("x.csv", b"a,b\n1,2\n")},
                                   data={"format": "no-such-format"}, headers=AUTH), 400, "SD107")
    assert_error_shape(writer.post("/api/uploads/articles", files={"file": ("a.txt", ARTICLE)},
                                   data={"date": "29/03/2022"}, headers=AUTH), 400, "SD105")
    job = wait_done(writer, writer.post("/api/uploads/observations", files={"file": ("x.csv", b"a,b\n1,2\n")},
                                        headers=AUTH))
    assert job["state"] == "failed" and job["error"].startswith("[SD107]")


def test_oversized_bodies_are_refused_before_reading(writer):
    big = b"x" * (300 * 1024)  # the writer fixture's limit is 256 KiB
    body = assert_error_shape(writer.post("/api/uploads/articles", files={"file": ("big.txt", big)}, headers=AUTH),
                              413, "SD713")
    assert "limit" in body["error"]

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(40):
            yield b"y" * 10_000

    r = writer.post("/api/uploads/articles", content=chunks(),
                    headers={**AUTH, "content-type": "multipart/form-data; boundary=zzz"})
    assert_error_shape(r, 413, "SD713")
    assert writer.get("/api/jobs").json()["jobs"] == []


@pytest.mark.shared
def test_upload_of_real_official_alert_log_slice(writer, tmp_path):
    """A slice of the real official alert log, uploaded: rows land with provenance, re-upload adds nothing."""
    source = shared_path("data", "air-raid-alerts", "official_data_en.csv")
    with source.open("rb") as fh:
        head = b"".join(fh.readline() for _ in range(2001))
    first = wait_done(writer, writer.post("/api/uploads/observations", files={"file": ("official.csv", head)},
                                          headers=AUTH))
    assert first["state"] == "done" and first["result"]["loaded"] > 0, first
    assert first["result"]["loaded"] + first["result"]["rejected"] + first["result"]["duplicate"] + \
        first["result"].get("out_of_scope", 0) == 2000
    source_name = first["result"]["source"]
    stored = writer.get("/api/observations/rows", params={"source": source_name, "limit": 1}).json()["total"]
    assert stored == first["result"]["loaded"]
    again = wait_done(writer, writer.post("/api/uploads/observations", files={"file": ("official.csv", head)},
                                          headers=AUTH))
    assert again["state"] == "done" and again["result"]["already_loaded"] is True
    assert writer.get("/api/observations/rows", params={"source": source_name, "limit": 1}).json()["total"] == stored


@pytest.mark.shared
def test_withdrawal_check_page_shows_the_national_territory_figure(writer):
    """Upload the real territory series, then an article with a withdrawal pledge: its check page shows the held
    area beside the verdict, marked national."""
    series = shared_path("data", "territory", "liveuamap-russian-held-area.csv")
    loaded = wait_done(writer, writer.post("/api/uploads/observations",
                                           files={"file": ("territory.csv", series.read_bytes())}, headers=AUTH))
    assert loaded["state"] == "done" and loaded["result"]["format"] == "territory", loaded
    text = (b"date 2022-03-29\n\nRussia's deputy defence minister Alexander Fomin said Russian forces would pull "
            b"back from Kyiv and Chernihiv.\n")
    job = wait_done(writer, writer.post("/api/uploads/articles", files={"file": ("pullback.txt", text)},
                                        headers=AUTH))
    assert job["state"] == "done" and job["result"]["checks"], job
    statement = job["result"]["checks"][0]["statement"]
    data = writer.get(f"/api/statements/{statement}").json()
    result = data["results"][0]
    assert result["template"] == "withdraw" and result["territory"], result
    territory = result["territory"][0]
    html = writer.get(f"/checks/{statement}").text
    assert "Territory (national, supporting evidence only)" in html
    assert f'data-source="{territory["source"]}"' in html
    if territory["start"]["area_km2"] is not None:
        assert f'{int(territory["start"]["area_km2"]):,}' in html
