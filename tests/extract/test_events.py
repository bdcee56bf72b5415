"""Events an article reports become observations of source 'news' that cite the article and the span."""

from __future__ import annotations

from datetime import date

from saydo import pipeline
from saydo.ingest.articles import parse_text

TEXT = ("KYIV, Ukraine (AP) — Officials met on Thursday.\n\n"
        "On Tuesday an airstrike destroyed a school in Mykolaiv, the regional governor said.\n\n"
        "Artillery shelled villages near Kharkiv overnight.\n\n"
        "Officials warned that missiles could hit Odesa next week.")


def test_events_reported_strikes_are_news_observations(store):
    article = parse_text(TEXT, name="report.txt", published=date(2022, 3, 31))  # a Thursday
    from saydo.store.articles import save_article

    save_article(store, article)
    pipeline.extract_articles(store, [article])
    rows = store.query("SELECT region, event_type, started_at, span_start, span_end, file, source "
                       "FROM observations ORDER BY span_start")
    assert [(r["region"], r["event_type"]) for r in rows] == [("UA-48", "airstrike"), ("UA-63", "shelling")]
    assert all(r["source"] == "news" and r["file"] == "report.txt" for r in rows)
    assert rows[0]["started_at"].date() == date(2022, 3, 29)  # "on Tuesday" before a Thursday publication
    first = rows[0]
    assert "airstrike destroyed a school" in article.text[first["span_start"]:first["span_end"]]
    pipeline.extract_articles(store, [article])  # extracting again adds nothing
    assert store.query("SELECT count(*) AS n FROM observations")[0]["n"] == 2
