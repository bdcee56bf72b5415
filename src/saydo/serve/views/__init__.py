"""The views: each builds one dict from the store and validated parameters; the app renders it as HTML, JSON or CSV.

A view is registered with ``@view(path, api=..., template=...)``; ``saydo.serve.routes`` turns every registered view
into an HTML route (which also answers ``.json``/``.csv`` and ``?_format=``) and an ``/api`` JSON route. Built-in
views register the same way a plugin would, from one place: ``load()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    name: str
    path: str
    api_path: str | None
    func: Callable
    template: str
    title: str
    table: str | None = None  # the list a CSV download holds

    @property
    def summary(self) -> str:
        return (self.func.__doc__ or self.title).strip().splitlines()[0]


VIEWS: dict[str, View] = {}


def view(path: str, *, api: str | None, template: str, title: str, table: str | None = None):
    def register(func: Callable) -> Callable:
        VIEWS[func.__name__] = View(func.__name__, path, api, func, template, title, table)
        return func

    return register


def load() -> dict[str, View]:
    from saydo.serve.views import actors, articles, observations, statements  # noqa: F401 (they register)

    return VIEWS


def page(rows: list, total: int, limit: int, offset: int) -> dict:
    """Pagination facts every list view returns."""
    return {"total": total, "limit": limit, "offset": offset,
            "next": offset + limit if offset + limit < total else None,
            "previous": max(offset - limit, 0) if offset > 0 else None, "count": len(rows)}
