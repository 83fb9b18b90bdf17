"""The audit log: who logged in, exported, changed permissions or edited what, hash-chained.

Use `habeas.web.audit.chain.record` to append an entry and
`habeas.web.audit.chain.verify` to check the chain (`habeas audit verify`).
"""
