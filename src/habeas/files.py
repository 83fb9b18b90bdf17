"""Writing a file so that a reader sees the old whole file or the new whole file, never half.

Backups, exports, gold files and audit checkpoints are read by people and
programs that trust them; a crash mid-write must not leave a truncated one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from habeas.errors import InputError


def write_atomically(target: Path, data: bytes | str) -> None:
    """Write `data` (text as UTF-8) to `target` through a synced temporary file and a rename.

    InputError, in one sentence, when the target's directory is missing or not writable.
    """
    target = target.expanduser().absolute()
    if not target.parent.is_dir():
        raise InputError(f"the directory of {target} does not exist")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as exc:
        raise InputError(f"{target}: cannot write there ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
