"""One scorer per section of the gold form, and the must_not checks; each reads a :class:`Context`."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..pipeline.facts.relations import SYMMETRIC
from .match import (
    WORD,
    Checks,
    Context,
    Item,
    Key,
    coverage,
    dirty_name,
    greedy,
    is_descriptor,
    matched,
    norm_name,
    norm_text,
    score_paired,
    short,
    text_overlap,
    when_ok,
)
from .report import Issue, SectionScore

SCORED_TYPES = frozenset({"PERSON", "ORG", "OUTLET", "GPE", "LOC", "GROUP", "NORP"})
OUTLET_SUBTYPES = frozenset({"news_outlet", "platform"})
HYPOTHETICAL_WORDS = ("hypothetical", "imagined", "imaginary", "fictional", "parody", "counterfactual")
QUOTE_MATCH = 0.8
CLAIM_COVER = 0.5


def _items(data: Item, section: str) -> list[Item]:
    return list(data.get(section) or [])


# --------------------------------------------------------------------------- entities


def gold_aliases(ent: Item) -> list[str]:
    """A gold entity's aliases, then its name."""
    names = list(ent.get("aliases") or [])
    if ent.get("name"):
        names.append(ent["name"])
    return names


def _type_ok(gold: Item, pred_type: str) -> bool:
    gtype = gold.get("type")
    if gtype == pred_type:
        return True
    if gtype == "OUTLET" or (gtype == "ORG" and gold.get("subtype") in OUTLET_SUBTYPES):
        return pred_type in ("OUTLET", "ORG")
    return False


def score_entities(ctx: Context) -> SectionScore:
    """Pair entities by shared names (type, exact name, number of shared names first); fills the pairing."""
    sec = SectionScore("entities")
    golds, preds = ctx.gold_entities, ctx.pred_entities
    pstrings = [ctx.strings(p) for p in preds]
    galias = [{norm_name(a) for a in gold_aliases(g)} - {""} for g in golds]
    alias_owner: Counter[str] = Counter(a for s in galias for a in s)
    pairs: list[tuple[Key, int, int]] = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            hits = len(galias[gi] & pstrings[pi])
            if hits:
                exact_name = norm_name(p.get("name", "")) in galias[gi]
                pairs.append(((_type_ok(g, p.get("type", "")), exact_name, hits), gi, pi))
    assigned = greedy(pairs)
    for gi, pi in assigned.items():
        ctx.g2p[golds[gi]["id"]] = preds[pi]["id"]
        ctx.p2g[preds[pi]["id"]] = golds[gi]["id"]
    for gi, g in enumerate(golds):
        gid, must = g["id"], bool(g.get("must", False))
        pj = assigned.get(gi)
        if pj is None:
            ctx.g2p[gid] = None
            taken = sorted((sc, pk) for (sc, gk, pk) in pairs if gk == gi)
            if taken:
                p = preds[taken[-1][1]]
                sec.issue("merged", f"entity {gid}: its aliases are in {p['id']} ({p.get('name')}), "
                          f"which is paired with {ctx.p2g.get(p['id'])}", must)
            else:
                sec.issue("miss", f"entity {gid} ({g.get('name')}) not found", must)
            sec.add(must, False, False)
            continue
        p = preds[pj]
        type_ok = _type_ok(g, p.get("type", ""))
        if not type_ok:
            sec.issue("type", f"entity {gid}: got {p.get('type')}, want {g.get('type')}"
                      + (f"/{g['subtype']}" if g.get("subtype") else ""), must)
        # one entity: every name alias the graph knows must live in one predicted entity
        names = {norm_name(a) for a in gold_aliases(g) if not is_descriptor(a)} - {""}
        names = {a for a in names if alias_owner[a] == 1}
        holders = [preds[j] for j in range(len(preds)) if names & pstrings[j]]
        if len(holders) > 1:
            where = ", ".join(f"{h['id']} ({h.get('name')})" for h in holders)
            sec.issue("split", f"entity {gid} split across {len(holders)} entities: {where}", must)
        sec.add(must, type_ok, len(holders) <= 1)
    _entity_precision(ctx, sec, set().union(*galias) if galias else set())
    return sec


