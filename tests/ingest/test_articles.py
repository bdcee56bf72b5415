"""Reading articles: header lines, offsets, HTML, and the bad inputs a user can give."""

from __future__ import annotations

from datetime import date

import pytest

from saydo.errors import BadValue, BinaryFile, EmptyFile, MissingFile
from saydo.ingest.articles import parse_text, read_article
from tests.conftest import shared_path


def test_articles_date_token_shares_line_with_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2022-03-29 A caption runs on.\n\nThe body follows.", encoding="utf-8")
    article = read_article(path)
    assert article.published == date(2022, 3, 29)
    assert article.text.startswith("A caption runs on.")


def test_articles_corpus_header_with_source_and_blank_line():
    text = "date 2022-03-05\nsource https://example.org/x\n\n date 2022-03-05 Body text here.\n"
    article = parse_text(text, name="x.txt")
    assert article.published == date(2022, 3, 5)
    assert article.source_url == "https://example.org/x"
    assert article.text == "Body text here.\n"


def test_articles_without_header_use_given_date():
    article = parse_text("Just text.", name="x.txt", published=date(2023, 1, 6))
    assert article.published == date(2023, 1, 6)
    assert article.text == "Just text."


def test_articles_same_text_same_id(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("date 2022-01-01\nSame words.", encoding="utf-8")
    b.write_text("date 2022-01-01\nSame words.", encoding="utf-8")
    assert read_article(a).id == read_article(b).id


def test_articles_bad_date_is_coded_error():
    with pytest.raises(BadValue) as err:
        parse_text("date 2022-13-45\nText", name="x.txt")
    assert "[SD105]" in str(err.value)


def test_articles_missing_empty_binary(tmp_path):
    with pytest.raises(MissingFile):
        read_article(tmp_path / "nope.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(EmptyFile):
        read_article(empty)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(BinaryFile):
        read_article(binary)
    header_only = tmp_path / "header.txt"
    header_only.write_text("date 2022-01-01\nsource http://x\n\n", encoding="utf-8")
    with pytest.raises(EmptyFile):
        read_article(header_only)


def test_articles_html_main_text(tmp_path):
    page = tmp_path / "page.html"
    body = " ".join(["The minister said the ministry would cut activity near the city."] * 5)
    page.write_text(
        "<html><head><title>T</title><meta property='article:published_time' content='2022-03-29'></head>"
        f"<body><nav>Menu Home About</nav><article><h1>Headline</h1><p>{body}</p></article>"
        "<footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    assert article.format == "html"
    assert "cut activity near the city" in article.text
    assert "Menu Home About" not in article.text


def test_articles_founding_example_reads():
    path = shared_path("examples", "kyiv-2022-03-29.txt")
    article = read_article(path)
    assert article.published == date(2022, 3, 29)
    assert "Fomin" in article.text
    assert not article.text.startswith(" date")


def test_articles_table_of_csv_rows_gives_one_article_per_row(tmp_path):
    from saydo.ingest.articles import read_article_table

    path = tmp_path / "press.csv"
    path.write_text('link,headline,date,body\nhttp://example.org/a,First,2022-03-01 10:00,"Line one.\n\nLine two."\n'
                    'http://example.org/b,Second,,\nhttp://example.org/c,Third,not a date,Third text.\n',
                    encoding="utf-8")
    articles, problems = read_article_table(path)
    assert [a.name for a in articles] == ["press.csv#2", "press.csv#6"]
    assert articles[0].text == "Line one.\n\nLine two." and articles[0].published == date(2022, 3, 1)
    assert articles[0].source_url == "http://example.org/a" and articles[0].title == "First"
    assert articles[1].published is None
    assert problems == [(5, "no text: the row has no body or text or content value")]


def test_articles_table_of_json_lines_keeps_bad_lines_with_reasons(tmp_path):
    from saydo.ingest.articles import read_article_table

    path = tmp_path / "press.jsonl"
    path.write_text('{"url": "http://example.org/a", "title": "T", "date": "2023-01-06", "text": "Some text."}\n'
                    "not json\n[1, 2]\n", encoding="utf-8")
    articles, problems = read_article_table(path)
    assert len(articles) == 1 and articles[0].published == date(2023, 1, 6)
    assert [line for line, _ in problems] == [2, 3]


def test_articles_table_without_a_body_column_is_a_coded_error(tmp_path):
    from saydo.errors import BadHeader
    from saydo.ingest.articles import read_article_table

    path = tmp_path / "press.csv"
    path.write_text("link,headline\nhttp://example.org/a,First\n", encoding="utf-8")
    with pytest.raises(BadHeader):
        read_article_table(path)


def test_articles_a_partial_date_marker_after_the_header_is_body_text():
    text = "date 2022-04-20\nsource https://example.org/x\n\n date 2022-04 A Title In Capitals\n\nBody text here.\n"
    article = parse_text(text, name="x.txt")
    assert article.published == date(2022, 4, 20)
    assert article.text.lstrip().startswith("date 2022-04 A Title")  # kept as the page had it
