"""The library's main jobs, used by the CLI, the HTTP API and Python callers alike.

``run`` ingests articles and observation files, extracts statements, checks every testable pledge and returns one
result whose ``to_json`` is the contract other tools read: ``{"statements": [...], "checks": [...]}``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from saydo.errors import SaydoError
from saydo.ingest.articles import read_article
from saydo.ingest.observations import LoadReport, load_observations
from saydo.records import Article, Check, Statement
from saydo.store import Store
from saydo.store.articles import load_statements, save_article, save_statements, set_published, stored_date
from saydo.store.checks import save_checks, save_untested


@dataclass
class RunResult:
    statements: list[Statement] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    untestable: list[tuple[Statement, str]] = field(default_factory=list)
    loads: list[LoadReport] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    errors: list[SaydoError] = field(default_factory=list)  # files that could not be read (the rest still ran)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (input, what a reader should know)
    verdicts: list[dict] = field(default_factory=list)  # one per checked pledge: the most direct source decides

    def to_json(self) -> dict:
        return {
            "statements": [s.to_json() for s in self.statements],
            "checks": [c.to_json() for c in self.checks],
            "verdicts": self.verdicts,
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
                     progress: Callable[[int], None] | None = None,
                     each: Callable[[Article, list[Statement]], None] | None = None,
                     learned_kinds: bool = False) -> list[Statement]:
    """Extract statements from each article; with a store, replace the article's stored statements. ``progress``
    gets the number of articles done, ``each`` every article with its statements. ``learned_kinds``: also ask the
    learned kind classifier (``saydo.extract.learned``; off by default, see docs/extraction.md)."""
    found: list[Statement] = []
    events: list = []
    extracted = _extracted(store, articles, n_process, events, learned_kinds)
    for i, (article, statements) in enumerate(zip(articles, extracted), 1):
        if store is not None:  # statements, news events and the done mark: one transaction per article
            save_statements(store, article.id, statements, [e for e in events if e.article_id == article.id])
        found.extend(statements)
        if each:
            each(article, statements)
        if progress:
            progress(i)
    return found


def _extracted(store: Store | None, articles: list[Article], n_process: int, events: list,
               learned_kinds: bool = False):
    """Each article's statements, in order (events appended to ``events``): on the store's Spark engine when it has
    one (``saydo.extract.spark``: the same extraction, on the executors), else here."""
    engine = store.engine if store is not None else None
    if engine is not None and engine.name == "spark":
        from saydo.extract.spark import extract_articles as on_spark

        for result in on_spark(engine, articles, learned=learned_kinds):
            events.extend(result.events)
            yield result.statements
        return
    from saydo.extract import extract_many

    learned = None
    if learned_kinds:
        from saydo.extract.learned import pledge_reader

        learned = pledge_reader()
    yield from extract_many(articles, n_process=n_process, events=events, learned=learned)


def resume_articles(store: Store, *, progress: Callable[[int], None] | None = None) -> list[Statement]:
    """Extract the articles an interrupted batch left without statements (read back from the store)."""
    from saydo.store.articles import load_article, unfinished_articles

    articles = [a for a in (load_article(store, row["id"]) for row in unfinished_articles(store)) if a is not None]
    return extract_articles(store, articles, progress=progress) if articles else []


def ingest_observation_files(store: Store, paths: Iterable[str | Path], *, fmt: str | None = None,
                             source: str | None = None) -> list[LoadReport]:
    """Load observation files; the first that can't be read stops the run with its error. On a store with the Spark
    engine, the files load on Spark (``saydo.ingest.observations.spark``)."""
    if store.engine is not None and store.engine.name == "spark":
        from saydo.ingest.observations.spark import load_files

        reports, errors = load_files(store, list(paths), fmt=fmt, source=source)
        if errors:
            raise errors[0]
        return reports
    return [load_observations(store, p, fmt=fmt, source=source) for p in paths]


def check_statements(store: Store, statements: list[Statement], *, window_days: int = 14,
                     as_of: datetime | None = None, sources: list[str] | None = None, scenario: str | None = None
                     ) -> tuple[list[Check], list[tuple[Statement, str]]]:
    """Check every testable pledge against every observation source (never summing sources); store each result
    (under a scenario for a run with a cut-off or other windows: see ``check_and_store``)."""
    checks, untestable, _ = check_and_store(store, statements, window_days=window_days, as_of=as_of,
                                            sources=sources, scenario=scenario)
    return checks, untestable


def check_and_store(store: Store, statements: list[Statement], *, window_days: int = 14,
                    as_of: datetime | None = None, sources: list[str] | None = None, scenario: str | None = None
                    ) -> tuple[list[Check], list[tuple[Statement, str]], list[dict]]:
    """``check_statements``, and for each result stored anew its version and the verdict it replaces (reused
    results, whose inputs have not changed, are already stored and are not stored again). Results of a run with a
    cut-off or other windows are stored under a scenario (named by ``scenario``, or after the options), never as the
    published verdict; with a cut-off only pledges made before it are checked."""
    from saydo.check import check_pledges
    from saydo.store.checks import scenario_name

    name = scenario_name(as_of=as_of, window_days=window_days, name=scenario)
    if as_of is not None:
        statements = [s for s in statements if s.published is not None and s.published < as_of.date()]
    checks, untestable = check_pledges(store, statements, window_days=window_days, as_of=as_of, sources=sources,
                                       reuse=name is None)
    versions = save_checks(store, [c for c in checks if not c.reused], scenario=name)
    if name is None:
        save_untested(store, [(s.id, why) for s, why in untestable], [c.statement for c in checks])
        refresh_pledge_verdicts(store)
    return checks, untestable, versions


def refresh_pledge_verdicts(store: Store) -> int:
    """One verdict per pledge and per proposition, from the latest published checks (``saydo.check.combine``);
    returns how many pledges have one."""
    from saydo.check.combine import pledge_verdict, proposition_verdicts, propositions
    from saydo.store.checks import published_results, save_pledge_verdicts

    per: dict[str, list[dict]] = {}
    for r in published_results(store):
        per.setdefault(r["statement"], []).append(r)
    combined = {}
    for statement, results in per.items():
        template = results[0]["template"] or "reduce"
        found = pledge_verdict(template, results)
        combined[statement] = {**found, "statement": statement, "actor": results[0]["actor"],
                               "places": results[0]["places"], "start": min(r["start"] for r in results)}
    groups = propositions([{"id": k, "actor": v["actor"], "places": v["places"], "start": v["start"],
                            "template": v["template"]} for k, v in combined.items()])
    members: dict[str, list[dict]] = {}
    for statement, prop in groups.items():
        members.setdefault(prop, []).append(combined[statement])
    verdicts = proposition_verdicts(members)
    rows = [{**v, "proposition": groups[k], "proposition_verdict": verdicts[groups[k]]["verdict"],
             "proposition_members": verdicts[groups[k]]["members"]} for k, v in combined.items()]
    save_pledge_verdicts(store, rows)
    return len(rows)


def article_label(article: Article) -> str:
    """How warnings name an article: the file or URL it came from, or FILE#LINE / FILE#item-N for a table's row or a
    feed's item."""
    return article.path if article.format in ("text", "html") and article.path else article.name


