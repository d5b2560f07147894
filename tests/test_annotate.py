"""`ledgerlint annotate`: the published PDF with a highlight over each error's and warning's figure, the
finding as its note, an outline of them all, the input untouched (issue 22, the PDF part)."""
import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers.documents import FONT, build_pdf
from helpers.figures import seed_document
from ledgerlint.cli import main
from ledgerlint.documents.doctext import normalise, read_lines
from ledgerlint.documents.locate import printed_forms
from ledgerlint.paths import parse_path, value_at as figure_value

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs"


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    if not FONT.is_file():
        pytest.skip(f"no CJK TrueType font at {FONT} to write the PDF (Debian: fonts-wqy-microhei)")
    return build_pdf(read_lines(seed_document()), tmp_path_factory.mktemp("annotate") / "seed.pdf")


def _annotations(path):
    from pypdf import PdfReader
    reader = PdfReader(str(path))
    found = []
    for number, page in enumerate(reader.pages, start=1):
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            if annotation.get("/T") == "ledgerlint":
                found.append((number, annotation))
    return reader, found


def _marked(path):
    report = json.loads(CliRunner().invoke(main, ["check", "--format", "json", str(path)]).stdout)
    return report["files"][0]["findings"]


def test_each_finding_is_one_highlight_on_its_page_over_its_figure(seed_pdf, tmp_path):
    import pdfplumber
    before = hashlib.sha256(seed_pdf.read_bytes()).hexdigest()
    out = tmp_path / "seed.checked.pdf"
    result = CliRunner().invoke(main, ["annotate", str(seed_pdf), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert hashlib.sha256(seed_pdf.read_bytes()).hexdigest() == before       # the input is never changed
    marked = _marked(seed_pdf)
    reader, annotations = _annotations(out)
    assert len(marked) >= 15 and len(annotations) == len(marked)
    assert len(reader.outline) == len(marked)
    # the notes are the findings, each on the page the finding's figure was read from
    by_note = {}
    for page, annotation in annotations:
        by_note.setdefault(str(annotation["/Contents"]), []).append((page, annotation))
    extracted = json.loads(CliRunner().invoke(main, ["extract", str(seed_pdf)]).stdout, parse_float=Decimal)
    on_figure = 0
    with pdfplumber.open(str(out)) as pdf:
        for finding in marked:
            note = next(n for n in by_note if n.startswith("[") and finding["message"] in n
                        and f"] {finding['rule']} " in n)
            page, annotation = by_note[note].pop()
            assert page == finding["page"], finding
            x0, y0, x1, y1 = (float(v) for v in annotation["/Rect"])
            height = float(pdf.pages[page - 1].height)
            inside = pdf.pages[page - 1].within_bbox((x0 - 0.5, height - y1 - 0.5, x1 + 0.5, height - y0 + 0.5))
            text = (inside.extract_text() or "").replace("\n", "")
            pattern = printed_forms(figure_value(extracted, tuple(parse_path(finding["path"]))))
            if annotation["/Subtype"] == "/Highlight" and pattern is not None and pattern.search(text):
                on_figure += 1
                assert len(text) <= len(pattern.pattern)     # the figure, not its line
            else:
                assert text, finding                        # a line of the page, not an empty box
    assert on_figure >= 6


def test_the_note_carries_the_arithmetic_and_english_on_request(seed_pdf, tmp_path):
    out = tmp_path / "en.pdf"
    CliRunner().invoke(main, ["annotate", str(seed_pdf), "-o", str(out), "--lang", "en"])
    notes = [str(a["/Contents"]) for _, a in _annotations(out)[1]]
    assert any(n.startswith("[warning] SR-003 ") and "99.99" in n for n in notes)
    zh = tmp_path / "zh.pdf"
    CliRunner().invoke(main, ["annotate", str(seed_pdf), "-o", str(zh)])
    notes = [str(a["/Contents"]) for _, a in _annotations(zh)[1]]
    assert any(n.startswith("[警告] SR-003 ") and "相差" in n for n in notes)


def test_annotate_refuses_to_write_over_its_input_or_mark_a_non_pdf(seed_pdf, tmp_path):
    runner = CliRunner()
    same = runner.invoke(main, ["annotate", str(seed_pdf), "-o", str(seed_pdf)])
    assert same.exit_code == 2 and "从不改动所检查的文件" in same.stderr
    assert "Traceback" not in same.output
    text = tmp_path / "a.txt"
    text.write_text("第一部分", encoding="utf-8")
    refused = runner.invoke(main, ["annotate", str(text)])
    assert refused.exit_code == 2 and refused.stderr.strip().count("\n") == 0
    assert refused.stderr.startswith(f"{text}: annotate 只标注 PDF") and "{" not in refused.stderr
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    result = runner.invoke(main, ["annotate", str(broken)])
    assert result.exit_code == 2 and "broken.pdf" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "broken.checked.pdf").exists()


def test_the_checked_file_is_written_beside_the_document_by_default(seed_pdf, tmp_path):
    copy = tmp_path / "unit.pdf"
    copy.write_bytes(seed_pdf.read_bytes())
    result = CliRunner().invoke(main, ["annotate", str(copy)])
    assert result.exit_code == 1 and (tmp_path / "unit.checked.pdf").is_file()
    again = CliRunner().invoke(main, ["annotate", str(copy)])
    assert again.exit_code == 2                                       # kept unless --force
    assert CliRunner().invoke(main, ["annotate", str(copy), "--force"]).exit_code == 1


@pytest.mark.skipif(not REALDOCS.is_dir(), reason="the real documents live in ../shared/realdocs, beside the repository")
def test_a_real_pdf_keeps_its_pages_and_gets_one_mark_per_finding(tmp_path):
    from pypdf import PdfReader
    document = REALDOCS / "cq-swu-2023-final.pdf"
    out = tmp_path / "marked.pdf"
    result = CliRunner().invoke(main, ["annotate", str(document), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    marked = _marked(document)
    reader, annotations = _annotations(out)
    assert len(reader.pages) == len(PdfReader(str(document)).pages)
    assert sorted(page for page, _ in annotations) == sorted(f.get("page") or 1 for f in marked)


def test_printed_forms_match_a_figure_with_or_without_thousands_commas_only_whole():
    pattern = printed_forms(Decimal("1687.40"))
    assert pattern.search("总计 1,687.40万元") and pattern.search("1687.40")
    assert not pattern.search("11687.40") and not pattern.search("1687.401") and not pattern.search("1687.4")
    assert printed_forms(Decimal("-4.79")).search("增加 -4.79万元")
    assert printed_forms("说明") is None and printed_forms(True) is None


# ----- Word: a comment (批注) at each finding's words -----

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _commented_words(path) -> dict:
    """comment id -> the text the comment is anchored on, in document order."""
    import docx
    body = docx.Document(str(path)).element.body
    open_ids, words = set(), {}
    for element in body.iter():
        if element.tag == _W + "commentRangeStart":
            open_ids.add(element.get(_W + "id"))
            words.setdefault(element.get(_W + "id"), "")
        elif element.tag == _W + "commentRangeEnd":
            open_ids.discard(element.get(_W + "id"))
        elif element.tag == _W + "t":
            for cid in open_ids:
                words[cid] += element.text or ""
    return words


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory):
    from helpers.documents import build_docx
    return build_docx(read_lines(seed_document()), tmp_path_factory.mktemp("annotate-docx") / "seed.docx")


def test_each_finding_is_one_comment_anchored_at_its_figure_in_word(seed_docx, tmp_path):
    import docx
    before = hashlib.sha256(seed_docx.read_bytes()).hexdigest()
    out = tmp_path / "seed.checked.docx"
    result = CliRunner().invoke(main, ["annotate", str(seed_docx), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert hashlib.sha256(seed_docx.read_bytes()).hexdigest() == before
    marked = _marked(seed_docx)
    comments = list(docx.Document(str(out)).comments)
    assert len(marked) >= 15 and len(comments) == len(marked)
    assert all(c.author == "ledgerlint" for c in comments)
    words = _commented_words(out)
    extracted = json.loads(CliRunner().invoke(main, ["extract", str(seed_docx)]).stdout, parse_float=Decimal)
    on_figure = 0
    for finding in marked:
        comment = next(c for c in comments if finding["message"] in c.text and f"] {finding['rule']} " in c.text)
        comments.remove(comment)
        anchored = words[str(comment.comment_id)]
        pattern = printed_forms(figure_value(extracted, tuple(parse_path(finding["path"]))))
        if pattern is not None and pattern.fullmatch(anchored):
            on_figure += 1                      # exactly the figure's words
        else:
            # the paragraph or cell the figure was read from: it holds the finding's first source
            anchored = normalise(anchored)
            # (a table line's source is its row; the comment is on the row's cell)
            assert anchored and any(normalise(s["text"]).strip()[:12] in anchored or anchored in normalise(s["text"])
                                    for s in finding["sources"]), (anchored, finding["sources"])
    assert on_figure >= 6
    # the text of the document is the same, only split into more runs
    assert [p.text for p in docx.Document(str(out)).paragraphs] == [p.text for p in docx.Document(str(seed_docx)).paragraphs]
