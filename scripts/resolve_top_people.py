#!/usr/bin/env python3
"""The most frequent people of a store and how resolution formed them, for checking by reading.

Usage: python scripts/resolve_top_people.py STORE.db [N]

For each of the N (default 50) people named in the most articles: the name forms merged into the
entity (with article counts), how many bare-surname article entities joined it, and the other
entities of the same surname that are name-compatible (a split) or bare surnames left apart.
"""

from __future__ import annotations

import sys
from collections import defaultdict

from dossier.resolve.names import compatible, parse
from dossier.store import Store


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    with Store(sys.argv[1], readonly=True) as s:
        top = s.conn.execute(
            "SELECT e.id, e.name, count(DISTINCT ae.article_id) FROM entities e"
            " JOIN article_entities ae ON ae.entity_id = e.id WHERE e.type = 'PERSON'"
            " GROUP BY e.id ORDER BY 3 DESC LIMIT ?", (n * 2,)).fetchall()
        people = [r for r in top if (p := parse(r[1])) is not None and p.full][:n]
        for eid, name, articles in people:
            p = parse(name)
            forms = s.conn.execute("SELECT display, n FROM forms WHERE entity_id = ? ORDER BY n DESC",
                                   (eid,)).fetchall()
            bare = sum(r[0] for r in s.conn.execute("SELECT n FROM signatures WHERE entity_id = ?", (eid,)))
            apart: dict[str, int] = defaultdict(int)
            for oid, oname in s.conn.execute(
                    "SELECT id, name FROM entities WHERE type = 'PERSON' AND surname = ? AND id != ?",
                    (p.surname, eid)):
                q = parse(oname)
                if q is None:
                    continue
                k = s.conn.execute("SELECT count(DISTINCT article_id) FROM article_entities WHERE entity_id = ?",
                                   (oid,)).fetchone()[0]
                if q.full and compatible(p, q):
                    apart[f"compatible: {oname}"] += k
                elif not q.full:
                    apart[f"bare: {oname}"] += k
            listed = ", ".join(f"{d} ×{c}" for d, c in forms)
            print(f"{name} [{articles} articles] forms: {listed}; bare surnames joined: {bare};"
                  f" apart: {dict(apart) or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
