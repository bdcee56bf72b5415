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


def test_quotes_over_paragraphs_are_one_quotation():
    # the newspaper convention: each paragraph of a long quotation opens with a mark, only the last one closes
    text = ("“The villages are cut off.\n\n“Our crews will reach them by Sunday.\n\n"
            "“Nobody is forgotten,” the mayor said.\n\nIn other news, rain.")
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert len(spans) == 1
    assert spans[0].startswith("The villages") and spans[0].endswith("Nobody is forgotten,")


def test_quotes_closed_paragraph_does_not_run_on():
    text = "“The villages are cut off,” she said.\n\n“Another one,” he said."
    assert [text[s:e] for s, e in quote_spans(text)] == ["The villages are cut off,", "Another one,"]
