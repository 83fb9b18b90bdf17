"""Exports of case files: CSV, JSON Lines (the contract's form), FollowTheMoney, ACLED-style.

Plain Python with no Django import: every writer takes Record values (records.py),
which the web app makes from its public or internal view (habeas.web.public.view).
"""

from habeas.export.records import Record, Source
from habeas.export.writers import FORMATS, write

__all__ = ["FORMATS", "Record", "Source", "write"]
