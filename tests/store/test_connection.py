"""The store: default path rules, schema migrations, idempotent article writes."""

from __future__ import annotations

from datetime import date

import pytest

from saydo.errors import SchemaTooNew
from saydo.records import Article, Statement
from saydo.store import Store, default_db_path
from saydo.store.articles import load_statements, save_article, save_statements
from saydo.store.schema import SCHEMA_VERSION


def test_connection_db_path_precedence(monkeypatch, tmp_path):
    monkeypatch.delenv("SAYDO_DB", raising=False)
    assert default_db_path(None).name == "saydo.duckdb"
    monkeypatch.setenv("SAYDO_DB", str(tmp_path / "env.duckdb"))
    assert default_db_path(None) == tmp_path / "env.duckdb"
    assert default_db_path(tmp_path / "flag.duckdb") == tmp_path / "flag.duckdb"


def test_connection_schema_versioned_and_reopenable(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert store.query("SELECT value FROM meta WHERE key = 'schema_version'")[0]["value"] == str(SCHEMA_VERSION)
        tables = {r["table_name"] for r in store.query("SELECT table_name FROM information_schema.tables")}
        assert {"articles", "statements", "observations", "checks", "rejects", "files"} <= tables
    with Store(path) as store:
        assert store.query("SELECT value FROM meta WHERE key = 'schema_version'")[0]["value"] == str(SCHEMA_VERSION)


def test_connection_refuses_newer_schema(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 5)])
    with pytest.raises(SchemaTooNew):
        Store(path)


def test_articles_saved_once_and_statements_replaced(store):
    article = Article(id=Article.make_id("x y z"), name="a.txt", path="a.txt", text="x y z",
                      published=date(2022, 3, 29))
    assert save_article(store, article) is True
    assert save_article(store, article) is False
    st = Statement(article="a.txt", article_id=article.id, published=article.published, speaker="X", actor="RUS",
                   kind="pledge", quote="indirect", text="y", start=2, end=3, places=("UA-30",))
    save_statements(store, article.id, [st])
    save_statements(store, article.id, [st])
    stored = load_statements(store)
    assert [s.id for s in stored] == [st.id]
    assert stored[0].places == ("UA-30",)
    assert store.query("SELECT count(*) AS n FROM articles")[0]["n"] == 1


def test_connection_read_only_open_of_an_older_schema_says_to_upgrade(tmp_path, monkeypatch):
    import pytest

    from saydo.errors import StoreError
    from saydo.store import Store
    from saydo.store.schema import SCHEMA_VERSION

    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION - 1)])
    # when another process holds the file, a reader can't upgrade it first: it says so
    monkeypatch.setattr(Store, "_current", lambda self, wait, on_wait: False)
    with pytest.raises(StoreError, match="older than this saydo"):
        Store(path, read_only=True)
    monkeypatch.undo()
    with Store(path, read_only=True) as store:  # when nobody holds it, the reader upgrades it first
        assert store.query("SELECT value FROM meta WHERE key = 'schema_version'")[0]["value"] == str(SCHEMA_VERSION)
