"""Articles a careless user could give: a date no article has, a text too long to be one article. Each is refused with
a coded message and the other articles of the command still run (issue 14)."""

from __future__ import annotations

from datetime import date

import pytest

from saydo.errors import BadValue, TooLong
from saydo.ingest.articles import MAX_ARTICLE_CHARS, parse_text, read_article

TEXT = "The minister said the army would stop shelling Kharkiv."


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1989-12-31"])
def test_articles_implausible_header_dates_are_refused(day):
    with pytest.raises(BadValue) as info:
        parse_text(f"date {day}\n\n{TEXT}", name="a.txt")
    assert "1990-01-01" in info.value.line() and day in info.value.line()


def test_articles_implausible_given_date_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(BadValue):
        read_article(path, published=date(9999, 12, 31))
    assert read_article(path, published=date(2022, 3, 29)).published == date(2022, 3, 29)


def test_articles_plausible_range_ends_are_accepted():
    assert parse_text(f"date 1990-01-01\n{TEXT}", name="a.txt").published == date(1990, 1, 1)


def test_articles_a_text_too_long_for_one_article_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * (MAX_ARTICLE_CHARS // 5 + 10))  # no line break at all
    with pytest.raises(TooLong) as info:
        read_article(path)
    assert info.value.code.startswith("SD1") and "huge.txt" in info.value.line()


def test_articles_cli_far_date_is_coded_and_other_articles_still_run(cli, tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(f"date 2022-03-29\n\n{TEXT}\n", encoding="utf-8")
    bad.write_text(f"date 9999-12-31\n\n{TEXT} Again.\n", encoding="utf-8")
    code, out, err = cli("ingest", "articles", bad, good, "--db", tmp_path / "s.duckdb", "--json")
    assert code == 2, err
    assert "[SD105]" in err and "Traceback" not in err
    assert '"articles": ["good.txt"]' in out
