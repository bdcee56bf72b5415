"""Quotation spans: curly and straight marks, unbalanced quotes, quotes over paragraphs."""

from saydo.extract.quotes import quote_spans, quoted_words


def test_quotes_curly_and_straight_mixed():
    text = 'He said “we will stop” and she said "we will not stop now".'
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans == ["we will stop", "we will not stop now"]


def test_quotes_unbalanced_runs_to_paragraph_end():
    text = "“This never closes, he said\n\nNext paragraph."
    assert [text[s:e] for s, e in quote_spans(text)] == ["This never closes, he said"]


def test_quotes_inches_mark_does_not_open():
    text = 'A 5" shell fell, officials said.'
    assert quote_spans(text) == []


def test_quotes_word_count_inside_span():
    text = "“One two three four five,” he said."
    assert quoted_words(text, quote_spans(text), 0, len(text)) == 5
