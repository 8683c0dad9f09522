"""The status of statements (``dossier.pipeline.status``): invented sentences about fictional people."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dossier.graph import Quote, Span
from dossier.pipeline import doc_state, syntax
from dossier.pipeline.status import finder
from dossier.pipeline.status.finder import StatusInfo, annotate_status, char_status, statement_status

# --------------------------------------------------------------------------- helpers


def at(doc: Doc, phrase: str, nth: int = 0) -> StatusInfo:
    """The status of the statement whose predicate is ``phrase`` (its nth occurrence)."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(phrase, start + 1)
    return char_status(doc, start, start + len(phrase))


def key_of(doc: Doc, name: str) -> str | None:
    start = doc.text.index(name)
    tok = doc.char_span(start, start + len(name), alignment_mode="expand")
    span = doc_state.mention_index(doc).get(tok.end - 1)
    return span.kb_id_ if span is not None else None


def claims(doc: Doc, status_: str | None = None) -> list:
    out = [c for c in doc_state.section(doc, doc_state.CLAIMS) if c.status != "asserted"]
    return [c for c in out if status_ is None or c.status == status_]


# --------------------------------------------------------------------------- without a model


def _hand_doc() -> Doc:
    # "While Ann may win , Bob lost ." with a hand-made parse
    words = ["While", "Ann", "may", "win", ",", "Bob", "lost", "."]
    heads = [3, 3, 3, 6, 6, 6, 6, 6]
    deps = ["mark", "nsubj", "aux", "advcl", "punct", "nsubj", "ROOT", "punct"]
    pos = ["SCONJ", "PROPN", "AUX", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * 7)


def test_governed_leaves_out_the_adverbial_clause() -> None:
    doc = _hand_doc()
    assert syntax.governed(doc[6]) == [4, 5, 6, 7]
    assert syntax.governed(doc[6], keep_advcl=True) == list(range(8))
    assert syntax.governed(doc[3]) == [0, 1, 2, 3]


def test_edges_trim_marks_and_punctuation() -> None:
    doc = _hand_doc()
    assert syntax.edges(doc, [0, 1, 2, 3]) == (1, 4)
    assert syntax.edges(doc, [5, 6, 7]) == (5, 7)


def test_anchor_is_the_highest_token() -> None:
    doc = _hand_doc()
    assert syntax.anchor(doc, 0, 8).i == 6
    assert syntax.anchor(doc, 1, 4).i == 3


def test_hedge_scope_on_a_hand_parse() -> None:
    doc = _hand_doc()
    assert statement_status(doc, 3, 4).status == "hedged"
    assert statement_status(doc, 3, 4).cues == ("may",)
    assert statement_status(doc, 6, 7).status == "asserted"


def test_precedence_order() -> None:
    assert finder.PRECEDENCE == (
        "hypothetical", "negated", "unknown", "speculative", "hedged", "reported", "attributed", "asserted",
    )


# --------------------------------------------------------------------------- with the model



