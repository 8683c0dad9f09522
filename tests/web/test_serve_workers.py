"""`dossier serve --workers N`: several server processes answer the same store; writes keep one."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request

from .conftest import serve, stop


def test_several_worker_processes_serve_the_store(web_db) -> None:
    proc, base = serve(web_db, "--workers", "2", "--cache-mb", "0")
    try:
        answers = []
        for _ in range(6):  # connections are shared out among the workers; every one answers in full
            with urllib.request.urlopen(f"{base}/api/people?limit=5", timeout=10) as r:
                answers.append(json.loads(r.read()))
        assert all(a["total"] == answers[0]["total"] > 0 for a in answers)
        with urllib.request.urlopen(f"{base}/", timeout=10) as r:
            assert r.status == 200 and "default-src" in r.headers["Content-Security-Policy"]
    finally:
        stop(proc)


def test_writes_are_served_by_one_process(web_db) -> None:
    run = subprocess.run([sys.executable, "-m", "dossier.cli", "serve", "--db", str(web_db), "--allow-writes",
                          "--token", "s3cret", "--workers", "2"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "one process" in run.stderr