def read_articles(store: Store | None, inputs: Iterable[str | Path], *, published: date | None = None,
                  fetch: bool = False, progress: Callable[[str], None] | None = None
                  ) -> tuple[list[Article], list[SaydoError], list[tuple[str, str]]]:
    """Read every input (files, folders, tables and feeds of articles, URLs with ``fetch``: see
    ``saydo.ingest.inputs``) and, with a store, keep each article; an input that can't be read is kept in rejects
    with its reason and the others still run. Returns (articles, errors, warnings as (input, warning)). An article
    stored before without a date takes ``published``; one stored with another date keeps it and says so."""
    from saydo.ingest.inputs import expand, read_inputs

    items, notes = expand(inputs)
    warnings: list[tuple[str, str]] = [("", note) for note in notes]
    articles: list[Article] = []
    errors: list[SaydoError] = []
    for item in read_inputs(items, published=published, fetch=fetch):
        if progress:
            progress(item.label)
        if item.error is not None:
            errors.append(item.error)
            if store is not None:
                reject_article(store, item.label, item.error)
            continue
        article = item.article
        warnings.extend((item.label, w) for w in item.warnings)
        if store is not None and not save_article(store, article):
            stored = stored_date(store, article.id)
            if published and stored is None:
                set_published(store, article.id, published)
                article = replace(article, published=published)
                warnings.append((item.label, f"stored before without a date: dated {published} now"))
            elif published and stored != published:
                warnings.append((item.label, f"stored before with the date {stored}, which it keeps (--date "
                                             f"{published} applies only to articles without a date)"))
        articles.append(article)
    return articles, errors, warnings


