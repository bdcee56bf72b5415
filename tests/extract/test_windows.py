"""Pledge windows: clock times with zones, relative days, durations."""

from datetime import date, datetime, timedelta, timezone

from saydo.extract.windows import find_window, kyiv_offset

MSK = timezone(timedelta(hours=3))


def test_windows_explicit_range_in_moscow_time():
    start, end = find_window("a ceasefire from 12:00 January 6 until 24:00 January 7, Moscow time",
                             date(2023, 1, 5), "RUS")
    assert start == datetime(2023, 1, 6, 12, 0, tzinfo=MSK)
    assert end == datetime(2023, 1, 8, 0, 0, tzinfo=MSK)
    assert start.astimezone(timezone.utc).hour == 9


def test_windows_duration_from_noon():
    start, end = find_window("a 36-hour ceasefire starting at noon on Jan. 6", date(2023, 1, 5), "RUS")
    assert start == datetime(2023, 1, 6, 12, 0, tzinfo=MSK)
    assert end - start == timedelta(hours=36)


def test_windows_relative_day_against_publication():
    start, end = find_window("the corridor will open on Tuesday", date(2022, 3, 10), "UKR")  # a Thursday
    assert start.date() == date(2022, 3, 8) and end is None


def test_windows_none_without_time_words():
    assert find_window("we will reduce activity", date(2022, 3, 29), "RUS") == (None, None)


def test_windows_kyiv_clock_changes_with_summer_time():
    assert kyiv_offset(date(2022, 3, 26)).utcoffset(None) == timedelta(hours=2)
    assert kyiv_offset(date(2022, 3, 28)).utcoffset(None) == timedelta(hours=3)
