"""An article batch that stopped between storing the articles and storing their statements (kill -9 during
extraction) is visible as unfinished, and resumable without the files (issue 14)."""

from __future__ import annotations

from saydo import pipeline
from saydo.store.articles import unfinished_articles

TEXTS = {
    "one.txt": "date 2022-03-29\n\nThe defence minister said the army would stop shelling Kharkiv from tomorrow.\n",
    "two.txt": "date 2022-04-02\n\nA spokesman said on Saturday that troops would leave Sumy oblast within a week.\n",
}


def _files(tmp_path):
    paths = []
    for name, text in TEXTS.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _statements(store):
    return store.query("SELECT article, speaker, kind, text, start_char FROM statements ORDER BY article, start_char")


def test_article_batches_unfinished_is_visible_and_resumes(store, tmp_path, cli):
    paths = _files(tmp_path)
    articles, errors, _ = pipeline.read_articles(store, paths)  # stored; the process dies before extraction
    assert not errors and len(articles) == 2
    assert {a["name"] for a in unfinished_articles(store)} == {"one.txt", "two.txt"}
    db = store.path
    store.close()
    code, out, err = cli("observations", "summary", "--db", db)
    assert "2 article(s)" in err and "--resume" in err
    code, out, err = cli("ingest", "articles", "--resume", "--db", db, "--json")
    assert code == 0, err
    from saydo.store import Store

    with Store(db) as again:
        assert unfinished_articles(again) == []
        resumed = _statements(again)
    with Store(tmp_path / "straight.duckdb") as straight:
        pipeline.extract_articles(straight, pipeline.read_articles(straight, paths)[0])
        assert _statements(straight) == resumed and resumed
    code, out, err = cli("observations", "summary", "--db", db)
    assert "unfinished" not in err


def test_article_batches_statements_and_mark_are_one_step(store, tmp_path):
    paths = _files(tmp_path)
    pipeline.extract_articles(store, pipeline.read_articles(store, paths)[0])
    assert unfinished_articles(store) == []
    assert store.query("SELECT count(*) AS n FROM articles WHERE extracted_at IS NULL")[0]["n"] == 0
