"""Rebuild every person's blocking keys with the keys.v3 kinds (word pairs `p:`, initials `i:`).

habeas.identity.blocking now also stores two word keys of a name together
and the keys of names with an initial in a block of their own, so that a
lookup reads small blocks rather than "every Mirzayev with a given name in
t". A store indexed before would find candidates only through the old,
large blocks, which a lookup now skips when a rarer key exists. The
rebuild is 0006's (every current person's keys from its name forms, none
for merged-away persons), run again with today's keys.
"""

from importlib import import_module

from django.db import migrations

rebuild = import_module("habeas.web.store.migrations.0006_blocking_keys_names_v2").rebuild


class Migration(migrations.Migration):  # type: ignore[misc]
    dependencies = [("store", "0008_event_counts")]  # noqa: RUF012

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]  # noqa: RUF012
