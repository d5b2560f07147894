"""The Python API: load a rule set once, check many disclosures with it.

    from ledgerlint import Checker
    checker = Checker()                       # shipped rules; Checker(rules_dir=...) for your own
    report = checker.check_file("disclosure.json")
    for finding in report.findings: ...

Same behaviour as `ledgerlint check`: rule sets are chosen by each file's 年度 and compiled once per year.
A Checker may be shared between threads: each gets the reports it would get alone. Rules are evaluated
one at a time in a process (the evaluation budget is process-wide), so threads do not check faster;
for that, check in processes as `ledgerlint check -j` does (ledgerlint.checking.batch).
"""
import threading
from pathlib import Path as FsPath
from typing import TYPE_CHECKING

from ledgerlint.checking.engine import FileReport, check
from ledgerlint.errors import DisclosureError
from ledgerlint.checking.findings import Finding, sort_key
from ledgerlint.checking.loading import Disclosure, load
from ledgerlint.messages import t
from ledgerlint.paths import value_at
from ledgerlint.rulesets.ruleset import RuleSet, shipped_rules_dir
from ledgerlint.rulesets.selection import Selection, load_named, overlays, select

if TYPE_CHECKING:      # the document readers are imported only when a document is read
    from ledgerlint.documents.extract import Extraction


# the identity of a disclosure (not a section of the document)
_IDENTITY = ("$schema", "年度", "单位", "地区")
_ABSENT = object()


