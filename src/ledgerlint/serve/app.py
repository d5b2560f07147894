"""The web page of `ledgerlint serve` (Flask): drop files on it, watch the run, read and download the results.

Routes: / the upload page; POST /runs starts a run (JSON: its id, or the files refused and why);
/runs/ID/status its progress; /runs/ID the results; /runs/ID/files/NAME a file the run produced;
/history past runs; POST /runs/ID/delete removes one. The pages are plain HTML with a few lines of
script for the progress bar, in Chinese or English.
"""
from pathlib import Path as FsPath

from ledgerlint.serve.runs import ACCEPTED, MAX_FILES, MAX_RUN_BYTES, MAX_UPLOAD_BYTES, RunStore

_TEXT = {
    "zh": {"title": "ledgerlint 决算公开检查", "drop": "把要检查的文件拖到这里，或点击选择（PDF、Word、文本、JSON，可多选）",
           "check": "开始检查", "progress": "已检查 {done} / {total} 个文件", "results": "检查结果",
           "history": "历史记录", "file": "文件", "errors": "错误", "warnings": "警告", "notes": "提示",
           "error": "错误", "warning": "警告", "info": "提示", "none": "没有发现问题",
           "downloads": "下载", "annotated": "标注后的文件", "report_html": "HTML 报告", "report_xlsx": "Excel 工作簿",
           "unreadable": "无法读取", "delete": "删除", "when": "时间", "files": "文件数", "back": "返回上传页",
           "too_many": "一次最多上传 {limit} 个文件", "too_large": "{name}：文件超过 {limit} MB",
           "bad_kind": "{name}：只能检查 .pdf、.docx、.txt、.json 文件", "nothing": "没有选择文件",
           "place": "第{page}页第{line}行", "line": "第{line}行", "running": "正在检查……",
           "not_annotated": "未能生成标注后的文件（{reason}），检查结果不受影响"},
    "en": {"title": "ledgerlint: checking final-accounts disclosures", "drop": "Drop the files to check here, or click to choose (PDF, Word, text, JSON; several at once)",
           "check": "Check", "progress": "{done} of {total} files checked", "results": "Results",
           "history": "History", "file": "file", "errors": "errors", "warnings": "warnings", "notes": "notes",
           "error": "errors", "warning": "warnings", "info": "notes", "none": "nothing found",
           "downloads": "Downloads", "annotated": "marked document", "report_html": "HTML report", "report_xlsx": "Excel workbook",
           "unreadable": "unreadable", "delete": "delete", "when": "when", "files": "files", "back": "back to the upload page",
           "too_many": "at most {limit} files at once", "too_large": "{name}: larger than {limit} MB",
           "bad_kind": "{name}: only .pdf, .docx, .txt and .json files are checked", "nothing": "no file chosen",
           "place": "page {page}, line {line}", "line": "line {line}", "running": "checking…",
           "not_annotated": "the marked copy could not be made ({reason}); the findings stand"},
}

_STYLE = """body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
#drop{border:2px dashed #888;border-radius:8px;padding:3em;text-align:center;cursor:pointer}#drop.over{background:#eef}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}
.error{color:#b00}.warning{color:#a60}.info{color:#555}.refused{color:#b00;font-family:monospace}
.finding{margin:.4em 0 .8em}.sentence{color:#555;font-size:90%;margin-left:1.5em}progress{width:100%}"""

