"""Untrusted text stays inert, headers forbid inline script, parameters are bounded, writes need a token."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dossier.web import Settings, create_app
from dossier.web.pages import safe_url

from .graphs import HOSTILE, HOSTILE_NAME


def test_every_response_carries_a_strict_csp(client) -> None:
    for url in ["/", "/people/1", "/api/people/1", "/static/app.css", "/api/people/999999", "/nowhere"]:
        csp = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp, url
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
        assert client.get(url).headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_inline_script_or_handlers(client, ids) -> None:
    import re

    for url in ["/", f"/people/{ids['Ada Quill']}", f"/people/{ids['Ada Quill']}/network", "/articles",
                "/articles/hostile-5?start=0&end=10", "/connect?a=Ada+Quill&b=Cora+Lind"]:
        html = client.get(url).text
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, (url, tag)
        assert not re.search(r"<script\b[^>]*>\s*[^<\s]", html), url  # no script bodies
        for tag in re.findall(r"<[a-zA-Z][^>]*>", html):  # real tags only: escaped text has no "<"
            assert not re.search(r"\son[a-z]+\s*=", tag), (url, tag)  # no inline handlers
            assert " style=" not in tag, (url, tag)


def test_hostile_article_text_is_escaped(client, ids) -> None:
    rex = client.get("/api/suggest", params={"q": "Vantor"}).json()[0]
    graph = client.get("/api/articles/hostile-5").json()
    assert HOSTILE_NAME in {e["name"] for e in graph["entities"]}  # stored as written: escaping is the page's job
    for url in [f"/people/{rex['id']}", "/articles/hostile-5", f"/people/{ids['Ada Quill']}", "/articles",
                f"/ties?a={rex['id']}&b={ids['Ada Quill']}"]:
        html = client.get(url).text
        assert "<script>window" not in html and "<img src=x" not in html, url
        assert 'href="javascript:' not in html, url
    article = client.get("/articles/hostile-5").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=&#34;window.__pwned = 1&#34;&gt;" in article


@pytest.mark.parametrize(("url", "safe"), [
    ("https://courier.example/a", "https://courier.example/a"),
    ("http://x.example", "http://x.example"),
    (f"javascript:{HOSTILE}", None),
    (" JavaScript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("//evil.example/x", None),
    ("", None),
])
def test_only_http_links_are_rendered(url: str, safe: str | None) -> None:
    assert safe_url(url) == safe


def test_highlight_span_is_checked(client) -> None:
    assert client.get("/articles/harbour-1?start=5&end=2").status_code == 404
    assert client.get("/articles/harbour-1?start=0&end=999999").status_code == 404
    assert client.get("/articles/harbour-1?start=-1&end=3").status_code == 422
    ok = client.get("/articles/harbour-1?start=0&end=38&status=asserted&fact=Ada+sibling")
    assert '<mark id="hl" tabindex="-1">Ada Quill is the sister of Bram Quill.</mark>' in ok.text
    assert "states this as fact" in ok.text


# --- writes ------------------------------------------------------------------------------

POST = {"articles": [{"title": "Quill joins board", "body": "Ada Quill joined the board.", "published": "2024-01-02"}]}


def writer_client(db, token: str | None = "s3cret", max_body: int = 2_000_000):
    from fastapi.testclient import TestClient

    return TestClient(create_app(Settings(db=str(db), allow_writes=True, token=token, max_body=max_body)),
                      raise_server_exceptions=False)


def test_writes_are_off_by_default(client) -> None:
    response = client.post("/api/articles", json=POST, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403 and response.json()["type"] == "/problems/read-only"


def test_writes_need_the_token(web_db) -> None:
    with writer_client(web_db) as c:
        for headers in [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"},
                        {"Authorization": "Bearer "}]:
            response = c.post("/api/articles", json=POST, headers=headers)
            assert response.status_code == 401, headers
            assert response.headers["www-authenticate"] == "Bearer"
            assert response.headers["content-type"] == "application/problem+json"


def test_oversized_bodies_are_refused(web_db) -> None:
    with writer_client(web_db, max_body=1000) as c:
        big = {"articles": [{"title": "t", "body": "x" * 5000}]}
        declared = c.post("/api/articles", json=big, headers={"Authorization": "Bearer s3cret"})
        assert declared.status_code == 413 and declared.json()["type"] == "/problems/request-too-large"

        def chunks():
            data = json.dumps(big).encode()
            for i in range(0, len(data), 512):
                yield data[i:i + 512]

        chunked = c.post("/api/articles", content=chunks(),
                         headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"})
        assert chunked.status_code == 413


def test_posted_articles_are_validated(web_db) -> None:
    with writer_client(web_db) as c:
        auth = {"Authorization": "Bearer s3cret"}
        assert c.post("/api/articles", json={"articles": []}, headers=auth).status_code == 422
        bad_date = {"articles": [{"title": "t", "body": "b", "published": "yesterday"}]}
        assert c.post("/api/articles", json=bad_date, headers=auth).status_code == 422
        too_many = {"articles": [{"title": "t", "body": "b"}] * 51}
        assert c.post("/api/articles", json=too_many, headers=auth).status_code == 422
        assert c.post("/api/articles", content=b"{not json", headers={**auth, "Content-Type": "application/json"}
                      ).status_code == 422


@pytest.mark.slow
def test_posted_articles_are_ingested(tmp_path, nlp) -> None:
    from .conftest import build_store

    db = build_store(tmp_path / "w.db")
    with writer_client(db) as c:
        body = {"articles": [{"title": "Quill joins board", "published": "2024-01-02", "outlet": "Delta Wire",
                              "body": "Harbour chair Ada Quill joined the board of the Fenmore Trust on Monday."}]}
        response = c.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"})
        assert response.status_code == 200, response.text
        assert response.json()["stored"] == 1
        again = c.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"}).json()
        assert again["stored"] == 0 and again["unchanged"] == 1
        titles = [a["title"] for a in c.get("/api/articles", params={"outlet": "Delta Wire"}).json()["items"]]
        assert "Quill joins board" in titles


def test_serve_refuses_writes_without_a_token(web_db) -> None:
    run = subprocess.run([sys.executable, "-m", "dossier.cli", "serve", "--db", str(web_db), "--allow-writes"],
                         capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"}, timeout=60)
    assert run.returncode == 2 and "needs a token" in run.stderr


def test_serve_names_a_missing_store(tmp_path) -> None:
    run = subprocess.run([sys.executable, "-m", "dossier.cli", "serve", "--db", str(tmp_path / "none.db")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and "none.db" in run.stderr
