"""The one Finding model that every check produces and every renderer reads."""
from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Finding:
    rule: str                      # rule id; "schema" for a schema problem
    severity: str                  # error | warning | info
    title: str
    message: str
    path: tuple = ()               # the JSON path the finding points at
    paths: tuple = ()              # every JSON path involved
    line: int | None = None        # line of `path` in the file
    values: dict = field(default_factory=dict)   # name -> value as text, for the reader
    status: str = "failed"         # failed | not_evaluated
    section: str = ""              # the part of the document the rule checks (for grouping in reports)
    basis: str = ""                # the rule's basis, for readers who ask "says who?"
    page: int | None = None        # for a finding on a Word or PDF document: the page of `line`
    sources: tuple = ()            # for a document: (page, line, sentence) each figure came from


def sort_key(f: Finding):
    return (-SEVERITY_RANK[f.severity], f.page or 0, f.line if f.line is not None else 1 << 30, f.rule, f.paths)
