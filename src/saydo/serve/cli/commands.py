"""Imports every verb module once, so each registers itself on the app (one place, like plugins would)."""

from saydo.serve.cli import checks, corrections, evaluate, listing, observations, rejects, run, web  # noqa: F401
