"""JUnit XML for CI dashboards: one testcase per rule per file; a rule that found something fails with
every finding's line and message; a rule that could not be evaluated is skipped with the reason."""
from xml.etree import ElementTree as ET

from ledgerlint.messages import t
from ledgerlint.reports.text import place


def render_junit(reports, lang: str = "zh", unreadable=()) -> str:
    """A suite per file; a file that could not be read is a suite of one test in error (never left out)."""
    suites = ET.Element("testsuites", name="ledgerlint")
    total = failed = 0
    for exc in unreadable:
        suite = ET.SubElement(suites, "testsuite", name=exc.file or "", tests="1", failures="0", errors="1",
                              skipped="0")
        case = ET.SubElement(suite, "testcase", classname=exc.file or "", name=t("junit.read", lang))
        ET.SubElement(case, "error", type="unreadable", message=exc.render(lang))
    for r in reports:
        by_rule: dict[str, list] = {}
        titles: dict[str, str] = {}
        for rule_id, title, _status in r.checks:
            by_rule.setdefault(rule_id, [])
            titles[rule_id] = title
        for f in r.findings:
            by_rule.setdefault(f.rule, []).append(f)
            titles.setdefault(f.rule, f.title)
        suite = ET.SubElement(suites, "testsuite", name=r.file)
        suite_failed = suite_skipped = 0
        for rule_id in sorted(by_rule):
            case = ET.SubElement(suite, "testcase", classname=r.file, name=f"{rule_id} {titles[rule_id]}")
            findings = by_rule[rule_id]
            failures = [f for f in findings if f.status == "failed"]
            if failures:
                suite_failed += 1
                text = "\n".join(f"{r.file}:{place(f.page, f.line, lang) if f.line else ''} {f.message}"
                                  for f in failures)
                worst = "error" if any(f.severity == "error" for f in failures) else failures[0].severity
                node = ET.SubElement(case, "failure", type=worst, message=failures[0].message)
                node.text = text
            elif findings:
                suite_skipped += 1
                ET.SubElement(case, "skipped", message=findings[0].message)
        suite.set("tests", str(len(by_rule)))
        suite.set("failures", str(suite_failed))
        suite.set("errors", "0")
        suite.set("skipped", str(suite_skipped))
        total += len(by_rule)
        failed += suite_failed
    suites.set("tests", str(total + len(unreadable)))
    suites.set("failures", str(failed))
    suites.set("errors", str(len(unreadable)))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
