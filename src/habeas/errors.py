"""One small exception hierarchy. Every message is one clear sentence for a user."""


class HabeasError(Exception):
    """Base of every error habeas reports to a user instead of a traceback."""


class InputError(HabeasError):
    """The input cannot be read or understood (empty, binary, malformed, too large)."""


class ContractError(InputError):
    """A JSON object does not follow the extraction contract."""


class LexiconError(HabeasError):
    """A language data file is missing, malformed or inconsistent."""
