"""Articles from what people have: folders, tables, RSS and Atom feeds, and (only with --fetch) URLs."""

from __future__ import annotations

import threading
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from saydo.ingest.inputs import NO_DATE, expand, read_inputs

STORY = "date 2024-05-02\n\nThe regional governor said the shelters would stay open through the weekend.\n"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Shelters stay open</title><link>https://example.org/a</link>
<pubDate>Thu, 02 May 2024 09:30:00 +0000</pubDate>
<content:encoded><![CDATA[<p>The governor said the shelters would stay open.</p><p>She added more buses.</p>]]>
</content:encoded></item>
<item><title>Empty</title><link>https://example.org/b</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
<entry><title>Talks resume</title><link rel="alternate" href="https://example.org/c"/>
<updated>2024-06-01T08:00:00Z</updated>
<summary type="html">&lt;p&gt;The envoy said talks would resume.&lt;/p&gt;</summary>
</entry></feed>"""


def _labels(items):
    return [i.label for i in items]


def test_inputs_folder_is_read_recursively_by_extension(tmp_path):
    (tmp_path / "news" / "deep").mkdir(parents=True)
    (tmp_path / "news" / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "news" / "deep" / "b.txt").write_text(STORY.replace("2024-05-02", "2024-05-03"), encoding="utf-8")
    (tmp_path / "news" / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "news" / ".hidden.txt").write_text(STORY, encoding="utf-8")
    files, notes = expand([tmp_path / "news"])
    assert [f.rsplit("/", 1)[1] for f in files] == ["a.txt", "b.txt"]
    assert notes == [f"1 .png file(s) skipped in {tmp_path / 'news'}/ (saydo reads "
                     ".txt, .text, .html, .htm, .csv, .jsonl, .ndjson, .parquet, .rss, .atom, .xml)"]
    items = list(read_inputs(files))
    assert all(i.article is not None and not i.warnings for i in items)


def test_inputs_table_rows_and_missing_dates(tmp_path):
    table = tmp_path / "press.csv"
    table.write_text("link,headline,date,body\nhttps://example.org/1,One,,\"The mayor said the bridge would reopen.\"\n"
                     "https://example.org/2,Two,2024-01-02,\n", encoding="utf-8")
    items = list(read_inputs([table]))
    assert _labels(items) == ["press.csv#2", "press.csv#3"]
    assert items[0].article is not None and items[0].warnings == [NO_DATE]
    assert items[1].error is not None and "no text" in items[1].error.line()
    dated = list(read_inputs([table], published=date(2024, 1, 5)))
    assert dated[0].article.published == date(2024, 1, 5) and not dated[0].warnings


def test_inputs_rss_and_atom_items_become_articles(tmp_path):
    rss, atom = tmp_path / "wire.rss", tmp_path / "desk.xml"
    rss.write_text(RSS, encoding="utf-8")
    atom.write_text(ATOM, encoding="utf-8")
    items = list(read_inputs([rss, atom]))
    assert _labels(items) == ["wire.rss#item-1", "wire.rss#item-2", "desk.xml#item-1"]
    first, empty, entry = items
    assert first.article.text == "The governor said the shelters would stay open.\n\nShe added more buses."
    assert first.article.published == date(2024, 5, 2) and first.article.source_url == "https://example.org/a"
    assert empty.error is not None and "no text" in empty.error.line()
    assert entry.article.text == "The envoy said talks would resume." and entry.article.published == date(2024, 6, 1)


def test_inputs_feed_with_a_doctype_is_refused(tmp_path):
    feed = tmp_path / "bomb.rss"
    feed.write_text('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel/></rss>',
                    encoding="utf-8")
    (item,) = read_inputs([feed])
    assert item.error is not None and "[SD105]" in item.error.line()


def test_inputs_url_needs_fetch_and_unsupported_types_say_so(tmp_path):
    (url,) = read_inputs(["https://example.org/story"])
    assert url.error is not None and "--fetch" in url.error.line()
    sheet = tmp_path / "notes.docx"
    sheet.write_text("some words", encoding="utf-8")
    (doc,) = read_inputs([sheet])
    assert doc.error is not None and "does not read .docx" in doc.error.line()
    (missing,) = read_inputs([tmp_path / "gone.txt"])
    assert "[SD101]" in missing.error.line()


@pytest.fixture
def local_site(tmp_path):
    (tmp_path / "story.html").write_text(
        "<html><head><title>Shelters</title></head><body><article><h1>Shelters stay open</h1>"
        "<p>The regional governor said on Thursday that every shelter in the city would stay open through the "
        "weekend, and that more buses would run between the districts.</p>"
        "<p>Residents were asked to keep their phones charged and to follow the local channels.</p>"
        "</article></body></html>", encoding="utf-8")
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a, **k: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_inputs_fetch_reads_a_page_from_a_local_server(local_site):
    (page,) = read_inputs([f"{local_site}/story.html"], fetch=True, published=date(2024, 5, 2))
    assert page.error is None, page.error and page.error.line()
    assert "every shelter in the city would stay open" in page.article.text
    assert page.article.source_url.endswith("/story.html")
    (missing,) = read_inputs([f"{local_site}/nothing.html"], fetch=True)
    assert missing.error is not None and "404" in missing.error.line()
    (bad,) = read_inputs(["ftp://example.org/x"], fetch=True)
    assert bad.error is not None and "only http and https" in bad.error.line()
