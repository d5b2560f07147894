"""Choosing a renderer, and writing what ledgerlint produces without ever losing a user's file.

Files are written to a temporary file in the same folder and renamed into place, so a reader never sees
half a report; an existing file is kept unless --force is given."""
import os
import tempfile
from pathlib import Path as FsPath

from .errors import LedgerlintError


def render(fmt: str, reports, unreadable, rulesets, lang: str, verbose: bool = False) -> str:
    if fmt == "json":
        from .report import render_json
        return render_json(reports, unreadable, lang)
    if fmt == "sarif":
        from .sarif import render_sarif
        return render_sarif(reports, rulesets, lang)
    if fmt == "junit":
        from .junit import render_junit
        return render_junit(reports, lang)
    if fmt == "html":
        from .htmlreport import render_html
        return render_html(reports, rulesets, lang)
    from .report import render_text
    return render_text(reports, lang, verbose)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_new(path: FsPath, text: str, force: bool = False) -> None:
    path = FsPath(path)
    if path.exists() and not force:
        raise LedgerlintError("output.exists", file=str(path))
    if not path.parent.exists():
        raise LedgerlintError("output.no_folder", file=str(path.parent))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a report is an ordinary file
        os.replace(tmp, path)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise LedgerlintError("output.unwritable", file=str(path), reason=exc.strerror or str(exc)) from None
