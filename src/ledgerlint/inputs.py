"""Reading an input file within bounds: only a regular file (a FIFO would block, /dev/zero never ends),
never more than its limit, and a clear error for each way it can fail. Every file ledgerlint reads goes
through here: disclosures, documents, rule files, schemas and the JSON a rule test is based on."""
import os
import stat
from pathlib import Path as FsPath

MEGABYTE = 1024 * 1024


def check_regular(path, limit: int, error) -> None:
    """`path` is a regular file (a link to one is followed) of at most `limit` bytes; `error`
    (DisclosureError or RuleSetError) is raised with the place otherwise."""
    source = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise error("file.missing", file=source) from None
    except OSError as exc:
        raise error("file.unreadable", file=source, reason=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise error("file.is_dir", file=source)
    if not stat.S_ISREG(info.st_mode):
        raise error("file.not_regular", file=source)
    if info.st_size > limit:
        raise error("file.too_large", file=source, size=f"{info.st_size / MEGABYTE:.1f}", limit=f"{limit / MEGABYTE:g}")


def read_bytes(path, limit: int, error) -> bytes:
    """The bytes of `path`, checked by check_regular, never more than `limit` of them."""
    check_regular(path, limit, error)
    source = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)      # a file that grew after stat() is still cut at the limit
    except FileNotFoundError:
        raise error("file.missing", file=source) from None
    except IsADirectoryError:
        raise error("file.is_dir", file=source) from None
    except OSError as exc:
        raise error("file.unreadable", file=source, reason=exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise error("file.too_large", file=source, size=f"> {limit / MEGABYTE:g}", limit=f"{limit / MEGABYTE:g}")
    return data


def is_within(path, folder) -> bool:
    """Whether `path`, with links and ".." resolved, lies inside `folder`."""
    try:
        FsPath(path).resolve().relative_to(FsPath(folder).resolve())
        return True
    except (ValueError, OSError):
        return False
