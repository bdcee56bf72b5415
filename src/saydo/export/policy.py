"""The content security policy of everything saydo renders as HTML: the web app sends it as a header, the
self-contained report carries it as a ``<meta>`` tag (with the hash of its one inline stylesheet, the only thing
it adds). Nothing is loaded from another host, no inline script runs anywhere."""

from __future__ import annotations

import base64
import hashlib

CONTENT_SECURITY_POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                           "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def meta_policy(*inline_styles: str) -> str:
    """The policy as a document can carry it: ``frame-ancestors`` is dropped (browsers ignore it in a meta tag and
    say so), and each given inline stylesheet is allowed by its SHA-256."""
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
                      for s in inline_styles)
    parts = []
    for directive in CONTENT_SECURITY_POLICY.split("; "):
        if directive.startswith("frame-ancestors"):
            continue
        if directive.startswith("style-src") and hashes:
            directive = f"{directive} {hashes}"
        parts.append(directive)
    return "; ".join(parts)
