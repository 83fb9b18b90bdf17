"""The case store: sources, reports, persons, events, evidence and their history."""
