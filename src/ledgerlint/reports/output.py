"""Choosing a renderer for the format asked for (writing the result is ledgerlint.writing's job)."""


STREAMED = ("text", "json", "github")     # written file by file as the run goes


BINARY = ("xlsx",)                        # bytes: written to a file (-o) only


def render(fmt: str, reports, unreadable, rulesets, lang: str, verbose: bool = False, unused=()) -> str | bytes:
    if fmt == "json":
        from ledgerlint.reports.text import render_json
        return render_json(reports, unreadable, lang, unused)
    if fmt == "sarif":
        from ledgerlint.reports.sarif import render_sarif
        return render_sarif(reports, rulesets, lang, unreadable)
    if fmt == "junit":
        from ledgerlint.reports.junit import render_junit
        return render_junit(reports, lang, unreadable)
    if fmt == "github":
        from ledgerlint.reports.github import render_github
        return render_github(reports, lang)
    if fmt == "gitlab":
        from ledgerlint.reports.gitlab import render_gitlab
        return render_gitlab(reports, lang)
    if fmt == "xlsx":
        from ledgerlint.reports.xlsx import render_xlsx
        return render_xlsx(reports, unreadable, lang)
    if fmt == "html":
        from ledgerlint.reports.html import render_html
        return render_html(reports, rulesets, lang, unreadable)
    from ledgerlint.reports.text import render_text
    return render_text(reports, lang, verbose)