def _entity_precision(ctx: Context, sec: SectionScore, all_aliases: set[str]) -> None:
    """Precision over the scored types, not_entities hits and dirty names."""
    not_entities = {norm_name(s) for s in ctx.gold.get("not_entities") or []}
    gold_names = {" ".join(str(g.get("name", "")).casefold().split()) for g in ctx.gold_entities}
    predicted = ok = 0
    for p in ctx.pred_entities:
        name, typ = p.get("name", ""), p.get("type", "")
        if typ in SCORED_TYPES:
            predicted += 1
            n = norm_name(name)
            if n in not_entities:
                sec.issue("not_entity", f"predicted {p['id']} '{name}' ({typ}) is listed in not_entities")
            elif p["id"] in ctx.p2g or n in all_aliases:
                ok += 1
            else:
                sec.issue("false_positive", f"predicted {p['id']} '{name}' ({typ}) matches no gold entity")
        why = dirty_name(name, typ)
        if why and " ".join(name.casefold().split()) not in gold_names:
            sec.issue("dirty_name", f"predicted {p['id']} name '{name}' has a {why}")
    sec.predicted, sec.predicted_ok = predicted, ok


# --------------------------------------------------------------------------- times


def score_times(ctx: Context) -> SectionScore:
    """Times pair by TIMEX value, overlapping text breaking ties; a miss with the same text is a wrong value."""
    sec = SectionScore("times")
    golds, preds = _items(ctx.gold, "times"), _items(ctx.graph, "times")
    ptext = {id(p): norm_text(ctx.span_text(p)) for p in preds}

    def key(g: Item, p: Item) -> Key | None:
        if p.get("value") != g["value"]:
            return None
        gt, pt = norm_text(g.get("text") or ""), ptext[id(p)]
        return (bool(gt) and bool(pt) and (gt in pt or pt in gt), gt == pt)

    def miss(g: Item, label: str) -> tuple[str, str]:
        gt = norm_text(g.get("text") or "")
        same_text = [p for p in preds if gt and ptext[id(p)] == gt]
        if same_text:
            return "value", f"{label}: got {same_text[0].get('value')}"
        return "miss", f"{label} not found"

    score_paired(ctx, sec, golds, preds, key, lambda g: f"time {short(g.get('text') or '')}={g['value']}", miss=miss)
    values = {g["value"] for g in golds}
    sec.predicted = len(preds)
    sec.predicted_ok = sum(p.get("value") in values for p in preds)
    return sec


# --------------------------------------------------------------------------- quotes


def quote_text(ctx: Context, q: Item) -> str:
    """A predicted quote's text (its ``text``, else the text of its span)."""
    return q.get("text") or ctx.span_text(q.get("span"))


def _by_piece(quotes: list[Item]) -> list[Item]:
    """A quote split by its attribution (``pieces``) pairs piece by piece, as the gold lists the halves."""
    out: list[Item] = []
    for q in quotes:
        pieces = [p for p in q.get("pieces") or [] if isinstance(p, dict) and p.get("text")]
        out += [{**q, "text": p["text"], "span": p} for p in pieces] if len(pieces) > 1 else [q]
    return out


def score_quotes(ctx: Context) -> SectionScore:
    """Quotes pair by text overlap; then speaker, addressee, time and status."""
    sec = SectionScore("quotes")
    golds, preds = _items(ctx.gold, "quotes"), _by_piece(_items(ctx.graph, "quotes"))
    ptext = {id(q): quote_text(ctx, q) for q in preds}

    def key(g: Item, q: Item) -> Key | None:
        ov = text_overlap(g["text"], ptext[id(q)])
        return (ov,) if ov >= QUOTE_MATCH else None

    def check(c: Checks, g: Item, q: Item) -> None:
        c.entity("speaker", "speaker", q.get("speaker") or q.get("source"), g.get("speaker") or g.get("source"))
        c.entity("addressee", "told", q.get("addressee"), g.get("told"))
        c.when("when", g.get("when"), [q.get("when")])
        c.equal("status", q.get("status"), g.get("status"))

    score_paired(ctx, sec, golds, preds, key, lambda g: f"quote {short(g['text'])}", check)
    sec.predicted = len(preds)
    sec.predicted_ok = matched(preds, golds, key)
    return sec


