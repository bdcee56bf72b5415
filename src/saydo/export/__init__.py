"""Exports of statements and checks: JSON Lines, CSV, Parquet, and ClaimReview JSON-LD per checked pledge."""

from saydo.export.claimreview import claim_review
from saydo.export.tables import FORMATS, export

__all__ = ["FORMATS", "claim_review", "export"]
