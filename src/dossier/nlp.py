"""Kept for scripts written against the old name: the loader now lives in :mod:`dossier.pipeline`."""

from .pipeline import COMPONENTS, DEFAULT_MODEL, MODEL_ALIASES, load, model_name

__all__ = ["COMPONENTS", "DEFAULT_MODEL", "MODEL_ALIASES", "load", "model_name"]
