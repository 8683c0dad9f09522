"""Compare two ``dossier extract --format jsonl`` outputs record by record.

    python scripts/compare_extract.py BEFORE.jsonl AFTER.jsonl [--ignore-key KEY ...] [--show N]

Each record (line) is *identical* when its bytes are equal; *identical without KEYs* when,
after deleting the ignored keys (a top-level key such as ``sentences``, or a dotted path
such as ``article.url``) from both sides and writing them back as ``dossier extract`` does,
the bytes are equal. Otherwise the first differing paths are listed. Exit status 0 when
every record is identical (or identical without the ignored keys), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def records(path: Path) -> list[str]:
    """The non-empty lines of a JSONL file, without their line ends."""
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def dump(obj: Any) -> str:
    """The record as ``dossier extract --format jsonl`` writes it."""
    return json.dumps(obj, ensure_ascii=False)


def drop(obj: Any, keys: list[str]) -> Any:
    """``obj`` without the ignored keys (dotted paths from the record's root)."""
    for key in keys:
        *parents, last = key.split(".")
        node = obj
        for part in parents:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, dict):
            node.pop(last, None)
    return obj


def differences(a: Any, b: Any, path: str = "") -> Iterator[str]:
    """Paths where two JSON values differ, in document order."""
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a) != list(b) and set(a) == set(b):
            yield f"{path or '.'}: same keys in another order"
        for key in dict.fromkeys([*a, *b]):
            sub = f"{path}.{key}" if path else key
            if key not in a:
                yield f"{sub}: only in AFTER"
            elif key not in b:
                yield f"{sub}: only in BEFORE"
            else:
                yield from differences(a[key], b[key], sub)
    elif isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            yield from differences(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            yield f"{path}: {len(a)} items before, {len(b)} after"
    elif a != b or type(a) is not type(b):
        yield f"{path}: {json.dumps(a, ensure_ascii=False)[:80]} -> {json.dumps(b, ensure_ascii=False)[:80]}"


def compare(before: Path, after: Path, ignore: list[str], show: int) -> int:
    """Print the comparison; return the number of records that differ (a count mismatch counts)."""
    old, new = records(before), records(after)
    same = same_without = 0
    differing: list[tuple[int, str, list[str]]] = []
    for n, (a, b) in enumerate(zip(old, new, strict=False), 1):
        if a == b:
            same += 1
            continue
        ja, jb = json.loads(a), json.loads(b)
        if ignore and dump(drop(json.loads(a), ignore)) == dump(drop(json.loads(b), ignore)):
            same_without += 1
            continue
        where = (ja.get("article") or {}).get("id", "?") if isinstance(ja, dict) else "?"
        differing.append((n, str(where), list(differences(drop(ja, ignore), drop(jb, ignore)))[:show]))
    print(f"{before} ({len(old)} records) vs {after} ({len(new)} records)")
    print(f"identical bytes: {same}")
    if ignore:
        print(f"identical without {', '.join(ignore)}: {same_without}")
    print(f"different: {len(differing)}")
    for n, where, paths in differing:
        print(f"  record {n} (article {where}):")
        for p in paths:
            print(f"    {p}")
    if len(old) != len(new):
        print(f"record counts differ: {len(old)} before, {len(new)} after")
    return len(differing) + abs(len(old) - len(new))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--ignore-key", action="append", default=[], metavar="KEY",
                        help="a key (or dotted path) to leave out of the comparison; repeatable")
    parser.add_argument("--show", type=int, default=5, help="differing paths listed per record (default 5)")
    args = parser.parse_args(argv)
    return 1 if compare(args.before, args.after, args.ignore_key, args.show) else 0


if __name__ == "__main__":
    sys.exit(main())