# --------------------------------------------------------------------------- roles


def _title_match(want: str, got: str) -> bool:
    a, b = norm_text(want), norm_text(got)
    return bool(a) and bool(b) and (a in b or b in a)


def score_roles(ctx: Context) -> SectionScore:
    """Roles pair by person and title (either contains the other); then the role's attributes."""
    sec = SectionScore("roles")
    golds, preds = _items(ctx.gold, "roles"), _items(ctx.graph, "roles")

    def key(g: Item, r: Item) -> Key | None:
        if ctx.gid(r.get("person")) != g.get("person") or not _title_match(g["title"], r.get("title") or ""):
            return None
        return (norm_text(g["title"]) == norm_text(r.get("title") or ""),)

    def check(c: Checks, g: Item, r: Item) -> None:
        c.equal("current", r.get("current"), g.get("current"))
        c.when("start", g.get("start"), [r.get("start")])
        c.when("end", g.get("end"), [r.get("end")])
        c.when("when", g.get("when"), [r.get("when"), r.get("start")])
        c.entity("place", "place", r.get("place"), g.get("place"))
        c.entity("employer", "employer", r.get("org"), g.get("employer") or g.get("org"))
        c.equal("status", r.get("status"), g.get("status"))

    score_paired(ctx, sec, golds, preds, key, lambda g: f"role {g.get('person')} \"{g['title']}\"", check)
    scored = [r for r in preds if ctx.gid(r.get("person"))]
    sec.predicted = len(scored)
    sec.predicted_ok = matched(scored, golds, key)
    return sec


# --------------------------------------------------------------------------- relations


def _relation_ends(g: Item) -> tuple[set[str], set[str]]:
    a = {g.get("a") or g.get("subject"), *g.get("also_accept_a", [])}
    b = {g.get("b") or g.get("object"), *g.get("also_accept_b", [])}
    return a - {None}, b - {None}


def _relation_match(ctx: Context, g: Item, r: Item) -> int:
    """0: no match; 2: in the gold order; 1: reversed (symmetric types only)."""
    if r.get("type") != g["type"]:
        return 0
    a, b = _relation_ends(g)
    s, o = ctx.gid(r.get("subject")), ctx.gid(r.get("object"))
    if s in a and o in b:
        return 2
    if g["type"] in SYMMETRIC and o in a and s in b:
        return 1
    return 0


def _relation_hint(ctx: Context, g: Item, preds: list[Item]) -> str:
    """Why a gold relation was missed, when the same pair of entities was related otherwise."""
    a, b = _relation_ends(g)
    other: str | None = None
    for r in preds:
        s, o = ctx.gid(r.get("subject")), ctx.gid(r.get("object"))
        if s in b and o in a and r.get("type") == g["type"]:
            return " (direction reversed)"
        if other is None and {s, o} & a and {s, o} & b and s != o:
            other = r.get("type")
    return f" (same pair as {other})" if other else ""


def score_relations(ctx: Context) -> SectionScore:
    """Relations pair by type and ends (either order for symmetric types); then status, source and time."""
    sec = SectionScore("relations")
    golds, preds = _items(ctx.gold, "relations"), _items(ctx.graph, "relations")

    def key(g: Item, r: Item) -> Key | None:
        m = _relation_match(ctx, g, r)
        return (m, r.get("status") == g.get("status")) if m else None

    def label(g: Item) -> str:
        return f"relation {g['type']}({g.get('a') or g.get('subject')}, {g.get('b') or g.get('object')})"

    def check(c: Checks, g: Item, r: Item) -> None:
        c.equal("status", r.get("status"), g.get("status"))
        c.entity("source", "source", r.get("source"), g.get("source"))
        c.when("when", g.get("when"), [r.get("when"), r.get("start")])

    def miss(g: Item, name: str) -> tuple[str, str]:
        return "miss", f"{name} not found{_relation_hint(ctx, g, preds)}"

    score_paired(ctx, sec, golds, preds, key, label, check, miss)
    scored = [r for r in preds if ctx.gid(r.get("subject")) and ctx.gid(r.get("object"))]
    sec.predicted = len(scored)
    sec.predicted_ok = matched(scored, golds, lambda g, r: _relation_match(ctx, g, r))
    return sec


