"""The results of scoring: one :class:`Report` of :class:`SectionScore` counts and :class:`Issue` reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Issue:
    """One miss, error or violation, with a short human reason."""

    kind: str  # miss, type, split, merged, dirty_name, false_positive, not_entity, speaker, ...
    message: str
    must: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message, "must": self.must}


@dataclass
class SectionScore:
    """Counts and issues of one section. ``exact``: found with every checked attribute right."""

    name: str
    must_total: int = 0
    must_found: int = 0
    must_exact: int = 0
    all_total: int = 0
    all_found: int = 0
    all_exact: int = 0
    predicted: int | None = None  # precision denominator; None where precision is not meaningful
    predicted_ok: int = 0
    issues: list[Issue] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        """Share of the scored predictions that match gold (None when nothing was scored)."""
        if not self.predicted:
            return None
        return self.predicted_ok / self.predicted

    @property
    def errors(self) -> list[Issue]:
        """Issues other than plain misses."""
        return [i for i in self.issues if i.kind != "miss"]

    def add(self, must: bool, found: bool, exact: bool) -> None:
        """Count one gold item."""
        self.all_total += 1
        self.all_found += found
        self.all_exact += found and exact
        if must:
            self.must_total += 1
            self.must_found += found
            self.must_exact += found and exact

    def issue(self, kind: str, message: str, must: bool = False) -> None:
        """Note one issue of this section."""
        self.issues.append(Issue(kind, message, must))

    def to_dict(self) -> dict[str, Any]:
        p = self.precision
        return {
            "must": {"found": self.must_found, "exact": self.must_exact, "total": self.must_total},
            "all": {"found": self.all_found, "exact": self.all_exact, "total": self.all_total},
            "precision": None if p is None else round(p, 4),
            "predicted": self.predicted,
            "predicted_ok": self.predicted_ok,
            "errors": len(self.errors),
            "issues": [i.to_dict() for i in self.issues],
        }


@dataclass
class Report:
    """The score of one article graph against one gold file."""

    sections: dict[str, SectionScore]
    entity_map: dict[str, str | None]  # gold entity id -> predicted entity id
    violations: list[Issue] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)  # must_not items no mechanical check covers
    article: str | None = None

    def _sum(self, attr: str) -> int:
        return sum(getattr(s, attr) for s in self.sections.values())

    @property
    def must_found(self) -> int:
        return self._sum("must_found")

    @property
    def must_total(self) -> int:
        return self._sum("must_total")

    @property
    def all_found(self) -> int:
        return self._sum("all_found")

    @property
    def all_total(self) -> int:
        return self._sum("all_total")

    @property
    def error_count(self) -> int:
        return sum(len(s.errors) for s in self.sections.values())

    def summary_line(self) -> str:
        """One line: must and all recall, entity precision, errors and must_not violations."""
        pct = f" ({100 * self.must_found / self.must_total:.0f}%)" if self.must_total else ""
        p = self.sections["entities"].precision
        ent_p = "n/a" if p is None else f"{p:.2f}"
        return (
            f"must {self.must_found}/{self.must_total}{pct} · all {self.all_found}/{self.all_total}"
            f" · entities P {ent_p} · errors {self.error_count} · violations {len(self.violations)}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "summary": self.summary_line(),
            "must": {"found": self.must_found, "total": self.must_total},
            "all": {"found": self.all_found, "total": self.all_total},
            "sections": {name: s.to_dict() for name, s in self.sections.items()},
            "entity_map": dict(self.entity_map),
            "violations": [v.to_dict() for v in self.violations],
            "unchecked_must_not": list(self.unchecked),
        }