def run(store: Store, article_paths: list[str | Path], *, alert_paths: list[str | Path] = (),
        published: date | None = None, window_days: int = 14, fmt: str | None = None,
        progress: Callable[[str, int, int], None] | None = None, learned_kinds: bool = False) -> RunResult:
    """Ingest, extract, check: the whole path from files to verdicts. An observation file that can't be read at all
    stops the run (its checks would be wrong); an article that can't be read is reported in ``errors``."""
    result = RunResult()
    result.loads = ingest_observation_files(store, alert_paths, fmt=fmt)
    result.articles, result.errors, result.warnings = read_articles(store, article_paths, published=published)
    total = len(result.articles)
    result.statements = extract_articles(
        store, result.articles, progress=(lambda i: progress("extract", i, total)) if progress else None,
        learned_kinds=learned_kinds)
    pledges = [s for s in result.statements if s.kind == "pledge"]
    result.checks, result.untestable = check_statements(store, pledges, window_days=window_days)
    result.verdicts = pledge_verdicts(store, sorted({c.statement for c in result.checks}))
    return result


def pledge_verdicts(store: Store, statement_ids: list[str]) -> list[dict]:
    """The one verdict of each of these pledges (``{"statement", "verdict", "decided_by", "sources",
    "disagreements", "proposition", ...}``), in the order given."""
    from saydo.store.checks import pledge_verdict_of

    found = []
    for statement_id in statement_ids:
        row = pledge_verdict_of(store, statement_id)
        if row is not None:
            found.append({"statement": statement_id, **{k: row[k] for k in (
                "verdict", "decided_by", "template", "sources", "disagreements", "proposition",
                "proposition_verdict", "proposition_members")}})
    return found


def stored_statements(store: Store, kind: str | None = None) -> list[Statement]:
    return load_statements(store, kind=kind)


def pledges_to_check(store: Store) -> list[Statement]:
    """The stored pledges; on a store with the Spark engine also the pledges extracted into its warehouse
    (``saydo extract --engine spark``) of articles the DuckDB file has no statement of, which are stored first so that
    their checks show beside them (``saydo serve``, exports)."""
    engine = store.engine
    if engine is not None and engine.name == "spark":
        from saydo.store.articles import save_warehouse_pledges

        save_warehouse_pledges(store, engine.latest_pledges())
    return stored_statements(store, kind="pledge")


__all__ = [
    "RunResult",
    "SaydoError",
    "check_and_store",
    "article_label",
    "check_statements",
    "extract_articles",
    "ingest_articles",
    "ingest_observation_files",
    "pledges_to_check",
    "read_articles",
    "refresh_pledge_verdicts",
    "reject_article",
    "resume_articles",
    "run",
    "stored_statements",
]