# --------------------------------------------------------------------------- events


def event_type_ok(want: str, got: str | None) -> bool:
    """"political.endorsement" ~ "endorsement"; a bare category ("election") takes its subtypes."""
    a, b = want.casefold(), (got or "").casefold()
    if not b:
        return False
    return a == b or a.endswith("." + b) or b.endswith("." + a) or ("." not in a and b.startswith(a + "."))


def _event_who(ctx: Context, e: Item) -> list[str | None]:
    return [ctx.gid(p.get("entity")) for p in e.get("participants") or []]


def _event_match(ctx: Context, g: Item, e: Item) -> int:
    """0: no match; 2: ``who`` is the first participant; 1: ``who`` is another participant."""
    if not event_type_ok(g["type"], e.get("type")):
        return 0
    who = _event_who(ctx, e)
    if g.get("who") is None:
        return 1
    wanted = {g["who"], *g.get("also_accept_who", [])}
    if who and who[0] in wanted:
        return 2
    return 1 if wanted & set(who) else 0


def score_events(ctx: Context) -> SectionScore:
    """Events pair by type and ``who`` among the participants; then target, time and status."""
    sec = SectionScore("events")
    golds, preds = _items(ctx.gold, "events"), _items(ctx.graph, "events")

    def key(g: Item, e: Item) -> Key | None:
        m = _event_match(ctx, g, e)
        return (m, when_ok(g.get("when") or "", [e.get("when")])) if m else None

    def check(c: Checks, g: Item, e: Item) -> None:
        if g.get("target") is not None and g["target"] not in _event_who(ctx, e):
            c.fail("target", f"target: {g['target']} is not a participant")
        c.when("when", g.get("when"), [e.get("when")])
        c.equal("status", e.get("status"), g.get("status"))

    score_paired(ctx, sec, golds, preds, key, lambda g: f"event {g['type']}({g.get('who')})", check)
    sec.predicted = len(preds)
    sec.predicted_ok = matched(preds, golds, lambda g, e: _event_match(ctx, g, e))
    return sec


# --------------------------------------------------------------------------- claims


def score_claims(ctx: Context) -> SectionScore:
    """A claim is found when a predicted span covers half its words with the same status (spans may be shared)."""
    sec = SectionScore("claims")
    golds, preds = _items(ctx.gold, "claims"), _items(ctx.graph, "claims")
    ptexts = [ctx.span_text(c.get("span")) for c in preds]
    for g in golds:
        must = bool(g.get("must", False))
        label = f"claim {short(g['text'])}"
        covering = [(coverage(g["text"], t), c) for t, c in zip(ptexts, preds, strict=True)]
        covering = [(cov, c) for cov, c in covering if cov >= CLAIM_COVER]
        found = any(c.get("status") == g["status"] for _, c in covering)
        if found:
            src = g.get("source")
            match = [c for _, c in covering if c.get("status") == g["status"]]
            exact = src is None or any(ctx.gid(c.get("source")) == src for c in match)
            if not exact:
                sec.issue("source", f"{label} source: got {ctx.show(match[0].get('source'))}, want {src}", must)
        elif covering:
            best = max(covering, key=lambda t: t[0])[1]
            sec.issue("status", f"{label} status: got {best.get('status')}, want {g['status']}", must)
            exact = False
        else:
            sec.issue("miss", f"{label} not found", must)
            exact = False
        sec.add(must, found, exact)
    # precision only over hedged/attributed/... claims: gold files do not list plain assertions
    scored = [(t, c) for t, c in zip(ptexts, preds, strict=True) if c.get("status") != "asserted"]
    sec.predicted = len(scored)
    sec.predicted_ok = sum(
        any(coverage(g["text"], t) >= CLAIM_COVER and c.get("status") == g["status"] for g in golds)
        for t, c in scored
    )
    return sec


