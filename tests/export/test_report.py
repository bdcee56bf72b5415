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

    with resources.as_file(resources.files("saydo.data.demo").joinpath("alerts-volunteer-2022.csv")) as alerts:
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


def test_report_has_a_summary_contents_and_charts_for_event_data(store, tmp_path):
    from tests.conftest import shared_path

    load_observations(store, shared_path("data", "events", "cir-eyes-on-russia.csv"))
    text = "The Russian defence ministry said its forces would sharply reduce strikes on Kharkiv from Friday."
    article = Article(id=Article.make_id(text), name="kharkiv.txt", path="kharkiv.txt", text=text,
                      published=date(2022, 5, 6))
    save_article(store, article)
    pledge = Statement(article=article.name, article_id=article.id, published=article.published,
                       speaker="Russian defence ministry", actor="RUS", kind="pledge", quote="indirect", text=text,
                       start=0, end=len(text), places=("UA-63",))
    save_statements(store, article.id, [pledge])
    checks = check_pledges(store, [pledge])[0]
    assert checks and all(c.source == "cir" for c in checks)
    for check in checks:
        save_check(store, check)
    page = write_report(store, tmp_path).read_text(encoding="utf-8")
    assert "<h2 id=summary>Summary</h2>" in page and "<nav class=toc" in page
    assert "href='#check-1'" in page and "id='check-1'" in page
    assert "alt='hostile events recorded per region per day" in page
    assert page.count("data:image/png;base64,") == len(checks)
