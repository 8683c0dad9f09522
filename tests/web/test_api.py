"""The JSON API over a hand-built store: reads, filters, paging, paths, and the one problem shape."""

from __future__ import annotations

import pytest

from .graphs import hub_neighbours

PROBLEM_KEYS = {"type", "title", "status", "detail"}


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert set(body) >= PROBLEM_KEYS
    assert body["status"] == status
    assert isinstance(body["detail"], str) and body["detail"]
    return body


def test_suggest_matches_part_of_a_name(client, ids) -> None:
    found = client.get("/api/suggest", params={"q": "quil"}).json()
    assert {f["name"] for f in found} == {"Ada Quill", "Bram Quill"}
    exact = client.get("/api/suggest", params={"q": "Ada Quill"}).json()
    assert [f["id"] for f in exact] == [ids["Ada Quill"]]


def test_profile_groups_ties_with_every_source(client, ids) -> None:
    profile = client.get(f"/api/people/{ids['Ada Quill']}").json()
    assert profile["name"] == "Ada Quill"
    sibling = [t for t in profile["ties"] if t["type"] == "family.sibling"]
    assert len(sibling) == 1
    tie = sibling[0]
    assert tie["other"] == "Bram Quill" and tie["articles"] == 2 and tie["outlets"] == 1
    assert tie["direction"] == "both"  # a symmetric type
    assert tie["status"] == "asserted"  # the strongest of asserted ×2 and negated ×1
    assert tie["statuses"] == {"asserted": 2, "negated": 1}
    assert [c["kind"] for c in tie["contradictions"]] == ["status"]
    assert (tie["first_reported"], tie["last_reported"]) == ("2023-03-01", "2024-06-02")
    first = min(tie["sources"], key=lambda s: s["published"])
    assert first["sentence"] == "Ada Quill is the sister of Bram Quill." and first["start"] == 0


def test_filters_apply_to_the_profile(client, ids) -> None:
    url = f"/api/people/{ids['Ada Quill']}"

    def others(**params):
        params.setdefault("all", "true")
        return sorted({(t["type"], t["other"]) for t in client.get(url, params=params).json()["ties"]})

    everything = others()
    assert ("social.friendship", "Eli Marsh") in everything
    # By default (as everywhere in dossier) a hypothetical source is not shown.
    assert ("social.friendship", "Eli Marsh") not in others(all="false")
    rex = client.get("/api/suggest", params={"q": "Vantor"}).json()[0]["name"]
    assert others(status=["asserted"]) == [("contact.met", "Mara Voss"), ("family.sibling", "Bram Quill"),
                                           ("social.tension", rex)]
    assert others(min_sources=2) == [("family.sibling", "Bram Quill")]
    assert others(since="2024-06", until="2024-06-30") == [("family.sibling", "Bram Quill")]
    assert others(outlet="the lantern") == [("social.friendship", "Cora Lind"), ("social.friendship", "Eli Marsh")]
    assert ("social.friendship", "Cora Lind") not in others(min_confidence=0.7)


def test_weak_ties_are_marked(client, ids) -> None:
    url = f"/api/people/{ids['Cora Lind']}/network"
    assert not any(e["weak"] for e in client.get(url).json()["edges"])  # hidden by default
    every = client.get(url, params={"all": "true"}).json()
    weak = {e["type"] for e in every["edges"] if e["weak"]}
    assert weak == {"social.dating"}  # speculative, confidence 0.4
    assert every["weak_edges"] == 1
    firm = client.get(url, params={"status": ["asserted", "hedged"], "all": "true"}).json()
    assert firm["weak_edges"] == 0 and len(firm["edges"]) == len(every["edges"]) - 1


def test_a_node_with_many_neighbours_expands_in_pages(client, ids) -> None:
    url = f"/api/people/{ids['Mara Voss']}/network"
    seen: list[str] = []
    offset: int | None = 0
    pages = 0
    while offset is not None:
        page = client.get(url, params={"offset": offset, "limit": 50}).json()
        assert page["total"] == 121 and len(page["nodes"]) <= 50
        assert all(ids["Mara Voss"] in (e["source"], e["target"]) for e in page["edges"])
        seen += [n["name"] for n in page["nodes"]]
        offset = page["next_offset"]
        pages += 1
    assert pages == 3
    assert sorted(seen) == sorted([*hub_neighbours(120), "Ada Quill"])


def test_a_hub_profile_is_one_page_of_each_list_and_pages_on(client, ids) -> None:
    url = f"/api/people/{ids['Mara Voss']}"
    profile = client.get(url).json()
    assert profile["totals"]["ties"] == 121 and len(profile["ties"]) == 50
    seen = {(t["type"], t["other"]) for t in profile["ties"]}
    offset: int | None = 50
    while offset is not None:
        page = client.get(f"{url}/lists/ties", params={"offset": offset, "limit": 40}).json()
        assert page["total"] == 121
        seen |= {(t["type"], t["other"]) for t in page["items"]}
        offset = page["next_offset"]
    assert len(seen) == 121
    articles = client.get(f"{url}/lists/articles", params={"limit": 3}).json()
    assert articles["total"] == profile["totals"]["articles"] and len(articles["items"]) == min(3, articles["total"])
    assert_problem(client.get(f"{url}/lists/gossip"), 422)


def test_ties_between_two_people_on_a_timeline(client, ids) -> None:
    result = client.get("/api/ties", params={"a": ids["Ada Quill"], "b": ids["Bram Quill"]}).json()
    assert [s["published"] for s in result["timeline"]] == ["2023-03-01", "2024-06-02", "2024-06-02"]
    assert {t["type"] for t in result["ties"]} == {"family.sibling"}


