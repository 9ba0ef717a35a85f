"""Dyad's web pages: server-rendered HTML (Jinja2, autoescaped), the SVG
chart and evidence highlighting. The routes are mounted by ``dyad.api``."""
