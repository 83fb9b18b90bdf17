"""Text → persons and events with evidence. Plain Python: no Django, no I/O."""
