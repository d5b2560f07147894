"""How many of a disclosure's figures an extraction got exactly right: the measure the extractor's
acceptance uses (issue 10: at least 95% on the seed, 90% on the variant documents).

A figure is every number in the expected disclosure, and every string that stands where the schema has a
number (a placeholder such as "XX.X%" kept as written); it is right when the extraction has the same
value at the same path, a number compared as Decimal with its written precision ignored (1687.40 and
1687.4 are the same figure), a string compared exactly."""
from decimal import Decimal

from helpers import ROOT, RULES
from ledgerlint.documents.extract import leaves


def _is_figure(value) -> bool:
    return isinstance(value, (int, Decimal, float)) and not isinstance(value, bool)


def figure_share(expected: dict, got: dict, placeholders=()) -> tuple[float, list]:
    """(share right, [(path, expected, got or None)] for each miss). `placeholders` are the paths of
    strings that stand for numbers (from the schema's format findings on the expected file)."""
    have = dict(leaves(got))
    wanted = [(p, v) for p, v in leaves(expected) if _is_figure(v) or p in placeholders]
    misses = [(p, v, have.get(p)) for p, v in wanted if not _same(v, have.get(p))]
    return (1 - len(misses) / len(wanted)) if wanted else 1.0, misses


def _same(expected, got) -> bool:
    if _is_figure(expected):
        return _is_figure(got) and Decimal(str(expected)) == Decimal(str(got))
    return expected == got


def seed_document():
    """The real seed document (../shared/seeds, beside the repository as CI lays it out; the tests that
    read it are skipped where it is absent). Its text is published text, so it is not copied in here."""

    import pytest
    seed = ROOT.parent / "shared" / "seeds" / "000_af505b552fa43a5a.txt"
    if not seed.is_file():
        pytest.skip("the seed document is outside the repository")
    return seed


def seed_document_section(key: str):
    """The sentences of one section of the seed document."""
    from ledgerlint.documents.doctext import read_lines, sentences
    from ledgerlint.documents.outline import sections
    from ledgerlint.rulesets.selection import load_named
    lines = read_lines(seed_document())
    part = next(s for s in sections(lines, load_named(RULES, "2023").schema)[0] if s.key == key)
    return [s for s in sentences(lines) if part.first < s.line <= part.last]


def placeholders(path) -> set:
    """Paths of the strings that stand where the schema wants a number (the format findings)."""
    from ledgerlint.checking.api import Checker
    from ledgerlint.paths import format_path
    report = Checker().check_file(path)
    return {format_path(f.path) for f in report.findings if f.rule == "schema"}