# --------------------------------------------------------------------------- must_not


def _locate(ctx: Context, text: str) -> tuple[str, int, int] | None:
    """Where a gold text lies in the article: ('body'|'title', start, end), or None."""
    words = WORD.findall(text)
    if not words:
        return None
    pattern = re.compile(r"\W+".join(re.escape(w) for w in words), re.IGNORECASE)
    for where, src in (("body", ctx.body), ("title", ctx.title)):
        m = pattern.search(src)
        if m:
            return where, m.start(), m.end()
    return None


def _inside(span: dict[str, Any] | None, where: tuple[str, int, int]) -> bool:
    """The span lies inside the located text, or holds at least half of it (a sentence containing it)."""
    if not span:
        return False
    if (span.get("in") or "body") != where[0]:
        return False
    s, e = span.get("start", 0), span.get("end", 0)
    inter = min(e, where[2]) - max(s, where[1])
    if inter <= 0:
        return False
    return inter >= min(e - s, where[2] - where[1]) * 0.5


def _describe(ctx: Context, kind: str, item: Item) -> str:
    if kind == "relation":
        return f"relation {item.get('type')}({ctx.show(item.get('subject'))}, {ctx.show(item.get('object'))})"
    if kind == "event":
        who = ", ".join(ctx.show(p.get("entity")) for p in item.get("participants") or [])
        return f"event {item.get('type')}({who})"
    return f"role {ctx.show(item.get('person'))} \"{item.get('title')}\""


def check_must_not(ctx: Context) -> tuple[list[Issue], list[str]]:
    """Violations of the gold's must_not items that a mechanical check covers, and the items none covers."""
    violations: list[Issue] = []
    covered: set[int] = set()
    must_not = [s for s in ctx.gold.get("must_not") or [] if isinstance(s, str)]
    # (a) an entity who speaks no gold quote, named in a must_not item about speakers
    speakers = {q.get("speaker") or q.get("source") for q in ctx.gold.get("quotes") or []}
    for n, text in enumerate(must_not):
        if "speaker" not in text.casefold():
            continue
        for g in ctx.gold_entities:
            if g["id"] in speakers:
                continue
            names = [a for a in gold_aliases(g) if not is_descriptor(a) and len(a) > 2]
            if not any(re.search(rf"\b{re.escape(a)}\b", text, re.IGNORECASE) for a in names):
                continue
            covered.add(n)
            for q in ctx.graph.get("quotes") or []:
                if ctx.gid(q.get("speaker")) == g["id"]:
                    violations.append(Issue(
                        "violation", f"{text}: quote {short(quote_text(ctx, q))} has speaker {g['id']}", True))
    # (b) a non-hypothetical relation/event/role whose evidence lies in a hypothetical gold claim
    hypo = [c for c in ctx.gold.get("claims") or [] if c.get("status") == "hypothetical"]
    if hypo:
        covered |= {n for n, t in enumerate(must_not) if any(w in t.casefold() for w in HYPOTHETICAL_WORDS)}
    for c in hypo:
        where = _locate(ctx, c["text"])
        if where is None:
            continue
        for kind, items in (("relation", "relations"), ("event", "events"), ("role", "roles")):
            for item in ctx.graph.get(items) or []:
                if item.get("status") == "hypothetical" or not _inside(item.get("evidence"), where):
                    continue
                violations.append(Issue(
                    "violation",
                    f"{_describe(ctx, kind, item)} is {item.get('status')} but lies in hypothetical claim "
                    f"{short(c['text'], 40)}",
                    True,
                ))
    unchecked = [t for n, t in enumerate(must_not) if n not in covered]
    return violations, unchecked
