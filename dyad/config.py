"""One settings object: defaults < environment < explicit arguments (the CLI's options)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

DEFAULT_DB = "dyad.duckdb"


@dataclass(frozen=True)
class Settings:
    """What a run needs to know. Build with ``Settings.load(**cli_options)``."""

    model: str | None = None  # spaCy pipeline name or path; None = the shipped one
    db: str = DEFAULT_DB
    published: str | None = None  # fallback publication date for inputs without one
    dictionaries: tuple[str, ...] = field(default_factory=tuple)  # user actor dictionaries
    workers: int = 0  # 0 = one per core
    batch_size: int = 32

    @classmethod
    def load(cls, **overrides: Any) -> "Settings":
        env = {
            "model": os.environ.get("DYAD_MODEL"),
            "db": os.environ.get("DYAD_DB"),
        }
        base = cls(**{k: v for k, v in env.items() if v})
        given = {k: v for k, v in overrides.items() if v is not None}
        if "dictionaries" in given:
            given["dictionaries"] = tuple(given["dictionaries"])
        return replace(base, **given)

    @property
    def db_path(self) -> Path:
        return Path(self.db)
