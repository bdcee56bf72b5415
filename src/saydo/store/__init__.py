"""The store: one DuckDB file holding articles, statements, observations, rejects and checks.

This package is the only place that knows the engine. Aggregations over observations are Ibis expressions
(``saydo.store.queries``) so they can run on another backend.
"""

from saydo.store.connection import DEFAULT_DB, Store, default_db_path

__all__ = ["DEFAULT_DB", "Store", "default_db_path"]
