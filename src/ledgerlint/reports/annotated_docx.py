"""The Word file with a comment (批注) at each finding (`ledgerlint annotate DOC.docx`): what a reviewer in a
finance office would write in the margin, anchored at the figure the finding is about.

The paragraph or table cell is the one the extraction read the figure from (its page and line, counted
as the reader counts them: documents.sources.docx_lines). Within it, the figure's printed text is made a
run of its own (the run that holds it is split, keeping its formatting) so that the comment covers the
figure exactly; where the figure is not in the paragraph's plain runs, the comment covers the paragraph.
A finding with no place is commented on the first paragraph. Every finding, notes included, as for PDF.
"""
import copy
import io

from ledgerlint.paths import value_at
from ledgerlint.reports.marks import ON_FIGURE, ON_LINE, UNPLACED, note_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def annotate_docx(source, report, disclosure: dict, lang: str = "zh") -> tuple[bytes, list]:
    """(the commented file's bytes, [(finding, how it was placed: marks.ON_FIGURE …)] in report order)."""
    from ledgerlint.documents.locate import printed_forms
    from ledgerlint.documents.sources import docx_lines, open_docx
    document = open_docx(source)
    pages = docx_lines(document)
    marked = []
    for finding in report.findings:
        anchor = _anchor(pages, finding.page, finding.line)
        runs, how = None, UNPLACED
        if anchor is not None:
            paragraphs = anchor.paragraphs if hasattr(anchor, "paragraphs") else [anchor]
            pattern = printed_forms(value_at(disclosure, finding.path))
            runs = _figure_runs(paragraphs, pattern) if pattern is not None else None
            how = ON_FIGURE if runs else ON_LINE
            runs = runs or next((p.runs for p in paragraphs if p.runs), None)
        if not runs:
            how = UNPLACED
            runs = next((p.runs for p in document.paragraphs if p.runs), None) or [document.paragraphs[0].add_run("")]
        document.add_comment(runs, text=note_text(finding, lang), author="ledgerlint", initials="LL")
        marked.append((finding, how))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), marked


def _anchor(pages: list, page, line):
    if not page or not line or not 1 <= page <= len(pages) or not 1 <= line <= len(pages[page - 1]):
        return None
    return pages[page - 1][line - 1][1]


def _figure_runs(paragraphs: list, pattern) -> list | None:
    """The runs that are exactly the figure's text in the first paragraph that prints it; None where it
    is printed across runs that cannot be split (a field, a drawing) or not at all."""
    for paragraph in paragraphs:
        runs = paragraph.runs
        text = "".join(r.text for r in runs)
        hit = pattern.search(text)
        if hit is None:
            continue
        start, end = hit.span()
        first = _split_at(runs, start)
        runs = paragraph.runs
        last = _split_at(runs, end)
        runs = paragraph.runs
        if first is None or last is None:
            return None
        return runs[first:last]
    return None


def _split_at(runs: list, offset: int) -> int | None:
    """The index of the run that starts at character `offset` of the runs' text, splitting the run that
    holds it in two (both keep its formatting); None where that run holds more than text."""
    from docx.text.run import Run
    at = 0
    for index, run in enumerate(runs):
        length = len(run.text)
        if offset == at:
            return index
        if at < offset < at + length:
            if any(child.tag not in (_W + "rPr", _W + "t") for child in run._r):
                return None
            cut, whole = offset - at, run.text
            tail = copy.deepcopy(run._r)            # the same formatting (rPr); text set below
            run._r.addnext(tail)
            run.text = whole[:cut]                  # the text setter keeps the rPr, replaces the rest
            Run(tail, run._parent).text = whole[cut:]
            return index + 1
        at += length
    return len(runs) if offset == at else None
