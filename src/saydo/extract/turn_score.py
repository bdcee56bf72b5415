"""Scoring speaker turns: the share of statements inside a named speaker's turn credited to that speaker.

Transcripts (the Kremlin's, a presidency's, a press conference) give each turn a label ("President of Russia Vladimir
Putin: ...", "Dmitry Peskov: ...", "Question: ..."). Everything a turn says is its speaker's unless the text gives
it to someone else ("According to the IMF, ...", "He said that ..."). This module measures how often extraction
agrees, on any table of texts and with no annotation, by reading the turns in its own simple way — deliberately not
with ``saydo.extract.turns``, so the measure does not grade the segmenter by itself:

- **Labels.** Two to twelve words, each capitalised or one of "of", "the", "and", ending in a capitalised word, then a
  colon and a space (a bracketed word, or one space, may stand before the colon: "(retranslated)"). The speaker is
  the two words before a doubled word (a site's tooltip glued to the label: "Chair Anna Kovalenko Kovalenko
  AnnaChair of the Board" -> "Anna Kovalenko"), else the label's last two words, which must both be capitalised
  ("Governor of the Region Anna Kovalenko" -> "Anna Kovalenko"; "Republic of Ruritania:" is no label).
  A name may also come first, its office after a comma ("Anna Kovalenko, Head of the Federal Service for Roads
  (Roadsafe):", up to 22 words and a bracket of up to 40 characters): the speaker is the two words before the comma.
  "Question:", "Remark:", "Reply:", "Answer:", "Q:" and "A:" at a sentence's start are labels too, of nobody named:
  they end a turn and open one not scored.
- **Transcripts.** A text has turns when one surname labels two turns or more, a label holds a title before the name
  (four words or more: "Acme CEO Jan Novak"), or a label opens the text. Its turns are then the labels that open a
  sentence (the start of the text or a line, or after . ! ? … > * and a space, a closing quote allowed), and anywhere
  else those with a title or a recurring surname ("... and so on Jan Novak: ..." in a text whose lines were joined).
- **Turns** run from the end of their label to the start of the next label (or the end of the text).
- **Statements located** in a named turn are the predicted statements whose first character lies in its words.
  Credited: the predicted speaker is the same person as the turn's (``score.same_speaker``), or a name of two words or
  more all of whose words stand in the label, the last one too ("Maria Luisa Rossi" for a label read as "Luisa
  Rossi").
- **Excluded** from the count: statements in a sentence of the turn (split at . ! ? … before a capital) that gives its
  words to someone else in the plain way a reader sees — "according to", or a third-person subject (he, she, they,
  you, or a capitalised word other than I and We) right before a reporting verb (said, says, told, noted, believes,
  ...). Such sentences may rightly belong to that other party.

Also counted: the sentences of named turns (by the same split) that are not questions, so that a high share reached by
finding few statements shows as low coverage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from saydo.extract.score import same_speaker
from saydo.records import Article, Statement

_WORD = r"[A-Z][\w'’–-]*"
_LABEL = re.compile(
    rf"(?<![\w'’.,;:-])(?P<label>(?:(?:{_WORD}|of|the|and)[ \t]){{1,11}}{_WORD}|"
    rf"Question|Remark|Reply|Answer|Q|A)(?:[ \t]?\(\w+\))?[ \t]?:[ \t]")
# a name before its office: "Anna Kovalenko, Head of the Federal Service for Roads (Roadsafe): ..."
_NAME_FIRST = re.compile(
    rf"(?<![\w'’.,;:-])(?P<label>(?P<name>{_WORD}[ \t]{_WORD}),[ \t](?:(?:{_WORD}|of|the|and|for|on|in)[ \t]){{0,20}}"
    rf"{_WORD})(?:[ \t]?\([^()\n]{{1,40}}\))?[ \t]?:[ \t]")
_OPENS = re.compile(r"[.!?…>*\n][\"”’]?[ \t]*$")
_FLOOR = {"Question", "Remark", "Reply", "Answer", "Q", "A"}
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’]?\s+(?=[\"“A-Z])")
_OTHER_SOURCE = re.compile(
    r"\b[Aa]ccording to\b|\b(?:[Hh]e|[Ss]he|[Tt]hey|[Yy]ou|(?!I\b|We\b)[A-Z][\w'’-]*)"
    r"(?: (?:has|have|had|also|just|once|then|recently|rightly|already|repeatedly))? "
    r"(?:said|says|say|stated|states|told|tells|noted|notes|claimed|claims|announced|reported|wrote|writes|believes|"
    r"believe|thinks|think|promised|warned|stressed|insisted|suggested|proposed|asked|argued|assured|mentioned)\b")


@dataclass
class ReadTurn:
    speaker: str  # the label's last two words; "" for a label of nobody named (Question:, Remark:)
    start: int  # the first character of the turn's words
    end: int
    label: str = ""


@dataclass
class TurnScore:
    texts: int = 0
    with_turns: int = 0
    named_turns: int = 0
    turn_sentences: int = 0  # sentences of named turns that are not questions
    located: int = 0
    excluded: int = 0
    credited: int = 0
    examples: list[dict] = field(default_factory=list)  # statements not credited, for reading

    def to_json(self) -> dict:
        counted = self.located - self.excluded
        return {"texts": self.texts, "texts_with_turns": self.with_turns, "named_turns": self.named_turns,
                "turn_sentences": self.turn_sentences, "statements_in_turns": self.located,
                "excluded_other_source": self.excluded, "counted": counted, "credited": self.credited,
                "share_credited": round(self.credited / counted, 4) if counted else None,
                "not_credited": self.examples}


def read_turns(text: str) -> list[ReadTurn]:
    """The turns of a transcript by the simple reading above; [] for a text that is not one."""
    labels = []  # (start of the label, start of the turn's words, label, opens a sentence)
    names: dict[int, str] = {}  # label start -> the name of a name-first label
    for m in _NAME_FIRST.finditer(text):
        names[m.start("label")] = m.group("name")
        opens = m.start() == 0 or bool(_OPENS.search(text[max(0, m.start() - 4):m.start()]))
        labels.append((m.start("label"), m.end(), m.group("label"), opens))
    for m in _LABEL.finditer(text):
        if m.group("label") not in _FLOOR and not _label_name(m.group("label")):
            continue
        start = m.start("label")
        if any(s <= start < b for s, b, _, _ in labels):
            continue  # inside a name-first label read already
        opens = start == 0 or bool(_OPENS.search(text[max(0, start - 4):start]))
        labels.append((start, m.end(), m.group("label"), opens))
    labels.sort()

    def surname(start: int, label: str) -> str:
        return (names.get(start) or label).split()[-1]

    surnames = [surname(start, label) for start, _, label, _ in labels if label not in _FLOOR]
    titled = [len(label.split()) >= 4 for _, _, label, _ in labels]
    if not labels or not (any(surnames.count(s) >= 2 for s in surnames) or any(titled) or labels[0][0] == 0):
        return []
    kept = [(start, body, label) for (start, body, label, opens), title in zip(labels, titled)
            if opens or (label not in _FLOOR and (title or surnames.count(surname(start, label)) >= 2))]
    turns = []
    for i, (start, body, label) in enumerate(kept):
        end = kept[i + 1][0] if i + 1 < len(kept) else len(text)
        speaker = "" if label in _FLOOR else names.get(start) or _label_name(label)
        turns.append(ReadTurn(speaker, body, end, label))
    return turns


def _label_name(label: str) -> str:
    """The two words before a doubled word ("CEO Jan Novak Novak JanCEO of Acme" -> "Jan Novak": a site's tooltip
    glued to the label), else the label's last two words; "" unless both are capitalised."""
    words = label.split()
    repeated = next((i for i in range(1, len(words) - 1) if words[i] == words[i + 1]), None)
    name = words[repeated - 1:repeated + 1] if repeated is not None else words[-2:]
    return " ".join(name) if all(w[:1].isupper() for w in name) else ""


