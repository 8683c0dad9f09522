"""Error types and messages, each with a code (in the manner of spaCy's errors.py)."""

from __future__ import annotations


class DossierError(Exception):
    """Base of every error dossier raises on purpose."""

    code = "D000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class ReadError(DossierError):
    """An input could not be read as an article. ``where`` names the file (and line)."""

    code = "D100"

    def __init__(self, where: str, reason: str, kind: str = "invalid") -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason
        self.kind = kind  # short machine-readable reason: binary, empty, encoding, json, date, too_large, ...


class ModelError(DossierError):
    """The spaCy pipeline named by --model / DOSSIER_MODEL could not be loaded."""

    code = "D200"


class StoreError(DossierError):
    """The SQLite store could not be opened, migrated or written."""

    code = "D300"


class GoldError(DossierError):
    """A gold file for ``dossier eval`` is malformed."""

    code = "D400"


class NotFound(DossierError):
    """A person or entity asked for is not in the store; ``suggestions`` are the nearest names."""

    code = "D404"

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = list(suggestions or [])


class Ambiguous(DossierError):
    """A name matches several entities and none is clearly the one meant; ``matches`` lists them."""

    code = "D409"

    def __init__(self, message: str, matches: list[dict[str, object]]) -> None:
        super().__init__(message)
        self.matches = matches
