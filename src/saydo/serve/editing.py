"""Editors' corrections over HTTP: correct a statement, merge a duplicate, annotate a verdict (behind the token).

The same library as `saydo correct|merge|note` (``saydo.editing``), run on the server's writer thread after any
upload before it, so the audit trail, the checks re-run and the JSON are the CLI's. A form posted from a page without
script comes back to the statement's check page; an API client gets JSON.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Form, Request
from starlette.responses import RedirectResponse, Response

from saydo.serve.params import StatementId
from saydo.serve.uploads import _authorise

Text = Annotated[str | None, Form()]
Why = Annotated[str, Form(min_length=1, max_length=2000, description="Why: kept with the change.")]
Editor = Annotated[str, Form(min_length=1, max_length=120, description="Who makes the change.")]


def add_editing_routes(app: FastAPI) -> None:
    @app.post("/api/statements/{statement_id}/corrections", tags=["editing"], summary="Correct a statement",
              responses={401: {}, 403: {}})
    def correct(request: Request, statement_id: StatementId, why: Why, editor: Editor,
                speaker: Text = None, actor: Text = None, kind: Text = None,
                places: Annotated[str | None, Form(description="ISO 3166-2 codes, comma-separated; '-' for none.")]
                = None,
                window: Annotated[str | None, Form(description="START/END with offsets; either side may be "
                                                               "empty.")] = None,
                not_a_statement: Annotated[bool, Form()] = False, restore: Annotated[bool, Form()] = False,
                token: Text = None) -> Response:
        """Set a statement's speaker, actor, kind, places or window, mark it as not a statement, or restore the
        machine's values; every change is kept with who, when, why and the machine's value, and the pledge's
        checks are re-run. Needs the server's token."""
        from saydo import editing

        _authorise(request, token)
        blank = {k: (v if v not in ("",) else None) for k, v in
                 {"speaker": speaker, "actor": actor, "kind": kind, "places": places, "window": window}.items()}
        changes = editing.changes_from(**blank, not_a_statement=not_a_statement, restore=restore)
        found, edits, checks = request.app.state.jobs.call(
            f"correction of {statement_id}",
            lambda store: editing.correct(store, statement_id, changes, editor=editor.strip(), why=why.strip()))
        return _answer(request, found, {"statement": found, "edits": [e.to_json() for e in edits],
                                        "checks": checks})

    @app.post("/api/statements/{statement_id}/merge", tags=["editing"], summary="Merge a duplicate statement",
              responses={401: {}, 403: {}})
    def merge(request: Request, statement_id: StatementId,
              into: Annotated[str, Form(pattern=r"^[0-9a-f]{6,16}$", description="The statement to keep.")],
              editor: Editor, why: Annotated[str, Form(max_length=2000)] = "the same proposition reported twice",
              token: Text = None) -> Response:
        """Merge this statement into another that says the same: it leaves lists, exports and checks."""
        from saydo import editing

        _authorise(request, token)
        kept, merged, edit = request.app.state.jobs.call(
            f"merge of {statement_id}",
            lambda store: editing.merge(store, into, statement_id, editor=editor.strip(), why=why.strip()))
        return _answer(request, kept, {"kept": kept, "merged": merged, "edit": edit.to_json()})

    @app.post("/api/statements/{statement_id}/notes", tags=["editing"], summary="Annotate a statement or verdict",
              responses={401: {}, 403: {}})
    def add_note(request: Request, statement_id: StatementId, editor: Editor,
                 text: Annotated[str, Form(min_length=1, max_length=4000)],
                 check: Annotated[str | None, Form(pattern=r"^[0-9a-f]{16}$", description="The check (verdict) "
                                                                                          "the note is on.")] = None,
                 token: Text = None) -> Response:
        """Add a note beside a statement, or beside one of its verdicts (a check id); notes are never edited."""
        from saydo import editing

        _authorise(request, token)
        row = request.app.state.jobs.call(
            f"note on {statement_id}", lambda store: editing.note(store, check or statement_id, text,
                                                                  editor=editor.strip()))
        return _answer(request, row["statement_id"], {"note": row})


def _answer(request: Request, statement_id: str, body: dict) -> Response:
    if "text/html" in request.headers.get("accept", "") and "application/json" not in request.headers.get("accept",
                                                                                                          ""):
        return RedirectResponse(f"/checks/{statement_id}#editing", status_code=303)
    from saydo.serve.render import to_json

    return Response(to_json({"ok": True, **body}), media_type="application/json", headers={"cache-control": "no-store"})
