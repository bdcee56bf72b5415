"""A window is never computed past the calendar's ends: a publication date near year 1 or 9999 gives no window
instead of an OverflowError that stopped the extraction of every article of the command (issue 14)."""

from __future__ import annotations

from datetime import date

import pytest

from saydo.extract.windows import find_window

SENTENCES = ["The ceasefire starts tomorrow and lasts for 3 days.", "They will stop at noon on December 31.",
             "A pause from 1 January until 31 December.", "It will last 36 hours from today."]


@pytest.mark.parametrize("published", [date(9999, 12, 31), date(9999, 1, 1), date(1, 1, 1)])
@pytest.mark.parametrize("text", SENTENCES)
def test_windows_far_publication_dates_give_no_window(published, text):
    assert find_window(text, published, "RUS") == (None, None)


def test_windows_plausible_dates_still_give_windows():
    start, end = find_window(SENTENCES[0], date(2022, 3, 29), "RUS")
    assert start.date() == date(2022, 3, 30) and (end - start).days == 3
