"""web stage: the web app and JSON API over one SQLite file (`corroborator serve`)."""

from corroborator.web.app import create_app, serve

__all__ = ["create_app", "serve"]
