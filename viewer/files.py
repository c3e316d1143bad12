"""Reading files a user put in a content folder: only regular files, bounded in size, and never
blocking. A folder named ``x.yaml``, a FIFO, a dangling symlink or a symlink loop must give one
clear sentence, not a traceback and not a hang. No Qt, no other imports from the viewer."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class UnreadableFile(Exception):
    """The file cannot be used; ``str(exc)`` says why in words a content author understands."""


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "is a symlink loop"
    if exc.errno == errno.ENOENT:
        return "is a dangling symlink (its target does not exist)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read (permission denied)"
    if exc.errno == errno.EISDIR:
        return "is a folder, not a file"
    return f"cannot be read ({exc.strerror or exc})"


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path`` if it is a regular file (symlinks followed) of at most
    ``max_bytes``; raises ``UnreadableFile`` otherwise. Opened non-blocking and checked on the
    open descriptor, so a FIFO swapped in after a check cannot make the read hang."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise UnreadableFile(_why(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("is not a regular file (a FIFO, socket or device); not read")
        if info.st_size > max_bytes:
            raise UnreadableFile(_too_big(info.st_size, max_bytes))
        chunks = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:  # grew while being read
                raise UnreadableFile(_too_big(total, max_bytes))
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableFile(_why(exc)) from None
    finally:
        os.close(fd)


def _too_big(size: int, limit: int) -> str:
    return (
        f"is too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB), so it was not read"
    )
