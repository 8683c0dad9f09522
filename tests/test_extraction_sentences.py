"""The parse's sentences as the graph keeps them, on hand-built Docs (no model)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from dossier.extraction import Offsets, doc_text, sentences
from dossier.graph import Article


def texts(article: Article, words: list[str], spaces: list[bool], starts: list[bool]) -> list[tuple[str, str]]:
    doc = Doc(Vocab(), words=words, spaces=spaces, sent_starts=starts)
    assert doc.text == doc_text(article)
    out = []
    for s in sentences(doc, Offsets(article)):
        src = article.title if s.in_ == "title" else article.body
        assert s.text is None  # offsets only: the text is in the article
        out.append((s.in_, src[s.start : s.end]))
    return out


def test_title_and_body_sentences_without_edge_space() -> None:
    article = Article(id="t", title="Vane wins", body="Ivo Vane won. Lu Pike lost.")
    words = ["Vane", "wins", "\n\n", "Ivo", "Vane", "won", ".", "Lu", "Pike", "lost", "."]
    spaces = [True, False, False, True, True, False, True, True, True, False, False]
    starts = [True, False, False, True, False, False, False, True, False, False, False]
    assert texts(article, words, spaces, starts) == [
        ("title", "Vane wins"), ("body", "Ivo Vane won."), ("body", "Lu Pike lost.")]


def test_a_sentence_across_the_separator_is_cut_in_two() -> None:
    article = Article(id="t", title="Vane wins", body="Ivo Vane won.")
    words = ["Vane", "wins", "\n\n", "Ivo", "Vane", "won", "."]
    spaces = [True, False, False, True, True, False, False]
    starts = [True, False, False, False, False, False, False]
    assert texts(article, words, spaces, starts) == [("title", "Vane wins"), ("body", "Ivo Vane won.")]


def test_a_glued_closing_mark_stays_with_its_sentence() -> None:
    body = 'He called it "a mess." She agreed.'
    article = Article(id="t", title="", body=body)
    words = ["He", "called", "it", '"', "a", "mess", ".", '"', "She", "agreed", "."]
    spaces = [True, True, True, False, True, False, False, True, True, False, False]
    starts = [True, False, False, False, False, False, False, True, False, False, False]  # parser put '"' after
    assert texts(article, words, spaces, starts) == [("body", 'He called it "a mess."'), ("body", "She agreed.")]


def test_an_opening_mark_after_a_space_starts_the_next_sentence() -> None:
    body = 'He left. "We won," she said.'
    article = Article(id="t", title="", body=body)
    words = ["He", "left", ".", '"', "We", "won", ",", '"', "she", "said", "."]
    spaces = [True, False, True, False, True, False, False, True, True, False, False]
    starts = [True, False, False, True, False, False, False, False, False, False, False]
    assert texts(article, words, spaces, starts) == [("body", "He left."), ("body", '"We won," she said.')]


def test_no_parse_no_sentences() -> None:
    article = Article(id="t", title="", body="Ivo Vane won.")
    doc = Doc(Vocab(), words=["Ivo", "Vane", "won", "."], spaces=[True, True, False, False])
    assert sentences(doc, Offsets(article)) == []


def test_a_mark_opening_the_next_paragraph_is_not_glued_to_the_last() -> None:
    body = 'Ivo Vane won.\n"We did it," he said.'
    article = Article(id="t", title="", body=body)
    words = ["Ivo", "Vane", "won", ".", "\n", '"', "We", "did", "it", ",", '"', "he", "said", "."]
    spaces = [True, True, False, False, False, False, True, True, False, False, True, True, False, False]
    starts = [True, False, False, False, False, True, False, False, False, False, False, False, False, False]
    assert texts(article, words, spaces, starts) == [("body", "Ivo Vane won."), ("body", '"We did it," he said.')]


def test_an_opening_mark_left_at_a_sentence_end_goes_with_the_sentence_it_opens() -> None:
    body = 'Ivo Vane won. \u201cWe did it.\u201d'
    article = Article(id="t", title="", body=body)
    words = ["Ivo", "Vane", "won", ".", "\u201c", "We", "did", "it", ".", "\u201d"]
    spaces = [True, True, False, True, False, True, True, False, False, False]
    starts = [True, False, False, False, False, True, False, False, False, False]  # parser kept the mark before
    assert texts(article, words, spaces, starts) == [("body", "Ivo Vane won."), ("body", "\u201cWe did it.\u201d")]
