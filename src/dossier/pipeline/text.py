"""The text layer: paragraphs and passages in quotation marks, found on plain text (no model needed).

Paragraphs: news bodies come one paragraph a line; a paragraph boundary is also a
sentence boundary (:func:`mark_paragraphs`, run before the parser).

Quotation marks:

News conventions handled here:

* straight (``"``) and curly (``“ ”``) double marks; single marks (``‘ ’``, ``'``)
  at the top level only when an opener and a closer pair up inside one paragraph;
* single marks inside a double-quoted passage are nested quotes, never new ones;
* two apostrophes (``''``) are one double mark;
* a bare apostrophe is never a mark: possessives (``Ortega'``), contractions
  (``don't``) and elisions (``'90s``);
* a quote left open at the end of a paragraph continues when the next paragraph
  opens with a mark (the multi-paragraph convention); otherwise it is closed at
  the paragraph end (``recovered``) so one stray mark never derails the rest.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

DOUBLE_OPEN = "“„"
DOUBLE_CLOSE = "”"
DOUBLE_STRAIGHT = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
SINGLE_STRAIGHT = "'"
# Characters after which a straight mark opens rather than closes (and any white space: no-break too).
_OPENING_CONTEXT = " \t\n\xa0\u2009\u202f([{—–-/"


@dataclass(frozen=True)
class Marked:
    """A passage between quotation marks: ``start:end`` is the content, marks excluded."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None when recovered at a paragraph end
    single: bool = False
    paragraphs: int = 1

    @property
    def outer_end(self) -> int:
        """End of the passage including its closing mark."""
        return self.end if self.close_mark is None else self.close_mark + 1


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-blank line of ``text``: news bodies come one paragraph a line."""
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            yield pos, end
        pos = end + 1


class ParagraphIndex:
    """Which paragraph (0-based, counting the lines of :func:`paragraphs`) a character offset falls in."""

    def __init__(self, text: str) -> None:
        self.starts = [s for s, _ in paragraphs(text)]

    def of(self, char: int) -> int:
        """The paragraph of ``char`` (white space before the first paragraph counts as the first)."""
        return max(0, bisect_right(self.starts, char) - 1)


def paragraph_starts(doc: Doc) -> list[int]:
    """Tokens that open a paragraph: the first non-space token after any line break."""
    out = []
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                out.append(nxt.i)
    return out


def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence at each paragraph start, never inside a paragraph's white space."""
    for i in paragraph_starts(doc):
        doc[i].is_sent_start = True
    return doc


def _is_open_straight(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in _OPENING_CONTEXT and not after.isspace()


def _opens_paragraph(text: str, start: int, end: int) -> int | None:
    """Index of the opening double mark that begins the paragraph ``start:end``, if any."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i < end and (text[i] in DOUBLE_OPEN or text[i] == DOUBLE_STRAIGHT):
        return i
    return None


def _double_quotes(text: str) -> list[Marked]:
    found: list[Marked] = []
    paras = list(paragraphs(text))
    stack: list[int] = []  # opening marks: the passage's own first, nested ones above it
    n_paras = 1
    for k, (start, end) in enumerate(paras):
        i = start
        if stack:  # continuing from the paragraph before: skip its reopening mark
            i = (_opens_paragraph(text, start, end) or start) + 1
        while i < end:
            ch = text[i]
            if ch in DOUBLE_OPEN:
                if not stack:
                    n_paras = 1
                stack.append(i)
            elif ch in DOUBLE_CLOSE or (ch == DOUBLE_STRAIGHT and stack and not _nested_straight(text, i, stack)):
                if stack:
                    open_at = stack.pop()
                    if not stack:
                        found.append(Marked(open_at + 1, i, open_at, i, paragraphs=n_paras))
            elif ch == DOUBLE_STRAIGHT and (stack or _is_open_straight(text, i, start)):
                if not stack:
                    n_paras = 1
                stack.append(i)
            i += 1
        if stack:
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            if nxt is not None and _opens_paragraph(text, *nxt) is not None:
                n_paras += 1
                del stack[1:]
                continue
            found.append(_recovered(text, stack[0], end, n_paras))
            stack.clear()
    return found


def _nested_straight(text: str, i: int, stack: list[int]) -> bool:
    """Whether a straight mark inside a curly-quoted passage opens a nested quote."""
    return text[stack[-1]] != DOUBLE_STRAIGHT and _is_open_straight(text, i, 0)


def _recovered(text: str, open_at: int, end: int, n_paras: int) -> Marked:
    stop = end
    while stop > open_at + 1 and text[stop - 1].isspace():
        stop -= 1
    return Marked(open_at + 1, stop, open_at, None, paragraphs=n_paras)


def _is_single_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # "don't", "it’s": a mark between two letters is an apostrophe.
    return not before.isspace() and not after.isalnum()


def _single_quotes(text: str, inside: list[Marked]) -> list[Marked]:
    found: list[Marked] = []
    for start, end in paragraphs(text):
        i = start
        while i < end:
            ch = text[i]
            after = text[i + 1] if i + 1 < end else " "
            before = text[i - 1] if i > start else " "
            opens = (ch in (SINGLE_OPEN, SINGLE_STRAIGHT)) and before in _OPENING_CONTEXT and after.isalpha()
            if opens and not _within(i, inside):
                closers = (j for j in range(i + 2, end) if text[j] in (SINGLE_CLOSE, SINGLE_STRAIGHT))
                close = next((j for j in closers if _is_single_close(text, j)), None)
                if close is not None and not _within(close, inside):
                    found.append(Marked(i + 1, close, i, close, single=True))
                    i = close
            i += 1
    return found


def _within(i: int, quotes: list[Marked]) -> bool:
    return any(q.open_mark <= i < q.outer_end for q in quotes)


def _double_apostrophes(text: str) -> str:
    """``text`` with each pair of apostrophes used as a double mark (``''Yes,'' he said``, a
    wire-service convention) turned into one straight double mark plus a space, offsets kept."""
    if "''" not in text:
        return text
    chars = list(text)
    i = 0
    while i < len(chars) - 1:
        if chars[i] == chars[i + 1] == SINGLE_STRAIGHT:
            before = chars[i - 1] if i > 0 else " "
            chars[i], chars[i + 1] = (" ", DOUBLE_STRAIGHT) if before in _OPENING_CONTEXT else (DOUBLE_STRAIGHT, " ")
            i += 2
        else:
            i += 1
    return "".join(chars)


def find_marked(text: str) -> list[Marked]:
    """Every quoted passage of ``text`` in document order (double first, then top-level single)."""
    text = _double_apostrophes(text)
    doubles = _double_quotes(text)
    singles = _single_quotes(text, doubles)
    return sorted(doubles + singles, key=lambda m: m.start)
