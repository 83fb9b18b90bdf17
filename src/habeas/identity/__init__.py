"""Identity resolution: can two names denote the same person?

`match_names` gives a verdict with its reasons, `blocking_keys` the keys a
store uses to find candidates. The steps live in their own modules:
normalize → translit → forms → compare → match, and blocking.
"""

from habeas.identity.blocking import BlockingKeys, blocking_keys
from habeas.identity.compare import TokenMatch, TokenRule
from habeas.identity.match import ALGORITHM, NameMatch, match_names

__all__ = [
    "ALGORITHM",
    "BlockingKeys",
    "NameMatch",
    "TokenMatch",
    "TokenRule",
    "blocking_keys",
    "match_names",
]
