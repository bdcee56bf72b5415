"""Lexicons as data: named word lists and patterns in ``saydo/extract/lexicons/*.toml``, out of the code.

Each file holds tables, one per lexicon::

    [commissive_verbs]
    about = "verbs whose subject commits itself to a future act"
    example = "The council vowed to rebuild the bridge by spring."   # written for saydo, never a corpus sentence
    words = ["promise", "pledge", "vow"]                              # lemmas or lower-case words
    # or: patterns = ['\\bstand(?:s)? ready to\\b']                  # regular expressions, case-insensitive

Rules name the lexicon they use, so ``saydo eval --rules`` can score a rule and a reader can find its words. A test
checks that every lexicon has ``about`` and ``example`` and that its example is matched by its own words or patterns.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from saydo.errors import ConfigError


@dataclass(frozen=True)
class Lexicon:
    file: str
    name: str
    about: str
    example: str
    words: frozenset[str] = frozenset()
    patterns: tuple[str, ...] = ()

    @property
    def regex(self) -> re.Pattern | None:
        """One case-insensitive pattern for the words (as whole words) and the patterns; None when empty."""
        return _compile(self.words, self.patterns)

    def search(self, text: str) -> re.Match | None:
        regex = self.regex
        return regex.search(text) if regex is not None else None

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words


@cache
def _compile(words: frozenset[str], patterns: tuple[str, ...]) -> re.Pattern | None:
    parts = [r"\b" + re.escape(w) + r"\b" for w in sorted(words, key=len, reverse=True)] + list(patterns)
    return re.compile("|".join(f"(?:{p})" for p in parts), re.I) if parts else None


@cache
def lexicons(file: str) -> dict[str, Lexicon]:
    """Every lexicon of ``lexicons/<file>.toml``."""
    try:
        text = resources.files("saydo.extract").joinpath("lexicons", f"{file}.toml").read_text(encoding="utf-8")
        data = tomllib.loads(text)
        return {name: Lexicon(file=file, name=name, about=t["about"], example=t["example"],
                              words=frozenset(w.lower() for w in t.get("words", ())),
                              patterns=tuple(t.get("patterns", ())))
                for name, t in data.items()}
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"can't read the lexicon file {file}.toml: {exc}",
                          where=f"saydo/extract/lexicons/{file}.toml",
                          hint="each table needs about, example and words or patterns") from None


def lexicon(file: str, name: str) -> Lexicon:
    """One lexicon by file and name (``lexicon("kinds", "commissive_verbs")``)."""
    found = lexicons(file)
    if name not in found:
        raise ConfigError(f"no lexicon {name!r} in {file}.toml", where=f"saydo/extract/lexicons/{file}.toml",
                          hint=f"known: {', '.join(sorted(found))}")
    return found[name]


def all_lexicons() -> list[Lexicon]:
    """Every lexicon of every file, for the tests and for ``saydo eval --rules``."""
    folder = resources.files("saydo.extract").joinpath("lexicons")
    return [lex for entry in sorted(folder.iterdir(), key=lambda e: e.name) if entry.name.endswith(".toml")
            for lex in lexicons(entry.name[:-5]).values()]
