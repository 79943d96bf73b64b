"""annotate stage: documents -> sentences, typed mentions (entities, times, quantities) and quotes."""

from corroborator.annotate.entities import apply_aliases, entity_key, learn_aliases
from corroborator.annotate.nlp import load_pipeline
from corroborator.annotate.pipeline import METHOD, annotate_documents

__all__ = ["METHOD", "annotate_documents", "apply_aliases", "entity_key", "learn_aliases", "load_pipeline"]
