"""The library's main jobs, used by the CLI, the HTTP API and Python callers alike.

``run`` ingests articles and observation files, extracts statements, checks every testable pledge and returns one
result whose ``to_json`` is the contract other tools read: ``{"statements": [...], "checks": [...]}``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from saydo.errors import SaydoError
from saydo.ingest.articles import read_article
from saydo.ingest.observations import LoadReport, load_observations
from saydo.records import Article, Check, Statement
from saydo.store import Store
from saydo.store.articles import load_statements, save_article, save_statements
from saydo.store.checks import save_checks


@dataclass
class RunResult:
    statements: list[Statement] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    untestable: list[tuple[Statement, str]] = field(default_factory=list)
    loads: list[LoadReport] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    errors: list[SaydoError] = field(default_factory=list)  # files that could not be read (the rest still ran)

    def to_json(self) -> dict:
        return {
            "statements": [s.to_json() for s in self.statements],
            "checks": [c.to_json() for c in self.checks],
            "untestable": [{"statement": s.id, "reason": reason} for s, reason in self.untestable],
        }


def ingest_articles(store: Store, paths: Iterable[str | Path], *, published: date | None = None) -> list[Article]:
    """Read and store articles; a file already stored (same text) is read but not stored again."""
    articles = []
    for path in paths:
        article = read_article(path, published=published)
        save_article(store, article)
        articles.append(article)
    return articles


def reject_article(store: Store, path: str | Path, error: SaydoError) -> None:
    """Keep the reason an article file could not be read, beside the rejected observation rows."""
    from saydo.records import Reject
    from saydo.store.observations import insert_rejects

    insert_rejects(store, [Reject(source="articles", file=str(path), line=None, reason=error.line())], None)


def extract_articles(store: Store | None, articles: list[Article], *, n_process: int = 1,
                     progress: Callable[[int], None] | None = None) -> list[Statement]:
    """Extract statements from each article; with a store, replace the article's stored statements."""
    from saydo.extract import extract_many

    found: list[Statement] = []
    events: list = []
    for i, (article, statements) in enumerate(zip(articles, extract_many(articles, n_process=n_process,
                                                                          events=events)), 1):
        if store is not None:  # statements, news events and the done mark: one transaction per article
            save_statements(store, article.id, statements, [e for e in events if e.article_id == article.id])
        found.extend(statements)
        if progress:
            progress(i)
    return found


def resume_articles(store: Store, *, progress: Callable[[int], None] | None = None) -> list[Statement]:
    """Extract the articles an interrupted batch left without statements (read back from the store)."""
    from saydo.store.articles import load_article, unfinished_articles

    articles = [a for a in (load_article(store, row["id"]) for row in unfinished_articles(store)) if a is not None]
    return extract_articles(store, articles, progress=progress) if articles else []


def ingest_observation_files(store: Store, paths: Iterable[str | Path], *, fmt: str | None = None,
                             source: str | None = None) -> list[LoadReport]:
    return [load_observations(store, p, fmt=fmt, source=source) for p in paths]


def check_statements(store: Store, statements: list[Statement], *, window_days: int = 14,
                     as_of: datetime | None = None, sources: list[str] | None = None
                     ) -> tuple[list[Check], list[tuple[Statement, str]]]:
    """Check every testable pledge against every observation source (never summing sources); store each result."""
    checks, untestable, _ = check_and_store(store, statements, window_days=window_days, as_of=as_of,
                                            sources=sources)
    return checks, untestable


def check_and_store(store: Store, statements: list[Statement], *, window_days: int = 14,
                    as_of: datetime | None = None, sources: list[str] | None = None
                    ) -> tuple[list[Check], list[tuple[Statement, str]], list[dict]]:
    """``check_statements``, and for each result stored anew its version and the verdict it replaces (reused
    results, whose inputs have not changed, are already stored and are not stored again)."""
    from saydo.check import check_pledges

    checks, untestable = check_pledges(store, statements, window_days=window_days, as_of=as_of, sources=sources)
    versions = save_checks(store, [c for c in checks if not c.reused])
    return checks, untestable, versions


def read_articles(store: Store, paths: Iterable[str | Path], *, published: date | None = None
                  ) -> tuple[list[Article], list[SaydoError]]:
    """Store every readable article; a bad file is kept in rejects with its reason and the others still run."""
    articles, errors = [], []
    for path in paths:
        try:
            articles.extend(ingest_articles(store, [path], published=published))
        except SaydoError as exc:
            errors.append(exc)
            reject_article(store, path, exc)
    return articles, errors


def run(store: Store, article_paths: list[str | Path], *, alert_paths: list[str | Path] = (),
        published: date | None = None, window_days: int = 14, fmt: str | None = None,
        progress: Callable[[str, int, int], None] | None = None) -> RunResult:
    """Ingest, extract, check: the whole path from files to verdicts. An observation file that can't be read at all
    stops the run (its checks would be wrong); an article that can't be read is reported in ``errors``."""
    result = RunResult()
    result.loads = ingest_observation_files(store, alert_paths, fmt=fmt)
    result.articles, result.errors = read_articles(store, article_paths, published=published)
    total = len(result.articles)
    result.statements = extract_articles(
        store, result.articles, progress=(lambda i: progress("extract", i, total)) if progress else None)
    pledges = [s for s in result.statements if s.kind == "pledge"]
    result.checks, result.untestable = check_statements(store, pledges, window_days=window_days)
    return result


def stored_statements(store: Store, kind: str | None = None) -> list[Statement]:
    return load_statements(store, kind=kind)


__all__ = [
    "RunResult",
    "SaydoError",
    "check_and_store",
    "check_statements",
    "extract_articles",
    "ingest_articles",
    "ingest_observation_files",
    "read_articles",
    "reject_article",
    "resume_articles",
    "run",
    "stored_statements",
]
