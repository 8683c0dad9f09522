"""Reading and checking gold files (the seed-gold form); a malformed one is a :class:`GoldError`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import GoldError

SECTIONS: tuple[str, ...] = ("entities", "times", "quotes", "roles", "relations", "events", "claims")

# Keys of each section that name a gold entity id.
_REF_KEYS: dict[str, tuple[str, ...]] = {
    "quotes": ("speaker", "told", "source"),
    "roles": ("person", "place", "employer", "org"),
    "relations": ("a", "b", "source"),
    "events": ("who", "target"),
    "claims": ("source",),
}
_REQUIRED = {"times": "value", "quotes": "text", "roles": "title", "relations": "type", "events": "type",
             "claims": "text"}


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read and check a gold file; raise :class:`GoldError` naming the file when it is malformed."""
    p = Path(path)
    try:
        gold = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldError(f"{p.name}: cannot read: {exc.strerror or exc}", str(p)) from exc
    except UnicodeDecodeError as exc:
        raise GoldError(f"{p.name}: not UTF-8 text", str(p)) from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{p.name}: invalid JSON at line {exc.lineno}: {exc.msg}", f"{p}:{exc.lineno}") from exc
    validate_gold(gold, where=p.name, location=str(p))
    return gold


def validate_gold(gold: Any, where: str = "gold", location: str | None = None) -> None:
    """Check the shape of a gold dict: sections are lists of objects, ids are known.

    ``where`` names the gold in messages; ``location`` (default: ``where``) is the error's ``where``.
    """

    def bad(message: str) -> GoldError:
        return GoldError(f"{where}: {message}", location or where)

    if not isinstance(gold, dict):
        raise bad(f"top level must be an object, got {type(gold).__name__}")
    for key in (*SECTIONS, "not_entities", "must_not"):
        if key in gold and not isinstance(gold[key], list):
            raise bad(f"'{key}' must be a list")
    ids: set[str] = set()
    for n, ent in enumerate(gold.get("entities", [])):
        if not isinstance(ent, dict) or not isinstance(ent.get("id"), str) or not isinstance(ent.get("type"), str):
            raise bad(f"entities[{n}] needs a string 'id' and 'type'")
        if ent["id"] in ids:
            raise bad(f"duplicate entity id '{ent['id']}'")
        aliases = ent.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise bad(f"entities[{n}] ('{ent['id']}'): 'aliases' must be a list of strings")
        if not aliases and not isinstance(ent.get("name"), str):
            raise bad(f"entities[{n}] ('{ent['id']}') has neither a name nor aliases")
        ids.add(ent["id"])
    for section, key in _REQUIRED.items():
        for n, item in enumerate(gold.get(section, [])):
            if not isinstance(item, dict) or not isinstance(item.get(key), str):
                raise bad(f"{section}[{n}] needs a string '{key}'")
            for ref in _REF_KEYS.get(section, ()):
                val = item.get(ref)
                if val is not None and val not in ids:
                    raise bad(f"{section}[{n}].{ref} = '{val}' is not a gold entity id")
            for extra in ("also_accept_a", "also_accept_b"):
                vals = item.get(extra, [])
                if not isinstance(vals, list):
                    raise bad(f"{section}[{n}].{extra} must be a list")
                for val in vals:
                    if val not in ids:
                        raise bad(f"{section}[{n}].{extra} '{val}' is not a gold entity id")
