"""Hand-built article graphs about fictional people, for web tests that need no spaCy model.

Each article is written sentence by sentence; ties point at the sentence that states them,
so evidence offsets are real offsets into the body.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dossier.graph import Article, ArticleGraph, Entity, Mention, Relation, Span

HOSTILE = "window.__pwned = 1"
HOSTILE_NAME = f'Rex <img src=x onerror="{HOSTILE}"> Vantor'
HOSTILE_TITLE = f"<script>{HOSTILE}</script>Harbour row <b>deepens</b>"
HOSTILE_URL = f"javascript:{HOSTILE}"


@dataclass
class Builder:
    """One article built up sentence by sentence."""

    id: str
    title: str
    published: str | None
    outlet: str | None = None
    url: str | None = None
    body: str = ""
    people: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)

    def say(self, text: str) -> Span:
        """Append a sentence; its span."""
        if self.body:
            self.body += " "
        start = len(self.body)
        self.body += text
        return Span(start, len(self.body), text)

    def person(self, name: str) -> str:
        """The local id of a person named in the body (mentioned where the name first occurs)."""
        if name not in self.people:
            start = self.body.index(name)
            local = f"e{len(self.people) + 1}"
            self.people[name] = Entity(local, name, "PERSON", [Mention(start, start + len(name), name)])
        return self.people[name].id

    def tie(self, kind: str, a: str, b: str, span: Span, status: str = "asserted",
            confidence: float | None = 0.9) -> None:
        """A relation from ``a`` to ``b`` read from ``span``."""
        self.relations.append(Relation(kind, self.person(a), self.person(b), span, status,  # type: ignore[arg-type]
                                       confidence=confidence))

    def build(self) -> ArticleGraph:
        article = Article(self.id, self.title, self.body, self.published, self.outlet, self.url)
        return ArticleGraph(article, entities=list(self.people.values()), relations=self.relations)


FIRST = ["Ivo", "Lena", "Otto", "Pia", "Rafe", "Sana", "Tove", "Umar", "Vera", "Wim", "Xia", "Yara"]
LAST = ["Brask", "Corvin", "Dalby", "Eskel", "Fenwick", "Garro", "Holm", "Ibsen", "Jory", "Kell"]


def hub_neighbours(n: int) -> list[str]:
    """``n`` distinct invented names."""
    return [f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}{'' if i < 120 else i}" for i in range(n)]


def graphs(hub_size: int = 120) -> list[ArticleGraph]:
    """The test corpus: a family and work chain, a rumour, a second source, a hub and a hostile article."""
    out = []

    a = Builder("harbour-1", "Harbour board names a new chair", "2023-03-01", "Fenmore Courier",
                "https://courier.example/harbour-1")
    a.tie("family.sibling", "Ada Quill", "Bram Quill", a.say("Ada Quill is the sister of Bram Quill."))
    a.tie("professional.worked_for", "Bram Quill", "Cora Lind", a.say("Bram Quill worked for Cora Lind for years."))
    out.append(a.build())

    b = Builder("rumour-2", "Whispers at the regatta", "2024-05-01", "The Lantern")
    b.tie("social.dating", "Cora Lind", "Dev Osei",
          b.say("Cora Lind might be dating Dev Osei, some guests speculated."), "speculative", 0.4)
    b.tie("social.friendship", "Ada Quill", "Cora Lind",
          b.say("Ada Quill appears to be a close friend of Cora Lind."), "hedged", 0.6)
    b.tie("social.friendship", "Ada Quill", "Eli Marsh",
          b.say("In a parody sketch, Ada Quill and Eli Marsh are best friends."), "hypothetical", 0.8)
    out.append(b.build())

    c = Builder("harbour-3", "Quill siblings open the regatta", "2024-06-02", "Fenmore Courier")
    c.tie("family.sibling", "Ada Quill", "Bram Quill",
          c.say("Ada Quill and her brother Bram Quill opened the regatta."))
    c.tie("family.sibling", "Ada Quill", "Bram Quill", c.say("Ada Quill is not the sister of Bram Quill's rival."),
          "negated", 0.9)
    out.append(c.build())

    hub = Builder("hub-4", "Mara Voss and her many contacts", "2024-09-09", "Delta Wire")
    for name in hub_neighbours(hub_size):
        hub.tie("contact.met", "Mara Voss", name, hub.say(f"Mara Voss met {name} at the harbour."))
    hub.tie("contact.met", "Mara Voss", "Ada Quill", hub.say("Mara Voss met Ada Quill at the harbour."))
    out.append(hub.build())

    evil = Builder("hostile-5", HOSTILE_TITLE, "2024-10-10", f"<script>{HOSTILE}</script>Gazette", HOSTILE_URL)
    evil.tie("social.tension", HOSTILE_NAME, "Ada Quill",
             evil.say(f'{HOSTILE_NAME} quarrelled with Ada Quill <a href="javascript:{HOSTILE}">here</a>.'))
    evil.say(f"<script>{HOSTILE}</script> and <img src=x onerror=\"{HOSTILE}\"> end the piece.")
    out.append(evil.build())
    return out
