"""The vendored front-end code is the pinned release, its licence is kept, and every asset a page names exists."""

from __future__ import annotations

import hashlib
import re
from importlib import resources

STATIC = resources.files("dossier.web").joinpath("static")
TEMPLATES = resources.files("dossier.web").joinpath("templates")


def test_vendored_cytoscape_matches_its_readme() -> None:
    readme = STATIC.joinpath("vendor", "README").read_text(encoding="utf-8")
    pinned = re.search(r"sha256 ([0-9a-f]{64})", readme).group(1)
    data = STATIC.joinpath("vendor", "cytoscape.min.js").read_bytes()
    assert hashlib.sha256(data).hexdigest() == pinned
    assert "3.34.4" in readme
    licence = STATIC.joinpath("vendor", "cytoscape.LICENSE").read_text(encoding="utf-8")
    assert "Permission is hereby granted" in licence and "Cytoscape Consortium" in licence


def test_every_asset_a_template_names_is_shipped() -> None:
    named = set()
    for template in TEMPLATES.iterdir():
        named |= set(re.findall(r'(?:src|href)="/static/([^"]+)"', template.read_text(encoding="utf-8")))
    assert {"app.css", "js/suggest.js", "js/network.js", "vendor/cytoscape.min.js"} <= named
    for path in named:
        assert STATIC.joinpath(*path.split("/")).is_file(), path


def test_static_files_are_served_with_the_csp(client) -> None:
    response = client.get("/static/vendor/cytoscape.min.js")
    assert response.status_code == 200 and "javascript" in response.headers["content-type"]
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert client.get("/static/../settings.py").status_code == 404
