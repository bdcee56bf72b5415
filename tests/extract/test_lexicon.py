"""Lexicons as data: every lexicon says what it is for, shows an example written for saydo, and matches it."""

from __future__ import annotations

import pytest

from saydo.extract.lexicon import all_lexicons, lexicon

LEXICONS = all_lexicons()


def test_lexicon_files_are_found():
    assert LEXICONS, "no lexicon under saydo/extract/lexicons"


@pytest.mark.parametrize("lex", LEXICONS, ids=lambda lex: f"{lex.file}.{lex.name}")
def test_lexicon_has_purpose_and_an_example_it_matches(lex, nlp):
    assert lex.about.strip() and lex.example.strip()
    assert lex.words or lex.patterns, "a lexicon needs words or patterns"
    lemmas = {t.lemma_.lower() for t in nlp(lex.example)} | {t.lower_ for t in nlp(lex.example)}
    assert lex.search(lex.example) or lemmas & lex.words, f"the example does not show any of {lex.file}.{lex.name}"


def test_lexicon_unknown_name_is_a_coded_error():
    from saydo.errors import ConfigError

    with pytest.raises(ConfigError):
        lexicon("kinds", "no_such_lexicon")
