"""Property tests (issue 14): every observation reader and the article parser, fed mutations of real rows and of an
article we wrote, either read the input or refuse it with a coded error — never crash — and every row of an
observation file is accounted for: loaded + rejected + duplicate + out of scope = rows in the file. Bounded to a few
seconds per reader; ``python -m bench reliability`` runs 10,000 inputs of each kind."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saydo.errors import SaydoError
from saydo.store import Store
from tests.ingest.mutations import FAR_DATES, NASTY, Edit, apply, expected_records, load_and_account, render
from tests.ingest.samples import CSV_FORMATS, bellingcat, bellingcat_events, sample

EDITS = st.lists(st.one_of(
    st.builds(Edit, kind=st.sampled_from(["field", "field", "drop", "add", "dup", "swap", "byte"]),
              row=st.integers(0, 40), column=st.integers(0, 70),
              value=st.one_of(st.sampled_from(NASTY), st.text(max_size=20))),
    st.builds(Edit, kind=st.just("far"), row=st.integers(0, 40), column=st.just(0), value=st.sampled_from(FAR_DATES))),
    min_size=1, max_size=4)
FAST = settings(max_examples=25, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.mark.parametrize("fmt", CSV_FORMATS)
def test_fuzz_every_reader_accounts_for_every_row(tmp_path, fmt):
    s = sample(fmt)
    if s is None:
        pytest.skip(f"no rows of {fmt} at hand (../shared absent)")
    quoting = fmt != "gdelt"
    counter = iter(range(10**6))

    with Store(":memory:") as store:
        @FAST
        @given(edits=EDITS)
        def check(edits):
            text = render(s.header, apply(s.rows, edits, s), delimiter=s.delimiter, quoting=quoting)
            path = tmp_path / f"fuzz-{next(counter)}.csv"
            path.write_text(text, encoding="utf-8")
            outcome = load_and_account(store, path, s.options(),
                                       expected_records(text, delimiter=s.delimiter, quoting=quoting,
                                                        header=s.header is not None))
            assert outcome.crashed is None, (outcome.crashed, text[:2000])
            assert outcome.unaccounted == 0, (outcome, text[:2000])

        check()


def test_fuzz_bellingcat_events(tmp_path):
    events = bellingcat_events(8)
    if not events:
        pytest.skip("needs ../shared/data/events/bellingcat-civilian-harm")
    keys = sorted(events[0])
    counter = iter(range(10**6))

    with Store(":memory:") as store:
        values = st.one_of(st.sampled_from(NASTY + ["01/01/0001", "12/31/9999", "02/30/2022"]), st.none(),
                           st.integers(), st.lists(st.text(max_size=5), max_size=3))

        @FAST
        @given(edits=st.lists(st.tuples(st.integers(0, 7), st.sampled_from(keys), values), max_size=4))
        def check(edits):
            mutated = [dict(e) for e in events]
            for i, key, value in edits:
                mutated[i][key] = value
            folder = tmp_path / f"b{next(counter)}"
            folder.mkdir()
            path = bellingcat(folder, events=mutated)
            outcome = load_and_account(store, path, {"fmt": "bellingcat"}, len(mutated))
            assert outcome.crashed is None, (outcome.crashed, json.dumps(mutated)[:1000])
            assert outcome.unaccounted == 0, outcome

        check()


ARTICLE = ("date 2022-03-29\nsource https://example.org/story\n\nThe deputy minister said on Tuesday that the army "
           "would cut its activity near Kyiv and Chernihiv from noon on 30 March for 14 days.\n\nResidents said "
           "they did not believe it.\n")


@settings(max_examples=150, deadline=None, derandomize=True)
@given(cut=st.integers(0, len(ARTICLE)), insert=st.one_of(st.sampled_from(NASTY + [
    "date 0001-01-01\n", "date 9999-12-31\n", "date 2022-13-45\n", "source javascript:alert(1)\n", "date \n"]),
    st.text(max_size=30)), head=st.booleans())
def test_fuzz_article_parser_reads_or_refuses(cut, insert, head):
    from datetime import date

    from saydo.extract.windows import find_window
    from saydo.ingest.articles import parse_text

    text = insert + ARTICLE if head else ARTICLE[:cut] + insert + ARTICLE[cut:]
    try:
        article = parse_text(text, name="fuzz.txt")
    except SaydoError:
        return
    assert article.published is None or date(1990, 1, 1) <= article.published
    for sentence in article.text.split("."):
        find_window(sentence, article.published, "RUS")  # the far-date crash of issue 14 lived here
