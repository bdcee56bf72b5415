"""`saydo ingest articles` with what people have: folders, tables, feeds; warnings per article; dates set later."""

from __future__ import annotations

import json

STORY = ("The regional governor said the shelters in Sumy would stay open through the weekend and that more buses "
         "would run between the districts.\n")


def _json(cli, *args):
    code, out, err = cli("ingest", "articles", *args, "--json")
    return code, json.loads(out), err


def test_ingest_articles_folder_table_and_feed_with_warnings(cli, tmp_path):
    folder = tmp_path / "desk"
    (folder / "more").mkdir(parents=True)
    (folder / "a.txt").write_text("date 2024-05-02\n\n" + STORY, encoding="utf-8")
    (folder / "more" / "undated.txt").write_text("The weather was mild and the market opened at nine.\n",
                                                 encoding="utf-8")
    (folder / "table.csv").write_text('link,headline,date,body\nhttps://example.org/1,One,2024-05-03,"' +
                                      STORY.strip().replace("Sumy", "Poltava") + '"\n', encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    db = tmp_path / "db.duckdb"
    code, result, err = _json(cli, folder, "--db", db)
    assert code == 0, err
    assert sorted(result["articles"]) == ["a.txt", "table.csv#2", "undated.txt"]
    undated = str(folder / "more" / "undated.txt")
    warnings = {(w["input"], w["warning"].split(" (")[0].split(":")[0]) for w in result["warnings"]}
    assert (undated, "no publication date") in warnings
    assert (undated, "no statement found") in warnings
    assert any("1 .pdf file(s) skipped" in w["warning"] for w in result["warnings"])
    assert result["statements"] >= 2 and result["errors"] == []
    assert f"saydo: warning: {undated}: no publication date" in err


def test_ingest_articles_bad_row_is_rejected_and_the_rest_loads(cli, tmp_path):
    table = tmp_path / "press.jsonl"
    table.write_text(json.dumps({"url": "https://example.org/x", "date": "2024-05-02", "text": STORY}) + "\n"
                     "{broken\n", encoding="utf-8")
    code, result, err = _json(cli, table, "--db", tmp_path / "db.duckdb")
    assert code == 2 and result["articles"] == ["press.jsonl#1"]
    assert len(result["errors"]) == 1 and "press.jsonl:2" in result["errors"][0]
    code, out, _ = cli("rejects", "--db", tmp_path / "db.duckdb", "--json")
    assert any("press.jsonl#2" in r["file"] for r in json.loads(out))


def test_ingest_articles_date_given_later_dates_a_stored_article(cli, tmp_path):
    article = tmp_path / "undated.txt"
    article.write_text(STORY, encoding="utf-8")
    db = tmp_path / "db.duckdb"
    code, first, _ = _json(cli, article, "--db", db)
    assert code == 0 and any("no publication date" in w["warning"] for w in first["warnings"])
    code, second, _ = _json(cli, article, "--db", db, "--date", "2024-05-02")
    assert code == 0 and any("dated 2024-05-02 now" in w["warning"] for w in second["warnings"])
    code, out, _ = cli("statements", "--db", db, "--json")
    assert {s["published"] for s in json.loads(out)["statements"]} == {"2024-05-02"}
    code, third, _ = _json(cli, article, "--db", db, "--date", "2024-06-01")
    assert any("keeps" in w["warning"] for w in third["warnings"])


def test_ingest_articles_url_without_fetch_is_a_coded_rejection(cli, tmp_path):
    code, result, err = _json(cli, "https://example.org/story", "--db", tmp_path / "db.duckdb")
    assert code == 2 and result["articles"] == [] and "--fetch" in result["errors"][0]