@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "predicate", "want"),
    [
        # hedged
        ("Senator Mara Quill may have met the donor in March.", "met", "hedged"),
        ("Judge Orla Venn appears to have resigned from the panel.", "resigned", "hedged"),
        ("Councilman Teo Marsh seems to enjoy the fight.", "enjoy", "hedged"),
        ("Mayor Tilda Ferris will likely sign the bill on Friday.", "sign", "hedged"),
        ("Apparently, Dana Pruitt left the firm in 2019.", "left", "hedged"),
        # speculative
        ("It's possible that Councilman Teo Marsh will run for mayor.", "run", "speculative"),
        ("Supporters speculate that Dana Pruitt will endorse Leo Crane.", "endorse", "speculative"),
        ("Perhaps Rina Osk will retire next year.", "retire", "speculative"),
        ("There is speculation that Leo Crane will join the cabinet.", "join", "speculative"),
        # reported
        ("Mayor Tilda Ferris reportedly fired her chief of staff.", "fired", "reported"),
        ("Sources said Governor Ansel Broek had signed the order.", "signed", "reported"),
        ("Otto Lind is said to have left the party.", "left", "reported"),
        ("Two people familiar with the talks said Broek had met Lind.", "met", "reported"),
        # unknown
        ("It's unclear whether Senator Quill will seek a third term.", "seek", "unknown"),
        ("It remains to be seen whether Broek will veto the bill.", "veto", "unknown"),
        ("Lind did not say whether he would run again.", "run", "unknown"),
        ("Ferris declined to say whether she had met Lind.", "met", "unknown"),
        ("Whether Ferris still owns the farm is unclear.", "owns", "unknown"),
        ("Has Governor Broek ever met Otto Lind?", "met", "unknown"),  # the writer asks
        # hypothetical: imagined settings and suppositions
        ("In a spoof video, Mayor Tilda Ferris resigns on live radio.", "resigns", "hypothetical"),
        ("Imagine Otto Lind signing the order himself.", "signing", "hypothetical"),
        ("Let's say Leo Crane wins the primary.", "wins", "hypothetical"),
        ("Say the council approved the levy in May.", "approved", "hypothetical"),
        # negated
        ("Dana Pruitt and Leo Crane were never friends.", "friends", "negated"),
        ("The nurses' union did not endorse Mayor Tilda Ferris.", "endorse", "negated"),
        ("Otto Lind has never served on the board.", "served", "negated"),
        ("Governor Broek refused to sign the order.", "sign", "negated"),
        # asserted, including negation look-alikes
        ("The friendship between Pruitt and Crane didn't just start last year.", "start", "asserted"),
        ("Mayor Ferris wasted no time and endorsed Leo Crane.", "endorsed", "asserted"),
        ("Leo Crane beat Otto Lind in the 2020 primary.", "beat", "asserted"),
    ],
)
def test_status_of_a_statement(nlp, text: str, predicate: str, want: str) -> None:
    doc = nlp(text)
    assert at(doc, predicate).status == want


@pytest.mark.slow
def test_hedge_does_not_leak_to_the_sibling_clause(nlp) -> None:
    doc = nlp("While Governor Ansel Broek may have courted the unions, Mayor Tilda Ferris won the primary easily.")
    assert at(doc, "courted").status == "hedged"
    assert at(doc, "won").status == "asserted"
    hedged = claims(doc, "hedged")
    assert len(hedged) == 1
    assert "courted the unions" in hedged[0].span.text
    assert "won" not in hedged[0].span.text


@pytest.mark.slow
def test_hedge_in_a_coordinated_clause_stays_there(nlp) -> None:
    doc = nlp("Leo Crane might run for mayor, but Rina Osk endorsed Dana Pruitt on Monday.")
    assert at(doc, "run").status == "hedged"
    assert at(doc, "endorsed").status == "asserted"


@pytest.mark.slow
def test_parody_video_content_is_hypothetical(nlp) -> None:
    doc = nlp("A parody video that imagined the two senators dancing at a gala drew thousands of views on Monday.")
    assert at(doc, "dancing").status == "hypothetical"
    assert at(doc, "drew").status == "asserted"
    hypo = claims(doc, "hypothetical")
    assert hypo and any("dancing at a gala" in c.span.text for c in hypo)
    assert not any("drew thousands" in c.span.text for c in hypo)


@pytest.mark.slow
def test_imagined_scene_is_hypothetical_but_its_telling_is_not(nlp) -> None:
    doc = nlp("A comedian shared a sketch of an imagined dinner meeting between Mayor Ferris and Leo Crane "
              "that pictured them trading insults over the budget.")
    assert at(doc, "trading").status == "hypothetical"
    assert at(doc, "shared").status == "asserted"


@pytest.mark.slow
def test_sketch_setting_covers_its_sentence(nlp) -> None:
    doc = nlp("In the sketch, a nervous Crane loses the debate, then proposes that the two of them share the office.")
    assert at(doc, "loses").status == "hypothetical"
    assert at(doc, "share").status == "hypothetical"


@pytest.mark.slow
def test_what_if_column(nlp) -> None:
    doc = nlp("What if Governor Lena Hart had vetoed the bill? She would have lost the union vote. "
              "In fact, Hart signed the bill in May.")
    assert at(doc, "vetoed").status == "hypothetical"
    assert at(doc, "lost").status == "hypothetical"
    assert at(doc, "signed").status == "asserted"


@pytest.mark.slow
def test_counterfactual_conditional(nlp) -> None:
    doc = nlp("If Paul Everly had won the 2018 race, he would have appointed his brother to the board.")
    assert at(doc, "won").status == "hypothetical"
    assert at(doc, "appointed").status == "hypothetical"
    info = at(doc, "appointed")
    assert "would" in " ".join(info.cues)