def test_path_follows_firm_ties_only_by_default(client, ids) -> None:
    params = {"a": ids["Ada Quill"], "b": ids["Cora Lind"]}
    found = client.get("/api/path", params=params).json()
    assert found["found"] is True
    # The hedged friendship is not walked: the chain goes through Bram Quill's job.
    hops = found["hops"]
    assert [(h["from"]["name"], h["to"]["name"]) for h in hops] == [("Ada Quill", "Bram Quill"),
                                                                   ("Bram Quill", "Cora Lind")]
    assert [t["type"] for t in hops[1]["ties"]] == ["professional.worked_for"]
    assert hops[1]["ties"][0]["sources"][0]["sentence"] == "Bram Quill worked for Cora Lind for years."
    to_dev = client.get("/api/path", params={"a": ids["Ada Quill"], "b": ids["Dev Osei"]}).json()
    assert to_dev["found"] is False  # only a speculative tie reaches Dev Osei
    loose = client.get("/api/path", params={"a": ids["Ada Quill"], "b": ids["Dev Osei"], "all": "true",
                                            "status": ["asserted", "hedged", "speculative"]}).json()
    assert [h["to"]["name"] for h in loose["hops"]] == ["Cora Lind", "Dev Osei"]


def test_search_finds_names_and_sentences(client, ids) -> None:
    found = client.get("/api/search", params={"q": "regatta"}).json()
    assert {h["article_id"] for h in found["evidence"]["items"]} == {"harbour-3"}
    named = client.get("/api/search", params={"q": "Quill"}).json()
    assert {e["name"] for e in named["entities"]} >= {"Ada Quill", "Bram Quill"}


def test_connect_lists_what_an_ambiguous_name_can_mean(client) -> None:
    page = client.get("/connect", params={"a": "Quill", "b": "Cora Lind"})
    assert page.status_code == 200 and "Ada Quill" in page.text and "Bram Quill" in page.text


def test_article_view_and_downloads(client) -> None:
    graph = client.get("/api/articles/harbour-1").json()
    assert graph["article"]["title"] == "Harbour board names a new chair"
    assert len(graph["relations"]) == 2
    download = client.get("/api/export/articles/harbour-1.json")
    assert download.headers["content-disposition"] == 'attachment; filename="article-harbour-1.json"'
    assert download.json() == graph
    listing = client.get("/api/articles", params={"outlet": "Fenmore Courier"}).json()
    assert [a["id"] for a in listing["items"]] == ["harbour-3", "harbour-1"]


def test_timeline_and_quotes_page(client, ids) -> None:
    timeline = client.get(f"/api/people/{ids['Ada Quill']}/timeline", params={"limit": 3}).json()
    assert timeline["total"] > 3 and len(timeline["items"]) == 3 and timeline["next_offset"] == 3
    assert client.get(f"/api/people/{ids['Ada Quill']}/quotes").json()["total"] == 0


@pytest.mark.parametrize(("url", "status", "slug"), [
    ("/api/people/999999", 404, "/problems/not-found"),
    ("/api/articles/no-such-article", 404, "/problems/not-found"),
    ("/api/people/abc", 422, "/problems/invalid-parameter"),
    ("/api/people/0", 422, "/problems/invalid-parameter"),
    ("/api/people/1?since=2024-13-01", 422, "/problems/invalid-parameter"),
    ("/api/people/1?status=rumoured", 422, "/problems/invalid-parameter"),
    ("/api/people/1/network?limit=5000", 422, "/problems/invalid-parameter"),
    ("/api/path?a=1&b=2&max_depth=9", 422, "/problems/invalid-parameter"),
    ("/api/suggest?q=" + "x" * 101, 422, "/problems/invalid-parameter"),
    ("/api/articles/..%2F..%2Fetc", 404, "about:blank"),
    ("/api/nothing-here", 404, "about:blank"),
])
def test_errors_are_one_problem_shape(client, url: str, status: int, slug: str) -> None:
    body = assert_problem(client.get(url), status)
    assert body["type"] == slug


def test_wrong_method_is_a_problem_too(client) -> None:
    assert_problem(client.delete("/api/people/1"), 405)


def test_a_bug_is_a_500_problem_without_internals(client, monkeypatch) -> None:
    from dossier.web import data

    def broken(*_a, **_k):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(data, "profile", broken)
    monkeypatch.setattr(client.app.state.cache, "max_bytes", 0)  # an answer kept earlier would hide the bug
    body = assert_problem(client.get("/api/people/1"), 500)
    assert "secret" not in body["detail"]
    page = client.get("/people/1")
    assert page.status_code == 500 and "text/html" in page.headers["content-type"]
    assert "secret" not in page.text


def test_pages_render_problems_as_html(client) -> None:
    page = client.get("/people/999999")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert 'data-problem-type="/problems/not-found"' in page.text and "no entity with id 999999" in page.text


def test_openapi_schema_lists_the_endpoints(client) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/suggest", "/api/search", "/api/people/{person_id}", "/api/people/{person_id}/network",
            "/api/ties", "/api/path", "/api/articles/{article_id}", "/api/people/{person_id}/timeline",
            "/api/people/{person_id}/quotes", "/api/export/articles/{article_id}.json", "/api/articles"} <= paths
    assert not any(p.startswith("/people") for p in paths)  # pages are not part of the API
    assert client.get("/docs").status_code == 404  # Swagger UI needs a CDN and inline script