class Checker:
    def __init__(self, rules_dir: str | FsPath | None = None, year: int | None = None, lang: str = "zh",
                 strict: bool = False, encoding: str | None = None, keep_data: bool = True):
        self.rules_dir = FsPath(rules_dir) if rules_dir else None
        self.year = year
        self.lang = lang
        self.strict = strict
        self.encoding = encoding
        self.keep_data = keep_data   # reports carry the disclosure (the HTML report shows it); batches drop it
        self._rulesets: dict[str, RuleSet] = {}
        self._selections: dict[tuple, Selection] = {}
        self._loading = threading.Lock()

    def ruleset(self, name: str) -> RuleSet:
        """A rule set by name ("2023", "内蒙古/2023"), loaded and compiled once (once, too, when threads share
        this Checker)."""
        with self._loading:
            if name not in self._rulesets:
                self._rulesets[name] = load_named(self.rules_dir, name)
            return self._rulesets[name]

    def options(self) -> dict:
        return {"rules_dir": self.rules_dir, "year": self.year, "lang": self.lang, "strict": self.strict,
                "encoding": self.encoding, "keep_data": self.keep_data}

    def loaded(self) -> list[str]:
        """Names of the rule sets used so far, in the order they were first needed."""
        return list(self._rulesets)

    def select(self, disclosure: Disclosure) -> Selection:
        year = self.year or disclosure.year
        if not isinstance(year, int) or isinstance(year, bool):
            raise DisclosureError("json.no_year", file=disclosure.source)
        region = disclosure.data.get("地区")
        province = region.get("省") if isinstance(region, dict) else None
        if province is not None and not isinstance(province, str):
            return select(self.rules_dir, year, province)      # a malformed 省: not worth keeping
        key = (year, province)
        with self._loading:   # chosen once per year and province: choosing lists and verifies the overlays
            if key not in self._selections:
                self._selections[key] = select(self.rules_dir, year, province)
            return self._selections[key]

    def check(self, disclosure: Disclosure) -> FileReport:
        chosen = self.select(disclosure)
        report = check(disclosure, self.ruleset(chosen.name), self.lang, self.strict)
        if not self.keep_data:
            report.data = None
        notice = self._overlay_left_out(chosen)
        if notice:
            report.notices.append(notice)
        if chosen.fallback:
            report.findings.append(Finding(
                rule="ruleset", severity="warning", title=t("ruleset.fallback_title", self.lang),
                message=t("ruleset.fallback", self.lang, year=chosen.asked, used=chosen.year),
                path=("年度",), paths=(("年度",),), line=disclosure.line(("年度",))))
            report.findings.sort(key=sort_key)
        return report

    def _overlay_left_out(self, chosen: Selection) -> str | None:
        """With a rules folder of one's own (--rules): the shipped provincial overlay that the file's
        province would get and the chosen set does not build on, said as a notice (the CLI prints each
        once per run). A user's set takes it in with `extends: "ledgerlint:内蒙古/2023"`."""
        if self.rules_dir is None or chosen.overlay is not None or not chosen.province:
            return None
        shipped = shipped_rules_dir()
        if self.rules_dir.resolve() == shipped.resolve():
            return None
        overlay = next((o for o in overlays(shipped) if o.applies(chosen.year, chosen.province)), None)
        if overlay is None:
            return None
        name = f"{overlay.folder.name}/{chosen.year}"
        if name in self.ruleset(chosen.name).chain:
            return None
        return t("ruleset.overlay_left_out", self.lang, province=chosen.province, overlay=name,
                 chosen=chosen.name, rules=str(self.rules_dir))

    def check_file(self, path: str | FsPath) -> FileReport:
        return self.check_with_extraction(path)[0]

    def check_with_extraction(self, path: str | FsPath) -> tuple[FileReport, "Extraction | None"]:
        """The report, and for a document the extraction it was checked from (`annotate` marks the
        findings at the places the extraction read their figures from)."""
        disclosure, extraction = self.read(path)
        report = self.check(disclosure)
        if extraction is not None:
            findings = self.as_document(report.findings, extraction)
            report.findings = sorted(self.cite(findings, extraction), key=sort_key)
        return report, extraction

    def as_document(self, findings: list, extraction) -> list:
        """What the schema's `required` means for a published document rather than a JSON file. A field
        missing inside a section is something the text did not state in words the extractor reads: a
        note, not an error (a finding caused by a misreading costs more than a slip missed). A missing
        section is a slip only of a document that claims to be whole (a 目录, or 第一部分 and 第二部分):
        one finding names them all. A partial document (a 三公 page, an excerpt) is checked for what it
        states, and says which sections those are."""
        from dataclasses import replace

        from ledgerlint.paths import format_path
        sections = [key for key in extraction.schema.get("properties", {}) if key not in _IDENTITY]
        # the sections a template asks for: the schema's own list, or the template's (x-templates)
        template = extraction.schema.get("x-templates", {}).get(extraction.template, {})
        wanted = template.get("required")
        missing, kept = [], []
        for f in findings:
            if extraction.partial and f.status == "not_evaluated" \
                    and not any(p and p[0] in extraction.partial for p in (f.path, *f.paths)):
                continue      # a rule about a section this page does not hold: nothing to say
            if f.rule != "schema" or not f.path or value_at(extraction.disclosure, f.path, _ABSENT) is not _ABSENT:
                kept.append(f)
            elif len(f.path) == 1 and f.path[0] in sections and f.path[0] not in extraction.present:
                if wanted is None or f.path[0] in wanted:
                    missing.append(f.path[0])
            else:
                kept.append(replace(f, severity="info", title=t("document.not_stated_title", self.lang),
                                    message=t("document.not_stated", self.lang, name=format_path(f.path))))
        if extraction.partial:
            kept.append(Finding(rule="document", severity="info", title=t("document.partial_title", self.lang),
                                message=t("document.partial", self.lang, names="、".join(extraction.partial))))
        elif missing:
            kept.append(Finding(rule="document", severity="error", title=t("document.sections_missing_title", self.lang),
                                message=t("document.sections_missing", self.lang, names="、".join(missing)),
                                path=(missing[0],), paths=tuple((name,) for name in missing)))
        return kept

    def read(self, path: str | FsPath) -> tuple[Disclosure, "Extraction | None"]:
        """A disclosure from a JSON file, or extracted from a published document (.txt, .docx, PDF) —
        then with the extraction, which knows the document line each figure came from."""
        from ledgerlint.documents import is_document
        if not is_document(path):
            return load(path, self.encoding), None
        from ledgerlint.documents.extract import extract
        from ledgerlint.documents.sources import read_document
        extraction = extract(read_document(path), self.rules_dir, self.year, self.ruleset)
        return Disclosure(str(path), extraction.disclosure), extraction

    def cite(self, findings: list, extraction, unplaced: bool = True) -> list:
        """Findings on an extracted disclosure pointed at the document's lines their figures were read
        from (page and line for Word and PDF); with `unplaced`, what the extractor could not place is an
        info finding each, so nothing is lost between the document and the check."""
        from dataclasses import replace

        from ledgerlint.paths import format_path
        document = extraction.document
        cited = []
        for f in findings:
            sources = []
            for p in (f.path,) + tuple(q for q in f.paths if q != f.path):
                found = extraction.source_of(format_path(p)) if p else None
                if found:
                    where = document.place(found[0])
                    if (where.page, where.line, found[1]) not in sources:
                        sources.append((where.page, where.line, found[1]))
            first = sources[0] if sources else (None, None, "")
            cited.append(replace(f, line=first[1], page=first[0], sources=tuple(sources)))
        for line, text in extraction.unused if unplaced else ():
            where = document.place(line)
            cited.append(Finding(rule="extract", severity="info", title=t("extract.unplaced_title", self.lang),
                                 message=t("extract.unplaced", self.lang, text=text), line=where.line,
                                 page=where.page, sources=((where.page, where.line, text),)))
        return cited
