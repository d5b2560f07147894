"""ledgerlint: checks departmental final-accounts disclosures (部门决算公开) against rules written as data.

Data flows one way::

    file --loading--> Disclosure --schema--> findings
    rules/<year>/ --rulesets--> RuleSet --engine--> findings --report--> text | json
"""

__version__ = "0.1.0"
