"""Error types and messages, each with a code (in the manner of spaCy's errors.py)."""

from __future__ import annotations


class UsageError(Exception):
    """A command-line option or argument with a value the command cannot take."""

    code = "D001"


class DossierError(Exception):
    """Base of every error dossier raises on purpose."""

    code = "D000"

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message
        self.where = where  # the file (and line), store or input the error is about, when one is known

    def to_dict(self) -> dict[str, str | None]:
        """The error as the CLI's ``--json`` shape gives it: code, message, where."""
        return {"code": self.code, "message": self.message, "where": self.where}


class ReadError(DossierError):
    """An input could not be read as an article. ``where`` names the file (and line)."""

    code = "D100"
    where: str

    def __init__(self, where: str, reason: str, kind: str = "invalid") -> None:
        super().__init__(f"{where}: {reason}", where)
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


class ExtractError(DossierError):
    """A pipeline component failed on an article (reported by the error handler the service sets)."""

    code = "D500"
    where: str

    def __init__(self, where: str, component: str, reason: str) -> None:
        super().__init__(f"{where}: component {component} failed: {reason}", where)
        self.component = component
        self.reason = reason
