"""What `annotate` writes at each finding, for a PDF (annotated_pdf) and a Word file (annotated_docx)
alike: the note's text, and how well the finding could be placed."""
from ledgerlint.messages import t

# how a finding was placed: on its figure's own characters, on the line or paragraph it was read from,
# or nowhere in the document (a note at its start)
ON_FIGURE, ON_LINE, UNPLACED = "figure", "line", "unplaced"


def note_text(finding, lang: str) -> str:
    severity = t(f"annotate.label.{finding.severity}", lang)
    return f"[{severity}] {finding.rule} {finding.title}\n{finding.message}"


def summary(marked: list, lang: str) -> str:
    """The line `annotate` prints: how many findings were marked, and how each was placed."""
    hows = [how for _, how in marked]
    return t("annotate.summary", lang, marked=len(hows), exact=hows.count(ON_FIGURE), lines=hows.count(ON_LINE),
             unplaced=hows.count(UNPLACED))
