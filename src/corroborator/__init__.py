"""corroborator: many articles in, one sourced story out."""

from corroborator.model import Annotation, Document, Input, Mention, Quote, Rejection, Sentence

__version__ = "0.1.0"

__all__ = ["Annotation", "Document", "Input", "Mention", "Quote", "Rejection", "Sentence", "__version__"]
