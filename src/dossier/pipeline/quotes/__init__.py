"""Quotes (``dossier_quotes``): direct, mixed, indirect and according-to quotes, attributed.

Reads the mentions and entity records, the parse, quotation marks and ``doc_state.TIMES``;
writes ``doc_state.QUOTES``.
"""

from .finder import QuoteFinder, find_quotes

__all__ = ["QuoteFinder", "find_quotes"]
