"""Times (``dossier_times``): time expressions, normalised against the article's date.

Reads the parse, ``doc.ents`` and the publication date; writes ``doc_state.TIMES``.
:func:`governing_time` is the one way other components ask which time a clause has.
"""

from .finder import TimeFinder, find_times, governing_time

__all__ = ["TimeFinder", "find_times", "governing_time"]
