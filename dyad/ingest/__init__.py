"""Reading inputs: text files, HTML pages, JSON Lines and folders of them -> Article.

``read_inputs`` yields an :class:`~dyad.records.Article` per document, or an
:class:`~dyad.errors.InputError` for an input that cannot be read, so that one
bad file never stops a batch.
"""

from dyad.ingest.readers import DEFAULT_MAX_BYTES, read_inputs, read_path

__all__ = ["DEFAULT_MAX_BYTES", "read_inputs", "read_path"]
