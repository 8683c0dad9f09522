"""The server's connections and answer cache: readers per request, one snapshot each, writes seen next read."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dossier.store import Store
from dossier.web import Settings, create_app
from dossier.web.cache import ResponseCache
from dossier.web.pool import READERS, Stores

from .conftest import build_store

AUTH = {"Authorization": "Bearer s3cret"}


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "pool.db")


def people_ids(client: TestClient) -> dict[str, int]:
    return {p["name"]: p["id"] for p in client.get("/api/people", params={"limit": 200}).json()["items"]}


def test_a_write_through_the_api_is_read_by_the_next_request(db: Path) -> None:
    app = create_app(Settings(db=str(db), allow_writes=True, token="s3cret"))
    with TestClient(app, raise_server_exceptions=False) as client:
        ids = people_ids(client)
        ada, eli = ids["Ada Quill"], ids["Eli Marsh"]
        first = client.get(f"/api/people/{ada}")
        again = client.get(f"/api/people/{ada}")
        assert first.headers["x-dossier-cache"] == "miss" and again.headers["x-dossier-cache"] == "hit"
        assert again.json() == first.json() and "Eli Marsh" not in first.json()["aliases"]
        merged = client.post("/api/corrections", json={"kind": "merge", "entity": ada, "other": eli}, headers=AUTH)
        assert merged.status_code == 200
        after = client.get(f"/api/people/{ada}")
        assert after.headers["x-dossier-cache"] == "miss"
        assert "Eli Marsh" in after.json()["aliases"]
        assert client.get(f"/api/people/{eli}").status_code == 404


def test_pages_are_kept_too_and_dropped_after_a_write(db: Path) -> None:
    app = create_app(Settings(db=str(db), allow_writes=True, token="s3cret"))
    with TestClient(app, raise_server_exceptions=False) as client:
        ids = people_ids(client)
        ada, eli = ids["Ada Quill"], ids["Eli Marsh"]
        page = client.get(f"/people/{ada}")
        again = client.get(f"/people/{ada}")
        assert (page.headers["x-dossier-cache"], again.headers["x-dossier-cache"]) == ("miss", "hit")
        assert again.text == page.text and "Eli Marsh" not in page.text
        assert "Content-Security-Policy" in again.headers and again.headers["content-type"].startswith("text/html")
        client.post("/api/corrections", json={"kind": "merge", "entity": ada, "other": eli}, headers=AUTH)
        after = client.get(f"/people/{ada}")
        assert after.headers["x-dossier-cache"] == "miss" and "Eli Marsh" in after.text


def test_a_write_by_another_process_is_read_by_the_next_request(db: Path) -> None:
    with TestClient(create_app(Settings(db=str(db))), raise_server_exceptions=False) as client:
        ids = people_ids(client)
        ada, eli = ids["Ada Quill"], ids["Eli Marsh"]
        assert client.get(f"/api/people/{eli}").status_code == 200
        assert client.get(f"/api/people/{eli}").headers["x-dossier-cache"] == "hit"
        with Store(db) as other:  # e.g. `dossier merge` run beside the server
            other.correct("merge", f"#{ada}", f"#{eli}")
        gone = client.get(f"/api/people/{eli}")
        assert gone.status_code == 404
        assert "Eli Marsh" in client.get(f"/api/people/{ada}").json()["aliases"]


def test_a_reader_keeps_one_snapshot_and_the_next_sees_the_commit(db: Path) -> None:
    stores = Stores(str(db))
    try:
        with stores.reader() as reader:
            before = reader.count("articles")["articles"]
            generation = stores.generation
            with Store(db) as writer:
                writer.conn.execute("DELETE FROM articles WHERE id = 'rumour-2'")
            assert reader.count("articles")["articles"] == before  # the same read transaction
        with stores.reader() as reader:
            assert reader.count("articles")["articles"] == before - 1
            assert stores.generation > generation
        assert stores.opened == 1  # the second request reused the first one's reader
    finally:
        stores.close()


def test_concurrent_requests_never_share_a_reader(db: Path) -> None:
    stores = Stores(str(db), max_idle=2)
    held: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(4)

    def work() -> None:
        with stores.reader() as reader:
            with lock:
                held.append(id(reader))
            barrier.wait(timeout=10)  # all four hold a reader at once
            reader.people_page(0, 5)

    threads = [threading.Thread(target=work) for _ in range(4)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(set(held)) == 4 and stores.opened == 4
        assert len(stores._idle) == 2  # the extra two were closed on return
    finally:
        stores.close()


def test_the_threadpool_and_the_pool_agree(db: Path) -> None:
    import anyio.to_thread

    app = create_app(Settings(db=str(db)))
    with TestClient(app) as client:
        tokens = client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens)
        assert tokens == READERS == app.state.stores.max_idle


def test_the_cache_drops_old_generations_and_keeps_to_its_size() -> None:
    cache = ResponseCache(max_bytes=100)
    cache.put("a", 1, b"x" * 20)
    assert cache.get("a", 1) == b"x" * 20
    assert cache.get("a", 2) is None and cache.get("a", 1) is None  # a newer generation drops it
    cache.put("big", 1, b"y" * 26)
    assert cache.get("big", 1) is None  # over a quarter of the cache: not kept
    for key in "bcdefg":
        cache.put(key, 1, b"z" * 25)
    assert cache.size <= 100 and cache.get("b", 1) is None and cache.get("g", 1) == b"z" * 25
    off = ResponseCache(max_bytes=0)
    off.put("a", 1, b"")
    assert off.get("a", 1) is None


def test_no_cache_when_it_is_off(db: Path) -> None:
    with TestClient(create_app(Settings(db=str(db), cache_mb=0))) as client:
        ada = people_ids(client)["Ada Quill"]
        assert {client.get(f"/api/people/{ada}").headers["x-dossier-cache"] for _ in range(2)} == {"miss"}


def test_query_order_does_not_split_the_cache(db: Path) -> None:
    with TestClient(create_app(Settings(db=str(db)))) as client:
        ada = people_ids(client)["Ada Quill"]
        client.get(f"/api/people/{ada}/network", params=[("limit", 5), ("offset", 0)])
        swapped = client.get(f"/api/people/{ada}/network", params=[("offset", 0), ("limit", 5)])
        assert swapped.headers["x-dossier-cache"] == "hit"


def test_the_readers_are_opened_at_start_and_then_reused(db: Path) -> None:
    app = create_app(Settings(db=str(db)))
    with TestClient(app) as client:
        stores = app.state.stores
        assert stores.opened == READERS and stores.generation == 0
        ada = people_ids(client)["Ada Quill"]
        for _ in range(3):
            client.get(f"/api/people/{ada}")
        assert stores.opened == READERS and stores.generation == 0  # no change seen: the cache stays valid
