"""ledgerlint: checks departmental final-accounts disclosures (部门决算公开) against rules written as data.

Data flows one way::

    file --loading--> Disclosure --schema--> findings
    rules/<year>/ --rulesets--> RuleSet --engine--> findings --report--> text | json
"""

__version__ = "0.1.0"


def __getattr__(name):
    # the API is imported on first use, so `ledgerlint --help` stays quick
    if name in ("Checker",):
        from .api import Checker
        return Checker
    if name in ("load", "Disclosure"):
        from . import loading
        return getattr(loading, name)
    if name in ("load_ruleset", "RuleSet"):
        from . import rulesets
        return getattr(rulesets, name)
    raise AttributeError(name)
