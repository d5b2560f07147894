"""The Python API: load a rule set once, check many disclosures with it.

    from ledgerlint import Checker
    checker = Checker()                       # shipped rules; Checker(rules_dir=...) for your own
    report = checker.check_file("disclosure.json")
    for finding in report.findings: ...

Same behaviour as `ledgerlint check`: rule sets are chosen by each file's 年度 and compiled once per year.
"""
from pathlib import Path as FsPath

from .engine import FileReport, check
from .errors import DisclosureError
from .loading import Disclosure, load
from .rulesets import RuleSet, ruleset_for_year


class Checker:
    def __init__(self, rules_dir: str | FsPath | None = None, year: int | None = None, lang: str = "zh",
                 strict: bool = False, encoding: str | None = None):
        self.rules_dir = FsPath(rules_dir) if rules_dir else None
        self.year = year
        self.lang = lang
        self.strict = strict
        self.encoding = encoding
        self._rulesets: dict[int, RuleSet] = {}

    def ruleset(self, year: int) -> RuleSet:
        if year not in self._rulesets:
            self._rulesets[year] = ruleset_for_year(self.rules_dir, year)
        return self._rulesets[year]

    def check(self, disclosure: Disclosure) -> FileReport:
        year = self.year or disclosure.year
        if not isinstance(year, int) or isinstance(year, bool):
            raise DisclosureError("json.no_year", file=disclosure.source)
        return check(disclosure, self.ruleset(year), self.lang, self.strict)

    def check_file(self, path: str | FsPath) -> FileReport:
        return self.check(load(path, self.encoding))
