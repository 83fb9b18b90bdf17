"""The public site: what editors published, read-only, no login, off until an admin turns it on."""
