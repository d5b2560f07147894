"""ledgerlint: checks departmental final-accounts disclosures (部门决算公开) against rules written as data.

Data flows one way::

    file --loading--> Disclosure --schema--> findings
    rules/<year>/ --rulesets--> RuleSet --engine--> findings --report--> text | json
"""

from ledgerlint.version import __version__  # noqa: F401 - the package's version, as the ecosystem expects


def __getattr__(name):
    # the API is imported on first use, so `ledgerlint --help` stays quick
    if name in ("Checker",):
        from ledgerlint.checking.api import Checker
        return Checker
    if name in ("load", "Disclosure"):
        from ledgerlint.checking import loading
        return getattr(loading, name)
    if name in ("load_ruleset", "RuleSet"):
        from ledgerlint.rulesets import ruleset
        return getattr(ruleset, name)
    raise AttributeError(name)
