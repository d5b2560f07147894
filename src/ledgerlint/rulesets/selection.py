"""Which rule set applies to a disclosure: chosen by its 年度 and its province (地区.省).

National sets live in rules/<year>/; a provincial overlay lives in rules/<简称>/ and says which
provinces (`match`) and years (`years: {from, to}`) it covers. An overlay is laid over the national set of
the disclosure's year and is named "<简称>/<year>". A year that is not shipped falls back to the nearest
earlier year, with a warning that names it.
"""
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from ledgerlint.rulesets import cache
from ledgerlint.errors import RuleSetError
from ledgerlint.rulesets.ruleset import (RULESET_FILE, RuleSet, available_years, build_named, read_meta,
                                        rules_root, shipped_rules_dir)


@dataclass
class Overlay:
    folder: FsPath
    region: str
    match: list
    first: int
    last: int

    def applies(self, year: int, province) -> bool:
        return province in self.match and self.first <= year <= self.last


@dataclass
class Selection:
    name: str                # the rule set's name: "2023" or "内蒙古/2023"
    year: int                # the year whose rules are used
    asked: int               # the disclosure's year
    province: str | None
    overlay: Overlay | None = None
    reasons: list = field(default_factory=list)   # (catalog key, params) explaining the choice

    @property
    def fallback(self) -> bool:
        return self.year != self.asked


def overlays(root: FsPath) -> list[Overlay]:
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.isdigit()):
        if (folder / RULESET_FILE).is_file():
            found.append(Overlay(folder, *_overlay_scope(folder)))
    return found


def _overlay_scope(folder: FsPath) -> tuple:
    """(region, match, first, last) of an overlay, from the cache when its folder is unchanged: reading
    the YAML would import the YAML and schema libraries, most of a cached run's start-up."""
    cache_key = "scope-" + cache.key(f"overlay:{folder}", [folder]) if cache.enabled() else None
    scope = cache.load(cache_key) if cache_key else None
    if isinstance(scope, tuple) and len(scope) == 4:
        return scope
    meta = read_meta(folder)
    if "years" not in meta:
        raise RuleSetError("ruleset.overlay_years", file=str(folder / RULESET_FILE), line=meta.line)
    scope = (meta.get("region", folder.name), list(meta.get("match", [folder.name])),
             meta["years"]["from"], meta["years"]["to"])
    if cache_key:
        cache.store(cache_key, scope)
    return scope


def select(rules_dir, year: int, province=None) -> Selection:
    root = rules_root(rules_dir)
    years = available_years(root)
    shown = "、".join(str(y) for y in years) or "-"
    if year in years:
        use = year
        reasons = [("which.year", {"year": year})]
    else:
        earlier = [y for y in years if y < year]
        if not earlier:
            raise RuleSetError("ruleset.unknown_year", file=str(root), year=year, available=shown)
        use = max(earlier)
        reasons = [("which.fallback", {"year": year, "used": use})]
    overlay = next((o for o in overlays(root) if o.applies(use, province)), None)
    if overlay is not None:
        reasons.append(("which.overlay", {"province": province, "overlay": overlay.folder.name,
                                          "first": overlay.first, "last": overlay.last}))
        name = f"{overlay.folder.name}/{use}"
    else:
        reasons.append(("which.national", {"province": province or "-"}))
        name = str(use)
    return Selection(name, use, year, province, overlay, reasons)


def load_named(rules_dir, name: str, problems: list | None = None) -> RuleSet:
    """A rule set by its name: "2023" (national) or "内蒙古/2023" (an overlay on a national year); from the
    cache when none of its files changed (`problems` asks for a full load, as `rules lint` does)."""
    if problems is not None or not cache.enabled():
        return build_named(rules_dir, name, problems)
    try:
        cache_key = cache.key(name, _source_folders(rules_dir, name))
    except OSError:
        return build_named(rules_dir, name, problems)
    ruleset = cache.load(cache_key)
    if ruleset is None:
        ruleset = build_named(rules_dir, name, problems)
        ruleset.validator  # check the schema now, so that the cached set need not check it again
        cache.store(cache_key, ruleset)
    return ruleset


def _source_folders(rules_dir, name: str) -> list:
    """Every folder a set could be read from: all of the rules folder (each year and overlay with its
    tests) and all of the shipped rules, which `extends: ledgerlint:<year>` reaches. Following `extends`
    here would mean parsing YAML (a comment after it, quotes, a flow mapping …); an edit anywhere in
    these folders makes a new entry instead, which costs one rebuild."""
    roots = [rules_root(rules_dir)]
    if roots[0].resolve() != shipped_rules_dir().resolve():
        roots.append(shipped_rules_dir())
    folders = []
    for root in roots:
        folders.append(root)
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            folders += [folder] + ([folder / "tests"] if (folder / "tests").is_dir() else [])
    return folders


def all_names(rules_dir) -> list[str]:
    """Every rule set the folder holds: each national year, and each overlay on each year it covers."""
    root = rules_root(rules_dir)
    years = available_years(root)
    names = [str(y) for y in years]
    for o in overlays(root):
        names += [f"{o.folder.name}/{y}" for y in years if o.first <= y <= o.last]
    return names
