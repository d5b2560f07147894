"""Published documents (.txt, .docx, PDF) read into a disclosure, one stage after another:

    sources (pages of lines, each with its place; PDF lines built by position, see layout)
      → doctext (normalised text, sentences, figures) and tables (rows of cells)
      → identity (year, unit, region, what kind of document it is)
      → outline (the template's sections, by title)
      → readers (one per section: the schema's fields, with provenance)
      → extract (the disclosure, the provenance of every figure, what nothing placed).

Nothing here imports the checking or report modules; the only way out is rule-set selection, which
tells the extractor the year's schema.
"""

# What counts as a published document, known without importing the readers (a JSON check never loads them)
DOCUMENT_SUFFIXES = (".txt", ".docx", ".pdf")


def is_document(path) -> bool:
    return str(path).lower().endswith(DOCUMENT_SUFFIXES)
