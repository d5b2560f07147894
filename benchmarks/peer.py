"""The one public peer, GovBudgetChecker, measured on the same PDFs: its rule engine run offline (no AI
service, no database), on the page texts and tables that its job runner reads with pdfplumber. Nothing of
it is copied here; the benchmark imports it from a checkout given on the command line (`--peer DIR`, or
the GOVBUDGETCHECKER environment variable). Its engine needs rapidfuzz and numpy besides pdfplumber."""
import os
import sys
from pathlib import Path


def load_peer(folder=None):
    """(a function that checks one PDF the way the peer does, None) or (None, why it cannot be run)."""
    given = folder or os.environ.get("GOVBUDGETCHECKER")
    if not given:
        return None, "no checkout given (--peer DIR or GOVBUDGETCHECKER)"
    folder = Path(given)
    if not (folder / "src" / "engine" / "pipeline.py").is_file():
        return None, f"{folder} is not a checkout of GovBudgetChecker (no src/engine/pipeline.py)"
    sys.path.insert(0, str(folder))
    try:
        from src.engine.pipeline import build_document, run_rules
    except ImportError as exc:
        return None, f"its engine does not import here ({exc}); pip install rapidfuzz numpy"

    def check(path):
        import pdfplumber
        texts, tables = [], []
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                texts.append(page.extract_text() or "")
                # ruled tables first, pdfplumber's default strategy where a page has none: as its runner does
                found = page.extract_tables(table_settings={"vertical_strategy": "lines",
                                                            "horizontal_strategy": "lines",
                                                            "intersection_tolerance": 3}) or []
                tables.append(found or page.extract_tables() or [])
        document = build_document(path=str(path), page_texts=texts, page_tables=tables,
                                  filesize=os.path.getsize(path))
        return run_rules(document, use_ai_assist=False, report_kind="final")
    return check, None
