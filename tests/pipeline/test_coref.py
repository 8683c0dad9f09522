"""People coreference (component ``dossier_coref``): rules on invented sentences, traps included."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dossier.pipeline import doc_state
from dossier.pipeline.coref.descriptors import kin_nouns, normalise_title, role_nouns, title_matches
from dossier.pipeline.coref.resolver import APPOSITIONS, CONFIDENCE

CASES = json.loads((Path(__file__).parents[1] / "data" / "coref" / "cases.json").read_text(encoding="utf-8"))


# --- without the model -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "title", "former"),
    [
        (["the", "former", "attorney", "general"], "attorney general", True),
        (["Sen."], "senator", False),
        (["Former", "Gov."], "governor", True),
        (["then", "-", "Mayor"], "mayor", False),
        (["Vice", "President"], "vice president", False),
    ],
)
def test_normalise_title(words: list[str], title: str, former: bool) -> None:
    assert normalise_title(words) == (title, former)


@pytest.mark.parametrize(
    ("descriptor", "tied", "ok"),
    [
        ("senator", "senator", True),
        ("senator", "state senator", True),
        ("president", "vice president", False),
        ("mayor", "deputy mayor", False),
        ("attorney general", "district attorney", False),
    ],
)
def test_title_matches(descriptor: str, tied: str, ok: bool) -> None:
    assert title_matches(descriptor, tied) is ok


def test_lexicons_parse() -> None:
    assert kin_nouns()["brother"] == ("male", True)
    assert kin_nouns()["wife"] == ("female", False)  # a spouse's surname is not inferred
    assert role_nouns()["congresswoman"] == "female"
    assert role_nouns()["attorney general"] is None


# --- with the model --------------------------------------------------------------------------------


def _doc(nlp, text: str):  # type: ignore[no-untyped-def]
    return nlp(text)


def _resolved(doc, word: str, n: int = 1) -> str | None:  # type: ignore[no-untyped-def]
    """Name of the entity the n-th whole-word ``word`` was resolved to, or None."""
    start = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", doc.text)][n - 1]
    for span in doc_state.mentions(doc):
        if span.start_char == start and span.id_ in {"pronoun", "descriptor"}:
            return doc_state.entities(doc)[span.kb_id_]["name"]
    return None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("case", "item"),
    [(c, i) for c in CASES for i in c["items"]],
    ids=[f"{c['id']}:{i['mention']}#{i.get('occurrence', 1)}" for c in CASES for i in c["items"]],
)
def test_cases(nlp, case: dict, item: dict) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, case["text"])
    assert _resolved(doc, item["mention"], item.get("occurrence", 1)) == item["antecedent"]


@pytest.mark.slow
def test_same_surname_people_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(
        nlp,
        "Senator Marta Lindqvist and her brother, Johan Lindqvist, toured the shipyard on Monday. "
        "Johan Lindqvist said he would return in May.",
    )
    names = {r["name"] for r in doc_state.entities(doc).values() if r["type"] == "PERSON"}
    assert {"Marta Lindqvist", "Johan Lindqvist"} <= names


@pytest.mark.slow
def test_bare_shared_surname_follows_honorific(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(
        nlp,
        "Maria Lund opened the gallery with her husband, Peter Lund, on Friday. "
        "Later, Mr. Lund said the paintings were his.",
    )
    lund = next(s for s in doc_state.mentions(doc) if s.text == "Lund")
    # Maria is named first (the principal bearer), but "Mr." decides.
    assert doc_state.entities(doc)[lund.kb_id_]["name"] == "Peter Lund"


@pytest.mark.slow
def test_kin_apposition_gives_surname_and_gender(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, "Mayor Ada Obi's brother, Nnamdi, runs a bakery on Elm Street.")
    rec = next(r for r in doc_state.entities(doc).values() if r["name"].startswith("Nnamdi"))
    assert rec["name"] == "Nnamdi Obi"
    assert rec["gender"] == "male"
    assert "Nnamdi" in {s.text for s in doc_state.mentions(doc)}  # the mention itself is kept


@pytest.mark.slow
def test_spouse_apposition_gives_no_surname(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, "Governor Ada Obi's husband, Martin, runs a bakery on Elm Street.")
    assert any(r["name"] == "Martin" for r in doc_state.entities(doc).values())


@pytest.mark.slow
def test_joint_first_name_takes_surname(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, "Joe and Jill Marrow arrived together at the hearing on Monday.")
    names = {r["name"] for r in doc_state.entities(doc).values()}
    assert {"Joe Marrow", "Jill Marrow"} <= names


@pytest.mark.slow
def test_apposition_records(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(
        nlp, "Tom Reyes, Mayor Ada Obi's 2019 campaign manager and later her chief of staff, declined to comment."
    )
    apps = doc.user_data[APPOSITIONS]
    reyes = [a for a in apps if doc_state.entities(doc)[a["entity"]]["name"] == "Tom Reyes"]
    assert reyes and doc.text[reyes[0]["start"] : reyes[0]["end"]] == reyes[0]["text"]
    assert "campaign manager" in reyes[0]["text"] and "chief of staff" in reyes[0]["text"]


@pytest.mark.slow
def test_gender_set_from_article_pronouns(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, "Dr. Okonkwo presented the findings on Monday. Okonkwo said she expected the trial to end by June.")
    rec = next(r for r in doc_state.entities(doc).values() if r["name"] == "Okonkwo" and r["type"] == "PERSON")
    assert rec["gender"] == "female"


@pytest.mark.slow
def test_confidences_are_plain_values(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, "Governor Elena Marsh met with Tomas Reed on Tuesday. Reed had criticised her budget.")
    conf = doc.user_data[CONFIDENCE]
    her = doc.text.index(" her ") + 1
    assert 0.0 < conf[(her, her + 3)] <= 1.0


@pytest.mark.slow
def test_pronoun_with_no_person_abstains(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, "The council met on Monday. She said the budget was late.")
    assert _resolved(doc, "She") is None


@pytest.mark.slow
@pytest.mark.shared
def test_reference_article(nlp, seed: Path) -> None:  # type: ignore[no-untyped-def]
    """Every alias the gold reading lists for a person, descriptors included, lands in one entity."""
    import json

    from dossier.evaluate import norm_name
    from dossier.extraction import article_doc
    from dossier.graph import Article

    first, body = seed.read_text(encoding="utf-8").split("\n", 1)
    _, date, title = first.strip().split(" ", 2)
    doc = article_doc(Article(id="seed", title=title, body=body, published=date), nlp)
    gold = json.loads(seed.with_name(seed.stem + ".gold.json").read_text(encoding="utf-8"))
    keys_by_text: dict[str, set[str]] = {}
    for span in doc_state.mentions(doc):
        keys_by_text.setdefault(norm_name(span.text), set()).add(span.kb_id_)
    for ent in gold["entities"]:
        if ent["type"] != "PERSON" or not ent.get("must"):
            continue
        keys = set().union(*(keys_by_text.get(norm_name(a), set()) for a in ent["aliases"]))
        assert len(keys) == 1, (ent["id"], keys)


@pytest.mark.slow
def test_surname_the_tagger_calls_a_noun_still_joins_its_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Odile Varnet lost the 2018 race by 300 votes. "
        "When I put the question to Varnet last week, she declined to play along."
    )
    doc = _doc(nlp, text)
    i = text.index("Varnet last")
    span = next((s for s in doc_state.mentions(doc) if s.start_char == i), None)
    assert span is not None and doc_state.entities(doc)[span.kb_id_]["name"] == "Odile Varnet"
    assert _resolved(doc, "she") == "Odile Varnet"


@pytest.mark.slow
def test_a_pronoun_repeated_in_one_sentence_keeps_its_referent(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Dana Whitfield ran for the board in May. "
        "Jonas Berle endorsed her in June and campaigned for her at the docks."
    )
    doc = _doc(nlp, text)
    assert _resolved(doc, "her", 1) == "Dana Whitfield"
    assert _resolved(doc, "her", 2) == "Dana Whitfield"


# --- the pronoun subject of a reporting verb continues the last speaker ------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a same-gender person only inside the speaker's reported clause does not compete
        (
            "Sen. Ruben Osei said he did not think the ads had hurt Marco Venn, arguing that turnout mattered "
            'more.\n\n"Those ads were noise. Voters wanted jobs," he said.',
            "Ruben Osei",
        ),
        # nouns in an apposition describe the subject, they are no second person
        (
            "Nadia Ferro, a lawyer and spokeswoman for the tenants, said the rent rise broke the lease.\n\n"
            '"The landlord knew it," she said.',
            "Nadia Ferro",
        ),
        # the speaker of the quote paragraph just before continues
        (
            'Piet Varga said on Monday that the plan was sound.\n\n"It is a good plan," Olek Brandt said. '
            '"We need it."\n\n"We will start in June," he said.',
            "Olek Brandt",
        ),
    ],
)
def test_speech_pronoun_continues_previous_subject(nlp, text: str, who: str) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, text)
    word = "she" if "she said" in text else "he"
    n = len(re.findall(rf"(?<!\w){word}(?!\w)", text))
    assert _resolved(doc, word, n) == who


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "who"),
    [
        ('Piet Varga said the plan was sound.\n\n"It is a good plan," he said.', "Piet Varga"),
        # two people as subjects: no continuation
        ('Piet Varga and Olek Brandt toured the port on Monday.\n\n"The fees are too high," he said.', None),
        # someone fitting named in between breaks the chain
        (
            'Piet Varga said the plan was sound. The proposal angered Olek Brandt.\n\n"It is a bad plan," he said.',
            None,
        ),
    ],
)
def test_continued_speaker_abstains_on_rivals(nlp, text: str, who: str | None) -> None:  # type: ignore[no-untyped-def]
    from dossier.pipeline.coref.discourse import Discourse
    from dossier.pipeline.coref.pronouns import _continued_speaker, features

    doc = _doc(nlp, text)
    d = Discourse.build(doc)
    tok = next(t for t in doc if t.lower_ == "he" and t.head.lower_ == "said")
    got = _continued_speaker(d, tok, features(tok), set(d.records))  # type: ignore[arg-type]
    assert (d.records[got]["name"] if got else None) == who
