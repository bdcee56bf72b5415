from __future__ import annotations

import pytest

from saydo.records.links import http_url, url_pieces


@pytest.mark.parametrize("value", ["javascript:alert(1)", "data:text/html,<b>x</b>", "http://", "ftp://example.org/a",
                                   "https://exa mple.org/", "//example.org/a", None, 42])
def test_links_refuse_what_a_browser_must_not_follow(value):
    assert http_url(value) is None


def test_links_cut_a_description_into_words_and_urls():
    text = "Strike on a depot near the town. https://news.example.org/a?b=1&c=2, see also http://example.net/x)."
    assert url_pieces(text) == [("Strike on a depot near the town. ", None),
                                ("https://news.example.org/a?b=1&c=2", "https://news.example.org/a?b=1&c=2"),
                                (", see also ", None), ("http://example.net/x", "http://example.net/x"), (").", None)]


def test_links_leave_text_without_a_followable_url_as_it_is():
    text = "javascript:alert(1) and https:// and data:text/html,x"
    assert url_pieces(text) == [(text, None)]
    assert url_pieces("") == [] and url_pieces(None) == []
