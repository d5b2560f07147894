"""The published PDF with its findings marked on it (`ledgerlint annotate DOC.pdf`).

The pages are copied unchanged; each finding becomes a highlight over the figure it is about (or, where
the figure cannot be found on its line, over the line), with the finding as the note: the rule, its
title, the message with its arithmetic. Errors are red, warnings yellow, notes (a rule that could not
be evaluated, a sentence with figures the reader did not place) light blue: the reviewer sees what was
not checked too. An outline (the PDF's bookmarks) lists every finding with its page. A finding with no
place in the document (a section missing as a whole) is a note on the first page.
"""
import io

from ledgerlint.messages import t
from ledgerlint.paths import value_at
from ledgerlint.reports.marks import ON_FIGURE, ON_LINE, UNPLACED, note_text

_COLOURS = {"error": "ff8080", "warning": "ffd966", "info": "9fc5e8"}


def annotate_pdf(source, report, disclosure: dict, lang: str = "zh") -> tuple[bytes, list]:
    """(the annotated PDF's bytes, [(finding, how it was placed: marks.ON_FIGURE …)] in report order)."""
    from pypdf import PdfWriter
    from pypdf.annotations import Highlight, Text
    from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

    from ledgerlint.documents.locate import locate
    marked = report.findings
    boxes = locate(source, [(f.page, f.line, value_at(disclosure, f.path)) for f in marked])
    writer = PdfWriter(clone_from=str(source))
    for finding, box in zip(marked, boxes):
        note = TextStringObject(note_text(finding, lang))
        if box is None:
            page_index = 0
            top = writer.pages[0].mediabox.top
            left = writer.pages[0].mediabox.left
            annotation = Text(rect=(left + 10, top - 30, left + 30, top - 10), text=str(note), open=False)
        else:
            page_index = box.page - 1
            media = writer.pages[page_index].mediabox
            x0, x1 = media.left + box.x0, media.left + box.x1
            y0, y1 = media.top - box.bottom, media.top - box.top
            annotation = Highlight(rect=(x0, y0, x1, y1),
                                   quad_points=ArrayObject(FloatObject(v) for v in (x0, y1, x1, y1, x0, y0, x1, y0)),
                                   highlight_color=_COLOURS[finding.severity])
            annotation[NameObject("/Contents")] = note
        annotation[NameObject("/T")] = TextStringObject("ledgerlint")
        writer.add_annotation(page_number=page_index, annotation=annotation)
        where = t("annotate.page", lang, page=page_index + 1)
        title = f"{finding.rule} {finding.title}（{where}）" if lang == "zh" else f"{finding.rule} {finding.title} ({where})"
        writer.add_outline_item(title=title, page_number=page_index)
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    hows = [UNPLACED if box is None else ON_FIGURE if box.exact else ON_LINE for box in boxes]
    return out.getvalue(), list(zip(marked, hows))
