"""Checking pledges against observations: hypotheses, statistics (pure functions), verdict rules, explanations."""

from saydo.check.engine import check_pledges

__all__ = ["check_pledges"]
