"""Finding rule-set folders: rules/<year>/ inside the installed package, or a folder the user names."""
from pathlib import Path as FsPath

from .errors import RuleSetError


def shipped_rules_dir() -> FsPath:
    """The rules shipped with ledgerlint: inside the installed package, else the source checkout's rules/."""
    here = FsPath(__file__).resolve().parent
    for candidate in (here / "rules", here.parent.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleSetError("ruleset.no_dir", path=str(here / "rules"))


def available_years(rules_dir: FsPath) -> list[int]:
    return sorted(int(p.name) for p in FsPath(rules_dir).iterdir() if p.is_dir() and p.name.isdigit())


def year_folder(rules_dir: FsPath | None, year) -> FsPath:
    """The folder of the rule set for `year` under `rules_dir` (default: the shipped rules)."""
    root = FsPath(rules_dir) if rules_dir else shipped_rules_dir()
    if not root.is_dir():
        raise RuleSetError("ruleset.no_dir", path=str(root))
    folder = root / str(year)
    if not folder.is_dir():
        years = "、".join(str(y) for y in available_years(root)) or "-"
        raise RuleSetError("ruleset.unknown_year", file=str(root), year=year, available=years)
    return folder