@pytest.mark.slow
def test_counterfactual_with_a_negation_stays_hypothetical(nlp) -> None:
    doc = nlp("Without that endorsement, Crane would never have won the seat.")
    assert at(doc, "won").status == "hypothetical"


@pytest.mark.slow
def test_suppose_opens_an_imagined_world(nlp) -> None:
    doc = nlp("Suppose Osk had won. In that world, Pruitt might be working for her instead.")
    assert at(doc, "won").status == "hypothetical"
    assert at(doc, "working").status == "hypothetical"


@pytest.mark.slow
def test_direct_quote_is_attributed_to_its_speaker(nlp) -> None:
    doc = nlp('"We approved the merger in March," Harlan Botts said on Tuesday.')
    info = at(doc, "approved")
    assert info.status == "attributed"
    assert info.source is not None and info.source == key_of(doc, "Harlan Botts")


@pytest.mark.slow
def test_indirect_quote_and_negated_content(nlp) -> None:
    doc = nlp("Ana Ruiz said that the board never discussed the merger.")
    info = at(doc, "discussed")
    assert info.status == "negated"  # the fact is denied ...
    assert info.source == key_of(doc, "Ana Ruiz")  # ... by Ruiz
    claim = claims(doc)[0]
    assert claim.status == "attributed"  # the statement, "not" included, is Ruiz's
    assert claim.source == key_of(doc, "Ana Ruiz")


@pytest.mark.slow
def test_according_to(nlp) -> None:
    doc = nlp("According to the Harbor Times, Senator Quill met the donor twice.")
    info = at(doc, "met")
    assert info.status == "attributed"
    assert info.source == key_of(doc, "Harbor Times")
    assert claims(doc, "attributed")[0].span.text.startswith("Senator Quill met")


@pytest.mark.slow
def test_attributed_hedge_is_hedged_with_its_source(nlp) -> None:
    doc = nlp("Ana Ruiz said she may run for governor next year.")
    info = at(doc, "run")
    assert info.status == "hedged"
    assert info.source == key_of(doc, "Ana Ruiz")
    assert "said" in info.cues and "may" in info.cues


@pytest.mark.slow
def test_may_not_is_hedged_but_negative(nlp) -> None:
    doc = nlp("Ruiz hinted that she may not seek a fourth term on the council.")
    info = at(doc, "seek")
    assert info.status == "hedged"
    assert info.negated


@pytest.mark.slow
def test_negation_inside_a_hedge_stays_negated(nlp) -> None:
    doc = nlp("The empty seats could suggest that Crane and Osk aren't friendly.")
    assert at(doc, "friendly").status == "negated"
    assert at(doc, "suggest").status == "hedged"


@pytest.mark.slow
def test_quote_from_the_quotes_component_is_used(nlp) -> None:
    doc = nlp("Botts spoke first. The plan is dead and we are moving on.")
    key = "harlan_botts"
    start = doc.text.index("The plan")
    end = len(doc.text) - 1
    doc.user_data[doc_state.QUOTES] = [Quote("q1", "direct", Span(start, end), key)]
    annotate_status(doc)
    info = at(doc, "moving")
    assert info.status == "attributed" and info.source == key
    assert at(doc, "spoke").status == "asserted"


@pytest.mark.slow
def test_do_not_write_that_is_not_a_statement(nlp) -> None:
    doc = nlp('"Don\'t write that we are friends again," Osk said.')
    assert at(doc, "friends").status not in ("asserted", "attributed")


@pytest.mark.slow
def test_unnamed_sources_and_named_outlet(nlp) -> None:
    doc = nlp("Ferris may resign before the vote, the Harbor Times reported.")
    info = at(doc, "resign")
    assert info.status == "hedged" and info.source == key_of(doc, "Harbor Times")


