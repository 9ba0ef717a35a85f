"""Finding events in parsed sentences: triggers, their arguments, their status."""