_UPLOAD = """<!doctype html><html lang="{{ 'zh-CN' if lang == 'zh' else 'en' }}"><meta charset="utf-8">
<title>{{ T.title }}</title><style>{{ style|safe }}</style>
<h1>{{ T.title }}</h1>
<form id="form" method="post" action="/runs" enctype="multipart/form-data">
<label id="drop" for="files"><span>{{ T.drop }}</span><br><input id="files" name="files" type="file" multiple
 accept=".pdf,.docx,.txt,.json"></label>
<p><button id="start" type="submit">{{ T.check }}</button></p></form>
<div id="refused" class="refused"></div>
<div id="status" hidden><progress id="bar" value="0" max="1"></progress><p id="count"></p></div>
<p><a href="/history">{{ T.history }}</a></p>
<script>
const form=document.getElementById('form'),drop=document.getElementById('drop'),input=document.getElementById('files');
drop.ondragover=e=>{e.preventDefault();drop.classList.add('over')};drop.ondragleave=()=>drop.classList.remove('over');
drop.ondrop=e=>{e.preventDefault();drop.classList.remove('over');input.files=e.dataTransfer.files};
const words={{ progress_json|safe }};
form.onsubmit=async e=>{e.preventDefault();
  const answer=await (await fetch('/runs',{method:'POST',body:new FormData(form)})).json();
  const refused=document.getElementById('refused');refused.textContent='';
  if(answer.refused){for(const line of answer.refused){const p=document.createElement('p');p.textContent=line;refused.appendChild(p)}return}
  document.getElementById('status').hidden=false;
  const poll=async()=>{const s=await (await fetch('/runs/'+answer.id+'/status')).json();
    const bar=document.getElementById('bar');bar.max=s.total;bar.value=s.done;
    document.getElementById('count').textContent=words.replace('{done}',s.done).replace('{total}',s.total);
    if(s.finished){location.href='/runs/'+answer.id}else{setTimeout(poll,250)}};
  poll()};
</script></html>"""

_RESULTS = """<!doctype html><html lang="{{ 'zh-CN' if lang == 'zh' else 'en' }}"><meta charset="utf-8">
<title>{{ T.results }}</title><style>{{ style|safe }}</style>
<h1>{{ T.results }}</h1>
{% if not run.finished %}<p id="running">{{ T.running }} {{ run.done }} / {{ run.names|length }}</p>
<script>setTimeout(()=>location.reload(),500)</script>{% else %}
<table id="summary"><tr><th>{{ T.file }}</th><th>{{ T.errors }}</th><th>{{ T.warnings }}</th><th>{{ T.notes }}</th></tr>
{% for f in run.files %}<tr><td><a href="#f{{ f.index }}">{{ f.name }}</a></td>
{% if f.error %}<td colspan="3" class="refused">{{ T.unreadable }}</td>{% else %}
<td>{{ f.summary.error }}</td><td>{{ f.summary.warning }}</td><td>{{ f.summary.info }}</td>{% endif %}</tr>{% endfor %}</table>
<h2>{{ T.downloads }}</h2><p id="downloads"><a href="/runs/{{ run.id }}/files/report.html">{{ T.report_html }}</a> ·
<a href="/runs/{{ run.id }}/files/report.xlsx">{{ T.report_xlsx }}</a> ·
<a href="/runs/{{ run.id }}/files/report.json">JSON</a> · <a href="/runs/{{ run.id }}/files/report.sarif">SARIF</a></p>
{% for f in run.files %}<section class="file" id="f{{ f.index }}"><h2>{{ f.name }}</h2>
{% if f.error %}<p class="refused">{{ f.error }}</p>{% else %}
{% if f.annotated %}<p><a class="annotated" href="/runs/{{ run.id }}/files/{{ f.annotated }}">{{ T.annotated }}</a></p>{% endif %}
{% if f.not_annotated %}<p class="refused">{{ T.not_annotated.format(reason=f.not_annotated) }}</p>{% endif %}
{% if not f.findings %}<p>{{ T.none }}</p>{% endif %}
{% for severity in ("error", "warning", "info") %}{% set group = f.findings|selectattr("severity", "equalto", severity)|list %}
{% if group %}<h3 class="{{ severity }}">{{ T[severity] }}{{ "（%d）" % group|length if lang == "zh" else " (%d)" % group|length }}</h3>
{% for x in group %}<div class="finding {{ severity }}"><b>{{ x.rule }}</b> {{ x.title }}
{% if x.line %}<small>{{ T.place.format(page=x.page, line=x.line) if x.page else T.line.format(line=x.line) }}</small>{% endif %}
<div>{{ x.message }}</div>{% for s in (x.sources or [])[:1] %}<div class="sentence">“{{ s.text }}”</div>{% endfor %}</div>
{% endfor %}{% endif %}{% endfor %}{% endif %}</section>{% endfor %}{% endif %}
<p><a href="/">{{ T.back }}</a> · <a href="/history">{{ T.history }}</a></p></html>"""

