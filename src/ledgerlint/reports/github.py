"""GitHub Actions workflow commands: one annotation per finding, shown on the file and line in a pull
request (`::error file=…,line=…,title=…::message`)."""
from pathlib import PurePath

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(file: str, finding) -> str:
    fields = [f"file={_property(PurePath(file).as_posix())}"]
    if finding.line and finding.page is None:   # a page's line of a PDF is not a line of the file
        fields.append(f"line={finding.line}")
    fields.append(f"title={_property(f'[{finding.rule}] {finding.title}')}")
    return f"::{LEVELS[finding.severity]} {','.join(fields)}::{_data(finding.message)}"


def render_github(reports, lang: str = "zh") -> str:
    return "".join(annotation(r.file, f) + "\n" for r in reports for f in r.findings)
