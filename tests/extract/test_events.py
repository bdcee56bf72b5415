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


def test_events_extract_events_and_news_writer(store, nlp):
    from saydo.extract import extract_events
    from saydo.store.news import save_news_events

    article = parse_text(TEXT, name="report.txt", published=date(2022, 3, 31))
    events = extract_events(article, nlp=nlp)
    assert {(e.source, e.region, e.event_type) for e in events} == {("news", "UA-48", "airstrike"),
                                                                    ("news", "UA-63", "shelling")}
    for e in events:
        assert e.description == article.text[e.span_start:e.span_end].strip()[:300]
        assert e.file == "report.txt" and e.article_id == article.id and e.geo_method == "text"
    assert save_news_events(store, article, events) == (2, 0)
    assert save_news_events(store, article, events) == (0, 2)


def test_events_none_without_publication_date(nlp):
    from saydo.extract import extract_events

    assert extract_events(parse_text(TEXT, name="undated.txt"), nlp=nlp) == []


def test_events_public_api_exports():
    import saydo.extract

    assert set(saydo.extract.__all__) == {"extract", "extract_many", "extract_events", "extraction_note",
                                            "load_nlp"}
