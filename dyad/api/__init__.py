"""Dyad's HTTP API and web pages over one store: ``create_app(db_path)``."""

from dyad.api.app import create_app

__all__ = ["create_app"]
