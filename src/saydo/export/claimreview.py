"""ClaimReview (schema.org) for a checked pledge: what was pledged, by whom, and the verdict as a rating."""

from __future__ import annotations

from saydo.records import Statement
from saydo.records.links import http_url
from saydo.resolve.actors import ORGANISATIONS

RATINGS = {
    "kept": (5, "Kept"),
    "partly_kept": (3, "Partly kept"),
    "broken": (1, "Broken"),
    "too_early": (None, "Too early to say"),
    "insufficient_data": (None, "Insufficient data"),
}


def claim_review(statement: Statement, check: dict, *, evidence_url: str, source_url: str | None = None,
                 others: list[dict] = ()) -> dict:
    """One ClaimReview object. ``check`` is the stored check result that decides the verdict (the JSON contract);
    ``others`` the other sources' results, named in the review; ``evidence_url`` links to the figures and rows behind
    it."""
    value, label = RATINGS[check["verdict"]]
    rating = {"@type": "Rating", "alternateName": label, "bestRating": 5, "worstRating": 1}
    if value is not None:
        rating["ratingValue"] = value
    is_person = statement.actor not in ORGANISATIONS and " " in statement.speaker.strip() and \
        statement.speaker[:1].isupper()
    item = {
        "@type": "Claim",
        "author": {"@type": "Person" if is_person else "Organization", "name": statement.speaker},
        "appearance": {"@type": "CreativeWork", "name": statement.article,
                       **({"url": source_url} if http_url(source_url) else {})},
    }
    if statement.published:
        item["datePublished"] = statement.published.isoformat()
    if statement.actor:
        item["author"]["affiliation"] = {"@type": "Organization", "name": statement.actor}
    body = check["explanation"]
    if others:
        seen = "; ".join(f"{o['source']}: {o['verdict'].replace('_', ' ')}" for o in others)
        body = (f"Decided by {check['source']}, the most direct source that reached a decision. {body} Other "
                f"sources, each checked on its own: {seen}.")
    if statement.edits:  # the machine's extraction was corrected by an editor: the review says so, with whom
        fields = ", ".join(sorted({e.field.replace("_", " ") for e in statement.edits}))
        editors = ", ".join(sorted({e.editor for e in statement.edits}))
        body = f"{body} An editor ({editors}) corrected the extracted {fields} of this statement."
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": statement.text,
        "itemReviewed": item,
        "reviewRating": rating,
        "reviewBody": body,
        "author": {"@type": "Organization", "name": "saydo"},
        "url": evidence_url,
    }
