"""How well ledgerlint reads the real published documents in ../shared/realdocs (skipped, with a note,
where that folder is absent). Not a test: a measurement anyone can rerun.

    python benchmarks/realdocs.py            # a table on the screen
    python benchmarks/realdocs.py --markdown # the same table in Markdown (docs/realdocs.md keeps the latest)
    python benchmarks/realdocs.py --misses   # and, per document, every prose figure that was not placed

Per document: accepted or why not; year, unit and region as read; the figures stated in the prose
(every number with a unit — 万元, 元, %, 人, 个 … — on a line that is not a table cell); how many of them
the extractor placed (a figure of the disclosure whose provenance is that line, with the same value);
the sentences with figures that nothing placed; and check's findings by severity.

Decision: figures in the unit's description (第一部分 概况: 主要职能, 学校基本情况 — staff, students,
laboratories of a university) are counted apart as "descriptive": no table restates them and no rule
checks them, so they are not in the share. Dates and years (2024年12月31日) have no unit and are not
figures.
"""
import argparse
import re
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REALDOCS = ROOT.parent / "shared" / "realdocs"
sys.path.insert(0, str(ROOT / "src"))

from ledgerlint.checking.api import Checker  # noqa: E402
from ledgerlint.errors import LedgerlintError  # noqa: E402

# a number with its unit; a threshold ("单价 100 万元（含）以上设备") states no figure of the unit's
_FIGURE = re.compile(r"(?<![\d.,])([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(亿元|万元|元|%|个|人次|批次|辆|人|台|家|项|次|套|分)"
                     r"(?!\s*(?:\(含\))?\s*以[上下])")


def stated(document, extraction) -> tuple[list, list]:
    """(figures of the prose, descriptive figures): each (line, Decimal value, text of the line)."""
    from ledgerlint.documents.doctext import normalise
    described = _descriptive_lines(extraction) if extraction else set()
    prose, descriptive = [], []
    for number, line in enumerate(document.lines, start=1):
        if line.startswith("\t"):
            continue          # a table cell: tables are counted when they are read
        text = normalise(line)
        for match in _FIGURE.finditer(text):
            figure = (number, Decimal(match[1].replace(",", "")), text)
            (descriptive if number in described else prose).append(figure)
    return prose, descriptive


def _descriptive_lines(extraction) -> set:
    """Lines of the unit's own description (part one, before the first section the readers read)."""
    from ledgerlint.documents.outline import sections
    found, _ = sections(extraction.document.lines, extraction.schema)
    first = next((s.first for s in found if s.key not in ("单位概况",)), len(extraction.document.lines) + 1)
    described = set()
    for section in found:
        if section.key == "单位概况":
            described.update(range(section.first, section.last + 1))
    described.update(range(1, first))
    return described


def measure(path: Path, checker: Checker) -> dict:
    from ledgerlint.documents.extract import extract
    from ledgerlint.documents.sources import read_document
    row = {"file": path.name}
    started = time.perf_counter()
    try:
        document = read_document(path)
        extraction = extract(document, ruleset=checker.ruleset)
    except LedgerlintError as exc:
        row["accepted"] = "refused: " + exc.render().replace(str(path), path.name)
        row["seconds"] = time.perf_counter() - started
        return row
    disclosure = extraction.disclosure
    region = disclosure.get("地区", {})
    row.update(accepted="yes" if not extraction.partial else f"yes, partial ({'、'.join(extraction.partial)})",
               year=disclosure.get("年度"), unit=disclosure.get("单位", {}).get("全称"),
               region="".join(region.values()) if isinstance(region, dict) else region)
    prose, descriptive = stated(document, extraction)
    got = extraction.placed()
    row["figures"] = len(prose)
    row["placed"] = sum(1 for line, value, _ in prose if (line, value) in got)
    row["descriptive"] = len(descriptive)
    row["misses"] = [(document.place(line), value, text) for line, value, text in prose if (line, value) not in got]
    row["unplaced"] = len(extraction.unused)
    report = checker.check_file(path)
    row["findings"] = Counter(f.severity for f in report.findings)
    row["seconds"] = time.perf_counter() - started
    return row


def where(place) -> str:
    return f"p{place.page}:{place.line}" if place.page is not None else str(place.line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("folder", nargs="?", default=str(REALDOCS))
    args = parser.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"skipped: {folder} is absent (the real documents live in ../shared/realdocs)")
        return 0
    checker = Checker()
    rows = [measure(path, checker) for path in sorted(folder.glob("*.pdf")) + sorted(folder.glob("*.docx"))]
    header = ["document", "accepted", "year", "unit", "region", "prose figures", "placed", "share",
              "descriptive", "unplaced sentences", "errors", "warnings", "info", "seconds"]
    lines = []
    for row in rows:
        count = row.get("figures", 0)
        share = f"{row['placed'] / count:.1%}" if count else "–"
        findings = row.get("findings", Counter())
        lines.append([row["file"], row["accepted"], str(row.get("year", "")), str(row.get("unit", "")),
                      str(row.get("region", "")), str(count or ""), str(row.get("placed", "")), share,
                      str(row.get("descriptive", "")), str(row.get("unplaced", "")), str(findings.get("error", "")),
                      str(findings.get("warning", "")), str(findings.get("info", "")), f"{row['seconds']:.1f}"])
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for line in lines:
            print("| " + " | ".join(line) + " |")
    else:
        for line in lines:
            print("  ".join(f"{h}={v}" for h, v in zip(header, line) if v))
    if args.misses:
        for row in rows:
            for place, value, text in row.get("misses", []):
                print(f"{row['file']} {where(place)} {value}: {text[:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
