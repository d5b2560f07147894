"""`ledgerlint serve`: the page people who do not use a terminal check their files on (issue 22). The
run itself through Flask's test client, then the page in real headless Chromium against the server."""
import io
import json
import shutil
import threading
import time
import urllib.request
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from helpers.documents import FONT, build_pdf
from helpers.figures import seed_document
from ledgerlint.cli import main
from ledgerlint.documents.doctext import read_lines

pytest.importorskip("flask", reason="serve needs the serve extra: pip install 'ledgerlint[serve]'")
from ledgerlint.serve.app import create_app  # noqa: E402
from ledgerlint.serve.runs import MAX_FILES  # noqa: E402

EXAMPLE = Path(__file__).parent.parent / "examples" / "2023-erguna-waishi" / "disclosure.json"
REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs"


def _finish(client, run_id, limit=120):
    deadline = time.monotonic() + limit
    while not client.get(f"/runs/{run_id}/status").json["finished"]:
        assert time.monotonic() < deadline, "the run did not finish"
        time.sleep(0.1)


def test_a_run_checks_each_upload_keeps_its_results_and_deletes_the_uploads(tmp_path):
    left = tmp_path / "data" / "uploads" / "0123456789abcdef"     # a run cut short by a stop of the server
    left.mkdir(parents=True)
    (left / "000.pdf").write_bytes(b"%PDF")
    client = create_app(tmp_path / "data").test_client()
    assert not left.exists()
    files = [(io.BytesIO(EXAMPLE.read_bytes()), "额尔古纳外事办.json"), (io.BytesIO(b"{"), "坏.json")]
    answer = client.post("/runs", data={"files": files}, content_type="multipart/form-data")
    run_id = answer.json["id"]
    _finish(client, run_id)
    assert list((tmp_path / "data" / "uploads").iterdir()) == []   # uploads deleted once read
    page = client.get(f"/runs/{run_id}").get_data(as_text=True)
    assert "额尔古纳外事办.json" in page
    assert "坏.json:1:2: JSON 语法错误" in page                        # the CLI's one line, under the user's name
    workbook = tmp_path / "run.xlsx"
    workbook.write_bytes(client.get(f"/runs/{run_id}/files/report.xlsx").data)
    expected = json.loads(CliRunner().invoke(main, ["check", "--format", "json", str(EXAMPLE)]).stdout)["summary"]
    summary = list(openpyxl.load_workbook(workbook)["汇总"].iter_rows(min_row=2, values_only=True))
    assert summary[0][0] == "额尔古纳外事办.json"
    assert summary[0][3:6] == (expected["error"], expected["warning"], expected["info"])
    report = json.loads(client.get(f"/runs/{run_id}/files/report.json").data)
    assert [e["file"] for e in report["errors"]] == ["坏.json"]
    # the history keeps the run, across a restart of the server, until it is deleted
    again = create_app(tmp_path / "data").test_client()
    assert run_id in again.get("/history").get_data(as_text=True)
    assert "额尔古纳外事办.json" in again.get(f"/runs/{run_id}").get_data(as_text=True)
    again.post(f"/runs/{run_id}/delete")
    assert run_id not in again.get("/history").get_data(as_text=True)
    assert not (tmp_path / "data" / "runs" / run_id).exists()


def test_uploads_are_refused_by_kind_and_number_and_files_stay_inside_the_run(tmp_path):
    client = create_app(tmp_path / "data").test_client()
    wrong = client.post("/runs", data={"files": [(io.BytesIO(b"MZ"), "setup.exe")]}, content_type="multipart/form-data")
    assert wrong.status_code == 400 and wrong.json["refused"] == ["setup.exe：只能检查 .pdf、.docx、.txt、.json 文件"]
    many = [(io.BytesIO(b"{}"), f"{i}.json") for i in range(MAX_FILES + 1)]
    assert "最多" in client.post("/runs", data={"files": many}, content_type="multipart/form-data").json["refused"][0]
    run_id = client.post("/runs", data={"files": [(io.BytesIO(EXAMPLE.read_bytes()), "../../etc/a.json")]},
                         content_type="multipart/form-data").json["id"]
    _finish(client, run_id)
    assert client.get(f"/runs/{run_id}/files/..%2Fhistory.sqlite3").status_code == 404
    assert client.get(f"/runs/{run_id}/files/.hidden").status_code == 404
    assert client.get("/runs/not-a-run").status_code == 404
    assert "a.json" in client.get(f"/runs/{run_id}").get_data(as_text=True)