_HISTORY = """<!doctype html><html><meta charset="utf-8"><title>{{ T.history }}</title><style>{{ style|safe }}</style>
<h1>{{ T.history }}</h1><table id="history"><tr><th>{{ T.when }}</th><th>{{ T.files }}</th><th>{{ T.errors }}</th>
<th>{{ T.warnings }}</th><th>{{ T.notes }}</th><th>{{ T.unreadable }}</th><th></th></tr>
{% for r in runs %}<tr><td><a href="/runs/{{ r.id }}">{{ r.when }}</a></td><td>{{ r.files }}</td><td>{{ r.errors }}</td>
<td>{{ r.warnings }}</td><td>{{ r.notes }}</td><td>{{ r.unreadable }}</td>
<td><form method="post" action="/runs/{{ r.id }}/delete"><button>{{ T.delete }}</button></form></td></tr>{% endfor %}</table>
<p><a href="/">{{ T.back }}</a></p></html>"""


def create_app(data_dir: FsPath, rules_dir=None, lang: str = "zh"):
    import json
    import time

    from flask import Flask, abort, jsonify, redirect, render_template_string, request, send_file
    app = Flask("ledgerlint")
    app.config["MAX_CONTENT_LENGTH"] = MAX_RUN_BYTES      # Flask refuses a larger request before reading it
    store = RunStore(data_dir, rules_dir)
    words = _TEXT[lang]

    def page(template, **values):
        return render_template_string(template, T=words, style=_STYLE, lang=lang, **values)

    @app.get("/")
    def upload():
        return page(_UPLOAD, progress_json=json.dumps(words["progress"], ensure_ascii=False))

    @app.post("/runs")
    def start():
        uploads, refused = [], []
        files = [f for f in request.files.getlist("files") if f.filename]
        if not files:
            refused.append(words["nothing"])
        if len(files) > MAX_FILES:
            refused.append(words["too_many"].format(limit=MAX_FILES))
            files = []
        for item in files:
            name = FsPath(item.filename.replace("\\", "/")).name    # a name, never a path
            if FsPath(name).suffix.lower() not in ACCEPTED:
                refused.append(words["bad_kind"].format(name=name))
                continue
            uploads.append((name, item.stream))
        if refused:
            return jsonify(refused=refused), 400
        run = store.start(uploads, lang)
        if isinstance(run, list):       # the names of the files past the size limit
            limit = MAX_UPLOAD_BYTES // 1024 // 1024
            return jsonify(refused=[words["too_large"].format(name=name, limit=limit) for name in run]), 400
        return jsonify(id=run.id)

    @app.get("/runs/<run_id>/status")
    def status(run_id):
        run = store.get(run_id) or abort(404)
        return jsonify(done=run.done, total=len(run.names), finished=run.finished)

    @app.get("/runs/<run_id>")
    def results(run_id):
        return page(_RESULTS, run=store.get(run_id) or abort(404))

    @app.get("/runs/<run_id>/files/<name>")
    def download(run_id, name):
        path = store.output(run_id, name) or abort(404)
        run = store.get(run_id)
        shown = name
        for entry in (run.files if run else []):       # a marked document under the user's own name
            if entry.get("annotated") == name:
                shown = FsPath(entry["name"]).stem + ".checked" + FsPath(name).suffix
        return send_file(path, as_attachment=True, download_name=shown)

    @app.get("/history")
    def history():
        runs = [{**r, "when": time.strftime("%Y-%m-%d %H:%M", time.localtime(r["created"]))} for r in store.history()]
        return page(_HISTORY, runs=runs)

    @app.post("/runs/<run_id>/delete")
    def delete(run_id):
        store.delete(run_id)
        return redirect("/history")

    app.store = store
    return app