@pytest.mark.slow
def test_statement_status_on_token_ranges(nlp) -> None:
    doc = nlp("While Dana Pruitt may have snubbed Leo Crane, Rina Osk appears to have befriended him.")
    snub = doc.text.index("snubbed")
    tok = doc.char_span(snub, snub + len("snubbed")).start
    assert statement_status(doc, tok, tok + 1).status == "hedged"
    # Pruitt .. Crane: the range's head is "snubbed"
    first = doc.char_span(doc.text.index("Dana"), doc.text.index("Dana") + 4).start
    assert statement_status(doc, first, tok + 3).cues == ("may",)
    # the whole sentence: its head is the main clause
    whole = statement_status(doc, 0, len(doc))
    assert whole.status == "hedged" and "appears" in whole.cues and "may" not in whole.cues
    # out-of-range and empty ranges do not fail
    assert statement_status(doc, len(doc) + 5, len(doc) + 9).status in finder.PRECEDENCE


@pytest.mark.slow
def test_frames_are_cached_as_plain_values(nlp) -> None:
    import pickle

    doc = nlp("Crane reportedly met Osk.")
    cached = doc.user_data[doc_state.STATUS_FRAMES]
    assert cached["n"] == len(doc)
    assert isinstance(cached["frames"][0], dict)
    pickle.loads(pickle.dumps(doc))


@pytest.mark.slow
def test_title_cue_covers_the_headline(nlp) -> None:
    from dossier import extract

    graph = extract("The mayor met the council on Monday.", published="2024-03-01",
                    title="Mayor Ferris Reportedly Weighs Resignation")
    titled = [c for c in graph.claims if c.span.in_ == "title"]
    assert titled and titled[0].status == "reported"
    assert titled[0].span.text == "Mayor Ferris Reportedly Weighs Resignation"


@pytest.mark.slow
def test_asserted_main_clauses_are_listed(nlp) -> None:
    doc = nlp("Leo Crane beat Otto Lind in the 2020 primary. Lind may run again.")
    listed = doc_state.section(doc, doc_state.CLAIMS)
    assert any(c.status == "asserted" and "beat Otto Lind" in c.span.text for c in listed)
    assert not any(c.status == "asserted" and "run again" in c.span.text for c in listed)


@pytest.mark.slow
@pytest.mark.shared
def test_seed_claims(nlp, seed) -> None:
    """The reference article: every gold claim is covered with its status (read at run time)."""
    import json

    from dossier.evaluate import score
    from dossier.extraction import article_doc, doc_to_graph
    from dossier.read.text import read_text

    article = read_text(seed)
    graph = doc_to_graph(article_doc(article, nlp), article)
    gold = json.loads(seed.with_suffix("").with_suffix(".gold.json").read_text())
    sec = score(gold, graph).sections["claims"]
    assert sec.must_found == sec.must_total


@pytest.mark.slow
def test_neg_raising_think_is_attributed_and_negative(nlp) -> None:
    doc = nlp("Ana Ruiz said she doesn't think Crane has met Osk.")
    info = at(doc, "met")
    assert info.status == "negated" and info.negated
    assert not claims(doc, "unknown")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "predicate", "want"),
    [
        ("The judge said the courts must decide what records could be useful to voters.",
         "useful", "attributed"),
        ("The summit was a rare show of unity, with seemingly 27 different plans on the table.", "was", "asserted"),
        ("Perhaps most striking, Crane has been blamed for the delay.", "blamed", "asserted"),
    ],
)
def test_cues_that_do_not_govern_the_clause(nlp, text: str, predicate: str, want: str) -> None:
    assert at(nlp(text), predicate).status == want


@pytest.mark.slow
def test_negated_imperative_is_not_a_negated_claim(nlp) -> None:
    doc = nlp("Play fair or don't play at all.")
    assert not claims(doc, "negated")


@pytest.mark.slow
def test_a_quote_in_an_imagined_scene_or_a_question_is_not_attributed(nlp) -> None:
    from dossier.extraction import article_doc, doc_to_graph
    from dossier.graph import Article

    def quote_status(body: str) -> list[str]:
        article = Article(id="t", title="", body=body, published="2024-05-01")
        return [q.status for q in doc_to_graph(article_doc(article, nlp), article).quotes]

    assert quote_status('In the parody clip, Mayor Ferris says: "I will sell the harbour to the highest bidder."') == [
        "hypothetical"]
    assert quote_status("Did Governor Broek say that the levy would pass?") == ["unknown"]
    # the speaker's own question is a quote like any other
    assert quote_status('"Why is the pier still closed?" Governor Broek asked.') == ["attributed"]
