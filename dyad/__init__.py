"""Dyad: an offline political event coder."""

__version__ = "0.1.0"
