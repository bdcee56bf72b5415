"""saydo: check what parties to a war say against what they observably do.

The Python API: read articles and observation files into a store, extract statements, check pledges.

    from saydo import Store, run
    with Store("saydo.duckdb") as store:
        result = run(store, ["article.txt"], alert_paths=["alerts.csv"])
        print(result.to_json()["checks"])
"""

from saydo.errors import SaydoError
from saydo.pipeline import (
    RunResult,
    check_statements,
    extract_articles,
    ingest_articles,
    ingest_observation_files,
    run,
)
from saydo.records import Article, Check, Observation, Reject, Statement
from saydo.store import Store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Check",
    "Observation",
    "Reject",
    "RunResult",
    "SaydoError",
    "Statement",
    "Store",
    "__version__",
    "check_statements",
    "extract_articles",
    "ingest_articles",
    "ingest_observation_files",
    "run",
]