# ----- the page in headless Chromium, against the real server -----

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from waitress.server import create_server
    app = create_app(tmp_path_factory.mktemp("serve-data"))
    served = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=served.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{served.effective_port}"
    served.close()


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    if not FONT.is_file():
        pytest.skip(f"no CJK TrueType font at {FONT} to write the PDF (Debian: fonts-wqy-microhei)")
    return build_pdf(read_lines(seed_document()), tmp_path_factory.mktemp("serve-pdf") / "额尔古纳外事办.pdf")


def _upload(browser, server, paths, wait=180):
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    browser.get(server + "/")
    browser.find_element(By.ID, "files").send_keys("\n".join(str(p) for p in paths))
    browser.find_element(By.ID, "start").click()
    seen = []

    def done(driver):
        count = driver.find_elements(By.ID, "count")
        if count and count[0].text:
            seen.append(count[0].text)
        return "/runs/" in driver.current_url and driver.find_elements(By.ID, "summary")
    # the progress line goes stale when the page moves on to the results; read while Chromium swaps the
    # documents, a node can also "not belong to the document" (a WebDriverException): poll again
    WebDriverWait(browser, wait, poll_frequency=0.1,
                  ignored_exceptions=(StaleElementReferenceException, WebDriverException)).until(done)
    return seen


def _fetch(url) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as answer:   # noqa: S310 - the test's own local server
        return answer.read()


def test_the_page_checks_a_pdf_shows_its_findings_and_gives_the_marked_pdf_and_workbook(browser, server, seed_pdf, tmp_path):
    from pypdf import PdfReader
    from selenium.webdriver.common.by import By
    uploads = [seed_pdf]
    if REALDOCS.is_dir():
        uploads.append(REALDOCS / "sh-putuo-caizhengju-2024.pdf")
    _upload(browser, server, uploads)
    rows = browser.find_elements(By.CSS_SELECTOR, "#summary tr")[1:]
    assert [r.find_element(By.TAG_NAME, "a").text for r in rows] == [p.name for p in uploads]
    section = browser.find_element(By.ID, "f0")
    assert "SR-003" in section.text and "相差" in section.text and "错误（" in section.text
    assert "与上年决算相比" in section.find_element(By.CLASS_NAME, "sentence").text   # the sentence it is about
    marked = tmp_path / "marked.pdf"
    marked.write_bytes(_fetch(section.find_element(By.CLASS_NAME, "annotated").get_attribute("href")))
    notes = [a.get_object() for page in PdfReader(str(marked)).pages for a in page.get("/Annots") or []]
    expected = json.loads(CliRunner().invoke(main, ["check", "--format", "json", str(seed_pdf)]).stdout)
    counts = expected["files"][0]["summary"]
    assert len([n for n in notes if n.get("/T") == "ledgerlint"]) == counts["error"] + counts["warning"] + counts["info"]
    workbook = tmp_path / "run.xlsx"
    workbook.write_bytes(_fetch(browser.find_element(By.LINK_TEXT, "Excel 工作簿").get_attribute("href")))
    first = next(openpyxl.load_workbook(workbook)["汇总"].iter_rows(min_row=2, values_only=True))
    assert first[0] == seed_pdf.name and first[3:6] == (counts["error"], counts["warning"], counts["info"])


def test_a_broken_file_gets_its_one_line_on_the_page(browser, server, tmp_path):
    from selenium.webdriver.common.by import By
    broken = tmp_path / "损坏的决算.pdf"
    broken.write_bytes(b"%PDF-1.7\n not really")
    _upload(browser, server, [broken])
    refusal = browser.find_element(By.CSS_SELECTOR, "#f0 .refused").text
    assert refusal.startswith("损坏的决算.pdf") and "\n" not in refusal and "Traceback" not in browser.page_source


