"""Latin spellings of a Cyrillic place name, as the romanisation systems news and data use would write it.

News spells one Ukrainian town many ways: the Ukrainian national system of 2010 ("Kharkiv", "Zaporizhzhia",
"Mykolaiv"), BGN/PCGN for Ukrainian ("Mykolayiv", "Khmelnytskyy"), BGN/PCGN for Russian ("Khar'kov", "Nikolayev",
"Zaporozh'ye") and the plainer English habit for Russian names ("Kharkov", "Nikolaev", "Artemovsk", "Chernigov").
GeoNames keeps each place's Ukrainian and Russian names in Cyrillic among its alternate names; ``romanisations``
turns one such name into the spellings of each system, so the gazetteer knows "Artemovsk" from "Артемовск" without
anyone listing it. ``latin_variants`` does the same for small differences between Latin spellings (apostrophes for
the soft sign, "y" or "i" before a vowel: "Kupyansk", "Kupiansk").

A name is read as Ukrainian when it has a letter only Ukrainian uses (і ї є ґ), as Russian when it has one only
Russian uses (ы э ъ ё), else both ways.
"""

from __future__ import annotations

import re
import unicodedata

_COMMON = {"а": "a", "б": "b", "в": "v", "д": "d", "ж": "zh", "з": "z", "к": "k", "л": "l", "м": "m", "н": "n",
           "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
           "ш": "sh", "щ": "shch", "ь": "", "ъ": "", "'": ""}
_UKRAINIAN = {**_COMMON, "г": "h", "ґ": "g", "е": "e", "и": "y", "і": "i"}
_RUSSIAN = {**_COMMON, "г": "g", "и": "i", "ы": "y", "э": "e", "й": "y", "ю": "yu", "я": "ya"}
_VOWELS = set("аеєиіїоуюяыэё")
_ONLY_UKRAINIAN = set("іїєґ")
_ONLY_RUSSIAN = set("ыэъё")
_APOSTROPHES = re.compile(r"[’ʼʹ`´]")


def romanisations(name: str) -> set[str]:
    """Latin spellings of a Cyrillic name in each system (title-cased words; empty for a name with other letters)."""
    text = _APOSTROPHES.sub("'", unicodedata.normalize("NFC", name.replace("\u0301", ""))).lower()
    letters = set(text)
    if not re.fullmatch(r"[а-яіїєґё' \-]+", text):
        return set()
    found: set[str] = set()
    if not letters & _ONLY_RUSSIAN:
        found |= {_spell(text, _ukrainian_national), _spell(text, _ukrainian_bgn)}
    if not letters & _ONLY_UKRAINIAN:
        found |= {_spell(text, _russian_bgn), _spell(text, _russian_plain), _spell(text, _russian_plain_yo)}
    return {_title(f) for f in found if f}


def latin_variants(name: str) -> set[str]:
    """Small variations of a Latin spelling: without apostrophes, and with "y" and "i" exchanged between a consonant
    and a vowel ("Kupyansk" / "Kupiansk", "Izyum" / "Izium")."""
    plain = _APOSTROPHES.sub("", name).replace("'", "")
    found = {plain}
    found.add(re.sub(r"(?<=[bcdfghjklmnpqrstvwxz])y(?=[aeiou])", "i", plain))
    found.add(re.sub(r"(?<=[bcdfghjklmnpqrstvwxz])i(?=[aeou])", "y", plain))
    return found - {name}


def _spell(text: str, letter) -> str:
    out = []
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        out.append(letter(ch, before, after))
    return "".join(out)


def _initial(before: str) -> bool:
    return before in " -'"


def _ukrainian_national(ch: str, before: str, after: str) -> str:
    """The Ukrainian national system (2010): є ї й ю я as ye yi y yu ya at the start of a word, else ie i i iu ia."""
    pairs = {"є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"), "ю": ("yu", "iu"), "я": ("ya", "ia")}
    if ch in pairs:
        return pairs[ch][0 if _initial(before) else 1]
    if ch == "г" and before == "з":
        return "gh"  # "зг" is written "zgh" so that it is not read as "zh"
    return _UKRAINIAN.get(ch, ch)


def _ukrainian_bgn(ch: str, before: str, after: str) -> str:
    """BGN/PCGN for Ukrainian: є ї й ю я as ye yi y yu ya everywhere."""
    if ch == "г" and before == "з":
        return "gh"
    return {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}.get(ch) or _UKRAINIAN.get(ch, ch)


def _russian_bgn(ch: str, before: str, after: str) -> str:
    """BGN/PCGN for Russian: е and ё as ye and yo at the start of a word and after a vowel or a sign."""
    if ch in "её":
        soft = _initial(before) or before in _VOWELS or before in "ьъ"
        return ("y" if soft else "") + ("e" if ch == "е" else "o" if soft else "e")
    return _RUSSIAN.get(ch, ch)


def _russian_plain(ch: str, before: str, after: str) -> str:
    """The plainer English habit: е and ё as e (ye only at the start of a word and after a sign: "Zaporozhye"), the
    ending -ий as -y."""
    if ch in "её":
        return "ye" if _initial(before) or before in "ьъ" else "e"
    if ch == "и" and after == "й":
        return "" if before not in " -'" else "i"
    return _RUSSIAN.get(ch, ch)


def _russian_plain_yo(ch: str, before: str, after: str) -> str:
    """As the plainer habit, with ё as yo ("Artyomovsk")."""
    if ch == "ё":
        return "yo"
    return _russian_plain(ch, before, after)


def _title(text: str) -> str:
    return re.sub(r"(^|[ \-])([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
