"""Articles: the list, and one article's text with every extracted statement marked by kind."""

from __future__ import annotations

from saydo.errors import NotFound
from saydo.serve.params import ArticleId, Limit, Offset
from saydo.serve.views import page, view
from saydo.store import views as sv


@view("/articles", api="/api/articles", template="articles.html", title="Articles", table="articles")
def articles(store, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Stored articles, newest first, with their statement and pledge counts."""
    rows, total = sv.list_articles(store, limit=limit, offset=offset)
    return {"articles": rows, **page(rows, total, limit, offset)}


@view("/articles/{article_id}", api="/api/articles/{article_id}", template="article.html", title="Article",
      table="statements")
def article(store, article_id: ArticleId) -> dict:
    """One article's text cut into segments: plain text, and statements (kind, speaker, verdicts) in order."""
    found = sv.article(store, article_id)
    if found is None:
        raise NotFound(f"no article {article_id}", hint="see /articles")
    statements = sv.article_statements(store, article_id)
    text = found.pop("text")
    return {"article": found, "text": text, "statements": statements, "segments": segments(text, statements)}


def segments(text: str, statements: list[dict]) -> list[dict]:
    """The text as a list of ``{"text", "statement"}`` pieces; a statement overlapping an earlier one is not marked
    twice (its text stays in the earlier mark)."""
    out, at = [], 0
    for s in sorted(statements, key=lambda s: (s["start_char"], -s["end_char"])):
        start, end = s["start_char"], s["end_char"]
        if start < at or end > len(text) or end <= start:
            continue
        if start > at:
            out.append({"text": text[at:start], "statement": None})
        out.append({"text": text[start:end], "statement": s["id"], "kind": s["kind"], "speaker": s["speaker"],
                    "actor": s["actor"], "verdicts": s["verdicts"]})
        at = end
    if at < len(text):
        out.append({"text": text[at:], "statement": None})
    return out
