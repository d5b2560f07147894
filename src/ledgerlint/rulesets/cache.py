"""A cache of compiled rule sets, keyed by the content of every file they are made from.

Reading and compiling a rule set costs more than checking a disclosure; the cache makes a second run
start quickly. It lives where the user's caches belong ($LEDGERLINT_CACHE_DIR, else $XDG_CACHE_HOME/
ledgerlint, else ~/.cache/ledgerlint), is private to the user (0700), is safe to delete at any time, and is
never trusted blindly: an entry carries a BLAKE2 digest of its content, checked before anything in it is
unpickled, and any problem reading it means the rule set is simply built again. Set LEDGERLINT_NO_CACHE=1
to bypass it."""
import functools
import os
import pickle
import sys
import zlib
from pathlib import Path as FsPath

from ledgerlint.rulesets import PACKAGE_DIR, RULE_FILE_SCHEMA
from ledgerlint.version import __version__

try:   # BLAKE2 from its own module: hashlib would load OpenSSL, a few milliseconds of every run's start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

_FORMAT = 2


def cache_dir() -> FsPath:
    if os.environ.get("LEDGERLINT_CACHE_DIR"):
        return FsPath(os.environ["LEDGERLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return FsPath(base) / "ledgerlint"


def enabled() -> bool:
    return not os.environ.get("LEDGERLINT_NO_CACHE")


def key(name: str, folders) -> str:
    """The content of every file the set is made from (CRC-32 and length of each: the cache guards
    against edits, not against an adversary, and hashlib's start-up cost is most of a run's budget),
    with the program's and Python's versions."""
    parts = [str(_FORMAT), __version__, sys.version, name, _code_stamp()]
    for folder in folders:
        for path in sorted(p for p in FsPath(folder).iterdir() if p.is_file()):
            data = path.read_bytes()
            parts.append(f"{path}:{len(data)}:{zlib.crc32(data):08x}")
    text = "|".join(parts).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(text):x}"


@functools.cache
def _code_stamp() -> str:
    """The program's own files, in every stage, and the rule-file schema (a changed compiler must not meet
    expressions it compiled before, nor a changed schema rules it accepted); read once per process (a
    run asks for it for each rule set it loads)."""
    files = sorted(PACKAGE_DIR.rglob("*.py")) + [RULE_FILE_SCHEMA]
    stats = ((p, p.stat()) for p in files)
    return ";".join(f"{p.relative_to(PACKAGE_DIR)}:{st.st_size}:{st.st_mtime_ns}" for p, st in stats)


_MAGIC = b"ledgerlint-cache\n"


def load(cache_key: str):
    """The entry, only once the digest stored with it matches what was read back: a damaged entry (a
    flipped byte, a file cut short) is never unpickled, and the set is built again."""
    try:
        with open(cache_dir() / f"{cache_key}.pickle", "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    head = len(_MAGIC) + _DIGEST
    if len(data) <= head or not data.startswith(_MAGIC):
        return None
    digest, payload = data[len(_MAGIC):head], data[head:]
    # a plain comparison: the digest detects damage; whoever can write the cache could write a digest too
    if digest != blake2b(payload, digest_size=_DIGEST).digest():
        return None
    try:
        return pickle.loads(payload)  # noqa: S301 - verified bytes this program wrote, see the docstring
    except Exception:  # written by another version of the classes: build the set again
        return None


_DIGEST = 32


def store(cache_key: str, ruleset) -> None:
    folder = cache_dir()
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        payload = pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL)
        # a temporary name of this process's own, created exclusively, then renamed into place
        tmp = folder / f".{cache_key}.{os.getpid()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC + blake2b(payload, digest_size=_DIGEST).digest() + payload)
        os.replace(tmp, folder / f"{cache_key}.pickle")
        tmp = None
    except Exception:  # no cache is no problem: the next run builds the set again
        pass
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