def test_a_batch_of_twenty_shows_its_progress_then_a_summary(browser, server, seed_pdf, tmp_path):
    from selenium.webdriver.common.by import By
    batch = []
    for i in range(20):      # documents, so that the run lasts long enough to be watched
        copy = tmp_path / f"单位{i:02d}.pdf" if i % 4 == 0 else tmp_path / f"单位{i:02d}.json"
        shutil.copy(seed_pdf if i % 4 == 0 else EXAMPLE, copy)
        batch.append(copy)
    seen = _upload(browser, server, batch, wait=300)
    assert any(text.endswith("/ 20 个文件") for text in seen), seen
    rows = browser.find_elements(By.CSS_SELECTOR, "#summary tr")[1:]
    assert len(rows) == 20 and all(r.find_elements(By.TAG_NAME, "td")[1].text.isdigit() for r in rows)


def test_the_pages_speak_english_on_request(tmp_path):
    client = create_app(tmp_path / "data", lang="en").test_client()
    assert "Drop the files to check here" in client.get("/").get_data(as_text=True)
    wrong = client.post("/runs", data={"files": [(io.BytesIO(b"x"), "a.exe")]}, content_type="multipart/form-data")
    assert wrong.json["refused"] == ["a.exe: only .pdf, .docx, .txt and .json files are checked"]
    run_id = client.post("/runs", data={"files": [(io.BytesIO(EXAMPLE.read_bytes()), "a.json")]},
                         content_type="multipart/form-data").json["id"]
    _finish(client, run_id)
    page = client.get(f"/runs/{run_id}").get_data(as_text=True)
    assert "Results" in page and "warnings (" in page and "警告" not in page.split("<h2>a.json</h2>")[1].split("“")[0]


def test_a_file_past_the_size_limit_is_refused_and_nothing_of_it_kept(tmp_path, monkeypatch):
    from ledgerlint.serve import runs
    monkeypatch.setattr(runs, "MAX_UPLOAD_BYTES", 1000)
    client = create_app(tmp_path / "data").test_client()
    small = (io.BytesIO(b"{}"), "small.json")
    large = (io.BytesIO(EXAMPLE.read_bytes()), "large.json")      # about 60 KB
    answer = client.post("/runs", data={"files": [small, large]}, content_type="multipart/form-data")
    assert answer.status_code == 400 and answer.json["refused"][0].startswith("large.json：文件超过")
    assert list((tmp_path / "data" / "uploads").iterdir()) == [] and list((tmp_path / "data" / "runs").iterdir()) == []


def test_a_name_with_markup_is_shown_as_text(tmp_path):
    client = create_app(tmp_path / "data").test_client()
    name = "a<img src=x onerror=alert(1)>.json"
    run_id = client.post("/runs", data={"files": [(io.BytesIO(b"{"), name)]}, content_type="multipart/form-data").json["id"]
    _finish(client, run_id)
    page = client.get(f"/runs/{run_id}").get_data(as_text=True)
    assert "<img" not in page and "a&lt;img src=x onerror=alert(1)&gt;.json" in page


def test_a_marked_copy_that_cannot_be_made_is_said_on_the_page(tmp_path, monkeypatch):
    from helpers.documents import build_docx
    from ledgerlint.reports import annotated_docx

    def broken(*args, **kwargs):
        raise ValueError("no")
    monkeypatch.setattr(annotated_docx, "annotate_docx", broken)
    document = build_docx(read_lines(seed_document()), tmp_path / "单位.docx")
    client = create_app(tmp_path / "data").test_client()
    run_id = client.post("/runs", data={"files": [(io.BytesIO(document.read_bytes()), "单位.docx")]},
                         content_type="multipart/form-data").json["id"]
    _finish(client, run_id)
    page = client.get(f"/runs/{run_id}").get_data(as_text=True)
    assert "未能生成标注后的文件（ValueError）" in page and "SR-003" in page and 'class="annotated"' not in page
