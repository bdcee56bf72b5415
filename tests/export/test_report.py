"""The HTML report: self-contained (nothing loaded from elsewhere), escaped, one section per check with a chart."""

from __future__ import annotations

import re
from datetime import date

from saydo.check import check_pledges
from saydo.export.report import write_report
from saydo.ingest.observations import load_observations
from saydo.records import Article, Statement
from saydo.store.articles import save_article, save_statements
from saydo.store.checks import save_check


def test_report_is_self_contained_and_escaped(store, tmp_path):
    from importlib import resources

    with resources.as_file(resources.files("saydo.data.demo").joinpath("alerts-volunteer-2022-03.csv")) as alerts:
        load_observations(store, alerts)
    text = 'The <script>alert("x")</script> ministry said Moscow would radically reduce activity near Kyiv.'
    article = Article(id=Article.make_id(text), name="<b>a</b>.txt", path="a.txt", text=text,
                      published=date(2022, 3, 29))
    save_article(store, article)
    pledge = Statement(article=article.name, article_id=article.id, published=article.published,
                       speaker='Minister "<img src=x onerror=alert(1)>"', actor="RUS", kind="pledge",
                       quote="indirect", text=text, start=0, end=len(text), places=("UA-30", "UA-32"))
    save_statements(store, article.id, [pledge])
    for check in check_pledges(store, [pledge])[0]:
        save_check(store, check)
    page = write_report(store, tmp_path).read_text(encoding="utf-8")
    assert "<script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x" in page
    assert not re.search(r"(src|href)=['\"]?(https?:)?//", page), "the report must load nothing from elsewhere"
    assert page.count("data:image/png;base64,") == 1
    assert "difference in differences" in page
