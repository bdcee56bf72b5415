"""Data types only: what saydo reads, extracts, observes and concludes. Imports nothing else of saydo."""

from saydo.records.article import Article
from saydo.records.check import Check, Did, Measure, Period, Territory
from saydo.records.observation import Observation, Reject
from saydo.records.statement import EDITABLE, KINDS, MARKS, QUOTES, Edit, Statement, Window

__all__ = [
    "Article",
    "Check",
    "Did",
    "EDITABLE",
    "Edit",
    "KINDS",
    "MARKS",
    "Measure",
    "Observation",
    "Period",
    "QUOTES",
    "Reject",
    "Statement",
    "Territory",
    "Window",
]
