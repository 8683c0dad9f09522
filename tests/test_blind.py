"""The blind-sample scripts (issue 11): sampling, fact keys, the judging sheet and the report."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
CLASSES = {
    "same-surname", "possibility-as-fact", "nominal-trigger", "role-status", "kinship", "quote-speaker",
    "not-person", "quote-content", "wrong-type", "wrong-argument", "time", "other",
}


def _load(name: str):
    if name in sys.modules:
        return sys.modules[name]
    sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bs():
    return _load("blind_sample")


@pytest.fixture(scope="module")
def br():
    return _load("blind_report")


BODY = ("Mayor Ada Ortiz spoke on Monday. \"We will rebuild the bridge,\" Ortiz said. "
        "Her husband, Bo Lane, was not there.\nLane later resigned.")


def _graph(status: str = "attributed", extra: dict | None = None) -> dict:
    q_start = BODY.index('"We')
    cue = BODY.index("said")
    quote = {"kind": "direct", "text": "We will rebuild the bridge,", "status": status, "speaker": "ada_ortiz",
             "span": {"start": q_start + 1, "end": q_start + 28},
             "speaker_span": {"start": cue - 6, "end": cue - 1, "text": "Ortiz"},
             "cue": {"start": cue, "end": cue + 4, "text": "said"}, **(extra or {})}
    tie_start = BODY.index("Her husband")
    tie = {"type": "family.spouse", "subject": "bo_lane", "object": "ada_ortiz", "status": "asserted",
           "evidence": {"start": tie_start, "end": BODY.index("there.") + 6}}
    return {"article": {"id": "a1", "title": "Bridge", "body": BODY, "published": "2016-05-02"},
            "entities": [{"id": "ada_ortiz", "name": "Ada Ortiz", "type": "PERSON"},
                         {"id": "bo_lane", "name": "Bo Lane", "type": "PERSON"}],
            "quotes": [quote], "roles": [], "relations": [tie], "events": []}


def test_sentence_covers_the_span_and_stops_at_its_boundaries(bs):
    start = BODY.index("rebuild")
    s, e = bs.sentence(BODY, start, start + 7)
    assert BODY[s:e] == '"We will rebuild the bridge," Ortiz said.'
    last = BODY.index("resigned")
    s, e = bs.sentence(BODY, last, last + 8)
    assert BODY[s:e] == "Lane later resigned."


def test_facts_name_people_and_carry_the_evidence_sentence(bs):
    quote, tie = list(bs.facts(_graph()))
    assert (quote["kind"], quote["speaker"], quote["cue"]) == ("quote", "Ada Ortiz", "said")
    assert quote["evidence"]["sentence"].endswith("Ortiz said.")
    assert (tie["kind"], tie["subject"], tie["object"]) == ("tie", "Bo Lane", "Ada Ortiz")
    assert tie["evidence"]["sentence"] == "Her husband, Bo Lane, was not there."


def test_keys_are_stable_but_change_with_a_judged_field(bs):
    first = [f["key"] for f in bs.facts(_graph())]
    assert first == [f["key"] for f in bs.facts(_graph())]
    # A field the judgement does not cover (e.g. a later confidence score) keeps the key ...
    assert first == [f["key"] for f in bs.facts(_graph(extra={"confidence": 0.4}))]
    # ... a changed status makes it a new fact to judge.
    assert first[0] != next(bs.facts(_graph(status="hedged")))["key"]
    assert first[0].startswith("a1|quote|body:")


def test_samples_are_disjoint_and_added_articles_keep_only_their_kinds(bs):
    order = [f"art{i:03d}" for i in range(200)]
    blind, fix = bs.split(order, 56)
    assert len(blind) == 56 and len(fix) == 40 and not set(blind) & set(fix)
    assert bs.split(order, 40)[1] == fix  # adding blind articles never moves the fix sample
    rows = [{"article": "art000", "kind": "quote"}, {"article": "art050", "kind": "quote"},
            {"article": "art050", "kind": "event"}]
    assert bs.in_sheet(rows, blind, 40, ["event"]) == [rows[0], rows[2]]


def test_report_counts_strict_lenient_and_the_target_classes(br):
    judged = [
        {"kind": "event", "verdict": "correct", "class": None, "status": "asserted"},
        {"kind": "event", "verdict": "half", "class": "time", "status": "asserted", "reason": "r", "excerpt": "x"},
        {"kind": "event", "verdict": "wrong", "class": "possibility-as-fact", "status": "asserted",
         "reason": "poll", "excerpt": "x"},
        {"kind": "event", "verdict": "wrong", "class": "possibility-as-fact", "status": "hedged",
         "reason": "poll", "excerpt": "x"},
        {"kind": "quote", "verdict": "wrong", "class": "same-surname", "status": "attributed",
         "reason": "wife's words", "excerpt": "x"},
    ]
    report = br.summary(judged)
    event = report["precision"]["event"]
    assert (event["facts"], event["strict"], event["lenient"]) == (4, 0.25, 0.375)
    assert report["precision"]["quote"]["strict"] == 0.0
    assert report["precision"]["role"]["strict"] is None
    assert (report["possibility_asserted"], report["possibility_any_status"]) == (1, 2)
    assert report["same_surname"] == 1
    assert report["classes"][0]["class"] == "possibility-as-fact"
    assert "possibility" in br.render(report)


@pytest.mark.parametrize("name", ["blind_judgements_before.jsonl", "blind_judgements_after.jsonl",
                                  "calib_judgements.jsonl", "blind_judgements_round4.jsonl",
                                  "calib_judgements_round4.jsonl"])
def test_stored_judgements_follow_the_rubric(name):
    path = SCRIPTS / "data" / name
    if not path.exists():
        pytest.skip("no judgements recorded")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len({r["key"] for r in rows}) == len(rows)
    for r in rows:
        assert r["kind"] in {"quote", "role", "tie", "event"}
        assert r["verdict"] in {"correct", "half", "wrong"}
        assert (r["class"] is None) == (r["verdict"] == "correct")
        assert r["class"] is None or r["class"] in CLASSES
        assert "excerpt" not in r  # no article text in the repo: the key locates the evidence


def test_after_judgements_cover_only_facts_not_judged_before():
    before, after = (SCRIPTS / "data" / f"blind_judgements_{n}.jsonl" for n in ("before", "after"))
    if not (before.exists() and after.exists()):
        pytest.skip("no judgements recorded")

    def keys(path):
        return {json.loads(line)["key"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}

    assert not keys(before) & keys(after)


def test_recorded_sample_is_the_seeded_one(bs, shared):
    recorded = json.loads((SCRIPTS / "data" / "blind_sample.json").read_text(encoding="utf-8"))
    order = bs.seeded_order()
    blind, fix = bs.split(order, len(recorded["articles"]))
    assert [a["id"] for a in recorded["articles"]] == blind
    fixed = json.loads((SCRIPTS / "data" / "fix_sample.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in fixed["articles"]] == fix


def test_calibration_sample_is_disjoint_from_the_blind_and_fix_samples(bs, shared):
    cr = _load("calib_report")
    calib = cr.sample_ids()
    recorded = json.loads((SCRIPTS / "data" / "calib_sample.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in recorded["articles"]] == calib
    blind, fix = bs.split(bs.seeded_order(), 80)  # the first 80 are off limits to rule writers
    assert len(calib) == 30 and not set(calib) & (set(blind) | set(fix))
    assert not set(calib) & set(bs.seeded_order()[200:400])  # nor the rule writers' material


def test_calibration_table_counts_what_each_threshold_shows():
    cr = _load("calib_report")
    rows = [{"key": "a", "kind": "quote", "confidence": 0.9, "status": "attributed"},
            {"key": "b", "kind": "quote", "confidence": 0.5, "status": "attributed"},
            {"key": "c", "kind": "quote", "confidence": 0.95, "status": "hypothetical"},
            {"key": "d", "kind": "role", "confidence": 0.7, "status": "asserted"}]
    report = cr.table(rows, {"a": "correct", "b": "wrong", "c": "correct"})
    cells = {c["threshold"]: c for c in report["quotes"]}
    assert (cells[0.0]["shown"], cells[0.0]["strict"]) == (2, 0.5)
    assert (cells[0.6]["shown"], cells[0.6]["strict"]) == (1, 1.0)
    assert report["roles"][0]["shown"] == 0 and report["unjudged"] == {"roles": 1}
