"""Editors' corrections over HTTP: behind the token, the CLI's library, shown on the check page."""

from __future__ import annotations

import pytest

from tests.serve.conftest import TOKEN, site_client


@pytest.fixture
def client(demo_db_file, tmp_path):
    with site_client(demo_db_file, tmp_path, token=TOKEN) as c:
        yield c


def _pledge(client) -> dict:
    return client.get("/api/statements", params={"kind": "pledge"}).json()["statements"][0]


def test_editing_correction_needs_the_token(client):
    pledge = _pledge(client)
    r = client.post(f"/api/statements/{pledge['id']}/corrections", data={"kind": "claim", "why": "x",
                                                                         "editor": "ed"})
    assert r.status_code == 401 and r.json()["code"] == "SD702"


def test_editing_correction_is_audited_rechecked_and_shown(client):
    pledge = _pledge(client)
    r = client.post(f"/api/statements/{pledge['id']}/corrections",
                    data={"places": "UA-74", "why": "only Chernihiv oblast is meant", "editor": "Desk editor"},
                    headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["edits"][0]["machine"] == pledge["places"] and body["edits"][0]["value"] == ["UA-74"]
    assert body["checks"]
    after = client.get(f"/api/statements/{pledge['id']}").json()
    assert after["statement"]["places"] == ["UA-74"] and after["edits"][0]["editor"] == "Desk editor"
    page = client.get(f"/checks/{pledge['id']}").text
    assert "Corrected by an editor" in page and "only Chernihiv oblast is meant" in page
    r = client.post(f"/api/statements/{pledge['id']}/notes", data={"text": "Checked against a second outlet.",
                                                                   "editor": "ed", "token": TOKEN})
    assert r.status_code == 200
    assert "Checked against a second outlet." in client.get(f"/checks/{pledge['id']}").text


def test_editing_bad_values_are_the_one_error_shape(client):
    pledge = _pledge(client)
    r = client.post(f"/api/statements/{pledge['id']}/corrections",
                    data={"places": "UA-99", "why": "x", "editor": "ed", "token": TOKEN})
    assert r.status_code == 400 and r.json()["ok"] is False and r.json()["code"] == "SD105"
    r = client.post(f"/api/statements/{pledge['id']}/merge", data={"into": pledge["id"], "editor": "ed",
                                                                   "token": TOKEN})
    assert r.status_code == 400 and "itself" in r.json()["error"]


def test_editing_form_from_a_page_comes_back_to_it(client):
    pledge = _pledge(client)
    r = client.post(f"/api/statements/{pledge['id']}/corrections", follow_redirects=False,
                    data={"kind": "claim", "why": "a description, not a commitment", "editor": "ed",
                          "token": TOKEN}, headers={"accept": "text/html"})
    assert r.status_code == 303 and r.headers["location"] == f"/checks/{pledge['id']}#editing"
    listed = client.get("/api/statements", params={"kind": "claim", "limit": 500}).json()["statements"]
    assert pledge["id"] in {s["id"] for s in listed}
