"""Paragraph boundaries are sentence boundaries: news bodies come one paragraph a line."""

from __future__ import annotations

from spacy.tokens import Doc


def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence at the first token after any line break, never inside a paragraph's white space."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc
