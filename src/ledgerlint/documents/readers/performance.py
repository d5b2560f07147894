"""十四、预算绩效情况说明: the paragraphs on how self-evaluation was done, each project's summary
("N. <项目>自评综述：…") with the self-evaluation table that follows it, and the evaluation of one project.

The tables come as rows (ledgerlint.documents.tables), found by the label in their first cells: 项目名称, 主管部门,
the funds rows (年度资金总额, 财政拨款, 上年结转资金, 其他资金), 年度总体目标 and the row under it, the
indicator rows under the header that names 一级指标, and the closing 合计/总分 row. Merged cells of the
indicator table are blank in the text (or repeat in a Word file); a blank 一级/二级指标 takes the one above.
Cells read as numbers where they are numbers and are kept as written otherwise ("按计划进场", "——" is no
figure, so the key is left out)."""
import re

from ledgerlint.documents.changes import as_figure
from ledgerlint.documents.doctext import NUMBER
from ledgerlint.documents.readers import FIGURE
from ledgerlint.documents.readers import Reading
from ledgerlint.documents.readers import as_written

_NUMERIC = re.compile(rf"^{NUMBER}$")
_FUNDS = ("年度资金总额", "财政拨款", "上年结转资金", "其他资金")
_FUND_COLUMNS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
_INDICATOR_COLUMNS = ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "年度指标值", "实际完成值",
                      "计量单位", "分值", "得分", "偏差原因分析及改进措施"]
_NUMBER_COLUMNS = {"年度指标值", "实际完成值", "分值", "得分"}
_NULL_WHEN_BLANK = {"指标方向", "计量单位"}

_SELF_EVALUATION = [
    (rf"共\s*{FIGURE}\s*个项目", ("项目数",)),
    (rf"一级项目\s*{FIGURE}\s*个", ("一级项目数",)),
    (rf"二级项目\s*{FIGURE}\s*个", ("二级项目数",)),
    (rf"涉及资金\s*{FIGURE}\s*万元", ("涉及资金",)),
    (rf"占[^,;。]*?项目支出总额的?\s*{FIGURE}\s*%", ("占项目支出总额百分比",)),
]
_SUMMARY = re.compile(r"^(\d{1,4})\s*[.、]\s*(.+?)自评综述:")
_SUMMARY_FIGURES = [
    (rf"自评得分\s*{FIGURE}\s*分", "自评得分"),
    (rf"全年预算数(?:为)?\s*{FIGURE}\s*万元", "全年预算数"),
    (rf"执行数(?:为)?\s*{FIGURE}\s*万元", "执行数"),
    (rf"完成预算的?\s*{FIGURE}\s*%", "完成预算百分比"),
]


def _cell_value(text: str):
    return as_figure(text.replace(",", "")) if _NUMERIC.match(text.replace(" ", "")) else text


def _label(text: str) -> str:
    return re.sub(r"^其中:|\(.*?\)$|\s", "", text)


class _Performance:
    def __init__(self):
        self.reading = Reading()
        self.projects = 0
        self.in_summary = False     # between a project's summary and its table
        self.in_report = False      # after "以<项目>为例，…综合得分": the evaluation report follows
        self.report_label = None    # a label line whose text is on the next line (工作计划, 意见和建议)
        self.levels = ["", ""]      # the report's current 一级 and 二级指标 headings
        self.targets = 0

    # -- the paragraphs -------------------------------------------------------------------------------
    def sentence(self, sentence) -> bool:
        text = sentence.text
        summary = _SUMMARY.match(text)
        if summary:
            self._open_project(int(summary[1]), as_written(summary[2].strip(), sentence), sentence)
            return self._summary_figures(sentence) or True
        if self.in_summary:
            if self._summary_figures(sentence) or self._summary_texts(sentence):
                return True
        if self.in_report and self._report(sentence):
            return True
        return self._general(sentence)

    def _report(self, sentence) -> bool:
        """The evaluation report of one project (its own numbered headings stay inside this section)."""
        text, original = sentence.text, as_written(sentence.text, sentence)

        def put(path, value):
            self.reading.put(("绩效评价", "评价报告") + path, value, sentence)

        if self.report_label:
            put((self.report_label,), original.strip())
            self.report_label = None
            return True
        label = re.match(r"^(?:\d+\s*[.、]|[一二三四五六七八九十]+、)?\s*(工作计划|意见和建议)\s*[。.]?$", text)
        if label:
            self.report_label = label[1]
            return True
        field = re.match(r"^(项目名称|主管部门)\s*:\s*(.+)$", text)
        if field:
            put((field[1],), as_written(field[2], sentence))
            return True
        used = False
        for pattern, key, kind in (
                (r"(一级预算单位|二级预算单位|三级预算单位|基层预算单位)", "预算级次", "text"),
                (rf"独立核算单位\s*{FIGURE}\s*个", "独立核算单位数", "figure"),
                (r"报表类型为?\s*:?\s*([^,。;]+)", "报表类型", "text"),
                (rf"共设\s*{FIGURE}\s*个(?:内设)?(?:股室|处室|科室)", "内设股室数", "figure"),
                (rf"设置绩效目标\s*{FIGURE}\s*个", "绩效目标数", "figure"),
                (rf"执行率为?\s*{FIGURE}\s*%", "执行率", "figure")):
            match = re.search(pattern, text)
            if match:
                put((key,), as_figure(match[1]) if kind == "figure" else as_written(match[1], sentence))
                used = True
        for pattern, key in ((rf"年初资金总额为?\s*{FIGURE}\s*(万元|万|元)", "年初资金总额"),
                             (rf"实际执行\s*{FIGURE}\s*(万元|万|元)", "实际执行"),
                             (rf"全年预计执行\s*{FIGURE}\s*(万元|万|元)", "全年预计执行")):
            match = re.search(pattern, text)
            if match:
                put((key, "数值"), as_figure(match[1]))
                put((key, "单位"), match[2])
                used = True
        level = re.match(r"^\([一二三四五六七八九十]+\)\s*(\S+指标)$|^\d+\s*[、.]\s*(\S+)$", text)
        if level and level[1]:
            self.levels = [level[1], ""]
            return True
        if level and level[2] and not used:
            self.levels[1] = level[2]
            return True
        target = re.match(rf"^\((\d+)\)\s*([^,]+),(?:年度指标值?(?:等于|大于等于|小于等于|大于|小于|为)?\s*{FIGURE}\s*(%|[^\d,。]*)\s*,)?"
                          rf".*?完成值\s*{FIGURE}\s*(%|[^\d,。]*)", text)
        if target:
            at = ("绩效目标完成情况", str(self.targets))
            self.targets += 1
            put(at + ("序号",), as_figure(target[1]))
            put(at + ("一级指标",), self.levels[0])
            put(at + ("二级指标",), self.levels[1])
            put(at + ("内容",), as_written(target[2], sentence))
            if target[3] is not None:
                put(at + ("年度指标值",), as_figure(target[3]))
            put(at + ("完成值",), as_figure(target[5]))
            put(at + ("计量单位",), target[6] or target[4] or "")
            return True
        return used

    def _general(self, sentence) -> bool:
        text, put = sentence.text, self.reading.put
        used = False
        if "绩效自评" in text and "一般公共预算项目" in text and "政府性基金" not in text.split("一般公共预算项目")[0]:
            used = self._counts(("绩效自评开展情况", "一般公共预算项目"), sentence)
        elif re.match(rf"^政府性基金预算项目\s*{FIGURE}\s*个", text):
            match = re.match(rf"^政府性基金预算项目\s*{FIGURE}\s*个", text)
            put(("绩效自评开展情况", "政府性基金预算项目", "项目数"), as_figure(match[1]), sentence)
            used = self._counts(("绩效自评开展情况", "政府性基金预算项目"), sentence) or True
        if "单位评价" in text or "开展了单位评价" in text:
            names = re.findall(r"“([^”]+)”", sentence.original)
            if names:
                put(("单位评价", "列举项目"), names, sentence)
            count = re.search(rf"等?\s*{FIGURE}\s*个项目开展了?单位评价", text)
            if count:
                put(("单位评价", "项目数"), as_figure(count[1]), sentence)
            used = True
        for pattern, key in ((rf"涉及一般公共预算支出\s*{FIGURE}\s*万元", "一般公共预算支出"),
                             (rf"政府性基金支出\s*{FIGURE}\s*万元", "政府性基金支出")):
            match = re.search(pattern, text)
            if match and "开展了单位评价" in text:
                put(("单位评价", key), as_figure(match[1]), sentence)
        result = re.search(r"评价结果(?:为)?\s*[“\"]?([优良好中差合格]{1,3})[”\"]?", text)
        if result and "综合得分" not in text:
            put(("单位评价", "评价结果"), result[1], sentence)
            used = True
        reflected = re.search(rf"反映\s*{FIGURE}\s*个一般公共预算项目.*?{FIGURE}\s*个政府性基金项目.*?共\s*{FIGURE}\s*个项目",
                              text)
        if reflected:
            for key, value in zip(("一般公共预算项目数", "政府性基金项目数", "项目总数"), reflected.groups()):
                put(("决算中反映自评结果", key), as_figure(value), sentence)
            used = True
        evaluated = re.search(rf"以(.+?)为例,该项目绩效评价综合得分为?\s*{FIGURE}\s*分", text)
        if evaluated:
            put(("绩效评价", "项目名称"), as_written(evaluated[1], sentence), sentence)
            put(("绩效评价", "综合得分"), as_figure(evaluated[2]), sentence)
            grade = re.search(r"绩效评价结果为\s*[“\"]?([^”\"。,]+)[”\"]?", text)
            if grade:
                put(("绩效评价", "评价结果"), grade[1], sentence)
            self.in_report = used = True
        return used

    def _counts(self, path: tuple, sentence) -> bool:
        used = False
        for pattern, key in _SELF_EVALUATION:
            match = re.search(pattern, sentence.text)
            if match:
                self.reading.put(path + key, as_figure(match[1]), sentence)
                used = True
        return used

    def _open_project(self, number: int, name: str, sentence) -> None:
        self.projects += 1
        self.in_summary = True
        self._put_project(("序号",), number, sentence)
        self._put_project(("项目名称",), name, sentence)

    def _put_project(self, path: tuple, value, where) -> None:
        self.reading.put(("项目自评", str(self.projects - 1)) + path, value, where)

    def _summary_figures(self, sentence) -> bool:
        used = False
        for pattern, key in _SUMMARY_FIGURES:
            match = re.search(pattern, sentence.text)
            if match:
                self._put_project((key,), as_figure(match[1]), sentence)
                used = True
        core = re.search(rf"核心绩效指标为\s*([^,。]+?)\s*,\s*分数\s*{FIGURE}\s*分\s*,\s*绩效为\s*([^。]+)", sentence.text)
        if core:
            self._put_project(("核心绩效指标", "名称"), core[1], sentence)
            self._put_project(("核心绩效指标", "分值"), as_figure(core[2]), sentence)
            self._put_project(("核心绩效指标", "说明"), as_written(core[3].rstrip("。"), sentence), sentence)
            used = True
        return used

    def _summary_texts(self, sentence) -> bool:
        """The summary's free-text parts, each up to the next label: the sentence after the core
        indicator is how the targets were met; then 主要问题及原因 and 改进措施."""
        project = self.reading.value["项目自评"][str(self.projects - 1)]
        text = as_written(sentence.text, sentence)
        for label, key in (("发现的主要问题及原因", "主要问题及原因"), ("下一步改进措施", "改进措施")):
            if sentence.text.startswith(label):
                self._put_project((key,), re.sub(r"^[^:：]+[:：]", "", text), sentence)
                return True
        if "核心绩效指标" in project and "绩效目标完成情况" not in project:
            self._put_project(("绩效目标完成情况",), text, sentence)
            return True
        return False

    # -- the self-evaluation tables --------------------------------------------------------------------
    def table(self, rows: list) -> None:
        if not self.in_summary:      # a table without a summary before it is a project of its own
            self._open_project(self.projects + 1, "", rows[0].cells[0])
        self.in_summary = False
        put = self._put_project
        funds_header, indicator_header, previous, goal_next = None, None, {}, False
        indicators = 0
        for row in rows:
            texts = row.texts()
            labels = [_label(t) for t in texts]
            if goal_next:
                goal_next = False
                cells = [c for c in row.cells if c.text]
                for key, cell in zip(("预期目标", "实际完成情况"), cells):
                    put(("自评表", "年度总体目标", key), as_written(cell.text, cell), cell)
                continue
            if labels[0] in ("项目名称", "主管部门", "实施单位"):
                for at in range(0, len(row.cells) - 1, 2):
                    if labels[at] in ("项目名称", "主管部门", "实施单位"):
                        cell = row.cells[at + 1]
                        put(("自评表", labels[at]), as_written(cell.text, cell), cell)
            elif "年初预算数" in labels:
                funds_header = [label if label in _FUND_COLUMNS else None for label in labels]
            elif funds_header and any(label in _FUNDS for label in labels[:2]):
                name = next(label for label in labels[:2] if label in _FUNDS)
                for column, cell in zip(funds_header, row.cells):
                    if column and _NUMERIC.match(cell.text.replace(" ", "")):
                        put(("自评表", "项目资金", name, column), _cell_value(cell.text), cell)
            elif labels[0] == "年度总体目标":
                goal_next = True
            elif "一级指标" in labels:
                start = labels.index("一级指标")
                indicator_header = [_label(t) for t in texts[start:]]
                indicator_header = [h if h in _INDICATOR_COLUMNS else None for h in indicator_header]
                first_cell = start
            elif labels[0] in ("合计", "总分") and len(row.cells) >= 3:
                put(("自评表", "合计", "名称"), labels[0], row.cells[0])
                put(("自评表", "合计", "分值"), _cell_value(texts[1]), row.cells[1])
                put(("自评表", "合计", "得分"), _cell_value(texts[2]), row.cells[2])
            elif indicator_header:
                cells = row.cells[first_cell:]
                item = {}
                for column, cell in zip(indicator_header, cells):
                    if column is None:
                        continue
                    text = cell.text
                    if column in ("一级指标", "二级指标") and not text:
                        text = previous.get(column, "")
                    if not text and column in _NULL_WHEN_BLANK:
                        value = None
                    elif column in _NUMBER_COLUMNS and _NUMERIC.match(text.replace(" ", "")):
                        value = _cell_value(text)
                    else:
                        value = as_written(text, cell) if text else ""
                    item[column] = (value, cell)
                previous = {k: v for k, (v, _) in item.items()}
                for column, (value, cell) in item.items():
                    put(("自评表", "绩效指标", str(indicators), column), value, cell)
                indicators += 1


def _lists(node):
    """The reader builds lists as dicts keyed "0", "1", …; the disclosure has them as lists."""
    if isinstance(node, dict):
        node = {key: _lists(value) for key, value in node.items()}
        if node and all(key.isdigit() for key in node):
            return [node[key] for key in sorted(node, key=int)]
    return node


def _tables(rows: list) -> tuple[list, list]:
    """The self-evaluation tables (each starts at a row whose first cell is its title) and the rows of
    other tables (a report's list of units), which this reader does not place."""
    tables, others = [], []
    for row in rows:
        if re.match(r"^\S*自评表", row.texts()[0]):
            tables.append([row])
        elif tables and row.table == tables[-1][-1].table:
            tables[-1].append(row)
        else:
            others.append(row)
    return tables, others


# 全过程绩效管理 (Shanghai and others, 2020 on): "编报绩效目标的2024年度项目39个，涉及预算金额4415.48万元；
# 绩效跟踪评价的…；绩效自评的…，平均得分99.33分（其中，绩效评级为“优”的项目39个；…绩效自评中共发现问题0个，
# 已经完成整改的0个，正在整改的0个）"
_STAGES = (("编报绩效目标", "编报绩效目标"), ("绩效跟踪评价", "绩效跟踪评价"), ("绩效自评", "绩效自评"))
_STAGE = re.compile(rf"(编报绩效目标|绩效跟踪评价|绩效自评)的\s*(?:\d{{4}}\s*年度?)?\s*项目\s*({NUMBER})\s*个\s*,\s*"
                    rf"涉及(?:预算)?(?:金额|资金)\s*({NUMBER})\s*万元(?:\s*,\s*平均得分\s*({NUMBER})\s*分)?")
_GRADE = re.compile(rf"绩效评级为\W?(优|良|合格|不合格)\W?的项目\s*({NUMBER})\s*个")
_PROBLEMS = [(re.compile(rf"发现问题\s*({NUMBER})\s*个"), "发现问题数"),
             (re.compile(rf"已(?:经)?完成整改的\s*({NUMBER})\s*个"), "已整改问题数"),
             (re.compile(rf"正在整改的\s*({NUMBER})\s*个"), "正在整改问题数")]


def _cycle(reading: Reading, sentence) -> bool:
    """The counts of the whole performance cycle in the sentence, under 全过程绩效管理; whether any."""
    found = False
    root = ("全过程绩效管理",)
    for match in _STAGE.finditer(sentence.text):
        reading.put(root + (match[1], "项目数"), as_figure(match[2]), sentence)
        reading.put(root + (match[1], "涉及预算金额"), as_figure(match[3]), sentence)
        if match[4] is not None:
            reading.put(root + (match[1], "平均得分"), as_figure(match[4]), sentence)
        found = True
    for match in _GRADE.finditer(sentence.text):
        reading.put(root + ("绩效自评", "评级", match[1]), as_figure(match[2]), sentence)
        found = True
    for pattern, key in _PROBLEMS:
        if (match := pattern.search(sentence.text)):
            reading.put(root + ("绩效自评", key), as_figure(match[1]), sentence)
            found = True
    return found


def read(sentences, rows) -> Reading:
    """`sentences` of the section in order, `rows` its table rows (ledgerlint.documents.tables); a table goes with
    the project summary before it."""
    performance = _Performance()
    tables, others = _tables(rows)
    in_tables = {cell.line for row in rows for cell in row.cells}
    for sentence in sentences:
        while tables and tables[0][0].line < sentence.line:
            performance.table(tables.pop(0))
        if sentence.line in in_tables:
            continue
        if _cycle(performance.reading, sentence):
            continue
        if not performance.sentence(sentence):
            performance.reading.note_unused(sentence)
    for table in tables:
        performance.table(table)
    reading = performance.reading
    reading.unused.extend(others)
    reading.value = _lists(reading.value)
    reading.provenance = {re.sub(r"\.(\d+)(?=\.|$)", r"[\1]", path): place
                          for path, place in reading.provenance.items()}
    return reading