def score_turns(articles: list[Article], predictions: list[list[Statement]], examples: int = 40) -> TurnScore:
    """How many predicted statements inside named turns are credited to the turn's speaker (see the module)."""
    result = TurnScore(texts=len(articles))
    for article, statements in zip(articles, predictions):
        turns = [t for t in read_turns(article.text) if t.speaker]
        result.with_turns += bool(turns)
        result.named_turns += len(turns)
        for turn in turns:
            sentences = _sentences(article.text, turn.start, turn.end)
            result.turn_sentences += sum(1 for s, e in sentences if not article.text[s:e].rstrip().endswith("?"))
            for statement in statements:
                if not turn.start <= statement.start < turn.end:
                    continue
                result.located += 1
                start, end = next(((s, e) for s, e in sentences if s <= statement.start < e), (turn.start, turn.end))
                if _OTHER_SOURCE.search(article.text, start, end):
                    result.excluded += 1
                elif same_speaker(turn.speaker, statement.speaker) or _named_in(statement.speaker, turn.label):
                    result.credited += 1
                elif len(result.examples) < examples:
                    result.examples.append({"article": article.name, "turn": turn.speaker,
                                            "predicted": statement.speaker, "text": statement.text[:160]})
    return result


def _named_in(speaker: str, label: str) -> bool:
    """"Maria Luisa Rossi" in a label read as "Luisa Rossi": the label holds every word of the predicted name, the
    last as its surname."""
    words, named = label.split(), speaker.split()
    return len(named) >= 2 and named[-1] in words and all(w in words for w in named)


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start] + [m.end() for m in _SENTENCE_END.finditer(text, start, end)] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
