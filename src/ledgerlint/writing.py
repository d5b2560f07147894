"""Writing what ledgerlint produces without ever losing a user's file: a temporary file in the same folder,
renamed into place, so a reader never sees half a report; an existing file is kept unless `force`; an input
is never an output."""
import os
from pathlib import Path as FsPath

from ledgerlint.errors import LedgerlintError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def refuse_inputs(path, inputs) -> None:
    """An output path that is one of the files being read is refused, --force or not: ledgerlint never
    changes the files it checks."""
    path = FsPath(path)
    if not path.exists():
        return
    for item in inputs:
        try:
            if os.path.samefile(path, item):
                raise LedgerlintError("output.is_input", file=str(path))
        except OSError:
            continue


_STALE = ".tmp"


def _remove_stale(folder: FsPath, name: str) -> None:
    """Temporary files of earlier runs that were killed mid-write (".NAME.<pid>.XXXX.tmp" of a process that
    no longer runs) are removed; those of a live process are left to it."""
    for leftover in folder.glob(f".{_glob_escape(name)}.*{_STALE}"):
        parts = leftover.name[len(name) + 2:].split(".")
        if not parts or not parts[0].isdigit() or _alive(int(parts[0])):
            continue
        try:
            leftover.unlink()
        except OSError:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:        # another user's process: alive
        return True
    return True


def _glob_escape(name: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in name)


def write_new(path: FsPath, text: str | bytes, force: bool = False, inputs=()) -> None:
    """`text` (UTF-8, LF) or bytes (an annotated document) at `path`, whole or not at all."""
    path = FsPath(path)
    refuse_inputs(path, inputs)
    if path.exists() and not force:
        raise LedgerlintError("output.exists", file=str(path))
    if not path.parent.exists():
        raise LedgerlintError("output.no_folder", file=str(path.parent))
    tmp = None
    try:
        _remove_stale(path.parent, path.name)
        import tempfile   # here: its imports cost a check that writes nothing a few milliseconds
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=_STALE, dir=path.parent)
        with (os.fdopen(fd, "wb") if isinstance(text, bytes)
              else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a report is an ordinary file
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise LedgerlintError("output.unwritable", file=str(path), reason=exc.strerror or str(exc)) from None
    finally:           # an error or an interrupt (Ctrl-C) mid-write leaves no temporary file behind
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
