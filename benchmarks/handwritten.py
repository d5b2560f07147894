"""The baseline of the evaluation benchmark: a representative subset of the 2023 rules written by hand
in plain Python with Decimal — dictionaries, loops and the same rounding intervals (a figure written with
d decimals stands for ±½·10^-d), and nothing else. Each function returns the verdict of every evaluation
('passed', 'failed', 'not_evaluated', 'not_applicable'), so the benchmark can assert that ledgerlint and
the hand-written checks agree before it compares their speed."""
from decimal import Decimal

P, F, N, A = "passed", "failed", "not_evaluated", "not_applicable"
ZERO = Decimal(0)
HUNDRED = (Decimal(100), Decimal(100), Decimal(100))


class Skip(Exception):
    pass


def num(x):
    """(value, lo, hi) of a stated figure."""
    if type(x) is int:
        d = Decimal(x)
        return d, d, d
    if type(x) is not Decimal:
        raise Skip
    half = Decimal(5).scaleb(x.as_tuple().exponent - 1)
    return x, x - half, x + half


def add(a, b):
    return a[0] + b[0], a[1] + b[1], a[2] + b[2]


def sub(a, b):
    return a[0] - b[0], a[1] - b[2], a[2] - b[1]


def div(a, b):
    if b[0] == 0:
        raise Skip
    if b[1] <= 0 <= b[2]:
        return a[0] / b[0], Decimal("-Infinity"), Decimal("Infinity")
    q = (a[1] / b[1], a[1] / b[2], a[2] / b[1], a[2] / b[2])
    return a[0] / b[0], min(q), max(q)


def mul(a, b):
    q = (a[1] * b[1], a[1] * b[2], a[2] * b[1], a[2] * b[2])
    return a[0] * b[0], min(q), max(q)


def pct(a, b):
    return mul(div(a, b), HUNDRED)


def eq(a, b, tol=ZERO):
    return a[1] - tol <= b[2] and b[1] - tol <= a[2]


def eq_exact(a, b):
    return a[0] == b[0]


def total(values):
    out = (ZERO, ZERO, ZERO)
    for v in values:
        out = add(out, num(v))
    return out


def get(d, *path):
    for key in path:
        if isinstance(d, dict):
            if key not in d:
                raise Skip
            d = d[key]
        elif isinstance(d, list):
            d = d[key]
        else:
            raise Skip
    return d


def has(d, *path):
    try:
        get(d, *path)
        return True
    except (Skip, IndexError):
        return False


def verdict(test):
    try:
        return P if test() else F
    except Skip:
        return N


# ----- the checks -----

def zt001(d):
    s = lambda k: num(get(d, "收入支出决算总体情况", "收入", k))
    return [verdict(lambda: eq(s("收入决算总计"), add(add(s("本年收入合计"), s("使用非财政拨款结余和专用结余")),
                                                    s("年初结转和结余"))))]


def zt002(d):
    s = lambda k: num(get(d, "收入支出决算总体情况", "支出", k))
    return [verdict(lambda: eq(s("支出决算总计"), add(add(s("本年支出合计"), s("结余分配")), s("年末结转和结余"))))]


def zt003(d):
    return [verdict(lambda: eq(num(get(d, "收入支出决算总体情况", "收入", "收入决算总计")),
                               num(get(d, "收入支出决算总体情况", "支出", "支出决算总计"))))]


def zt005(d):
    if not has(d, "收入支出决算总体情况", "收支决算总计"):
        return [A]
    whole = lambda: num(get(d, "收入支出决算总体情况", "收支决算总计"))
    return [verdict(lambda: eq_exact(num(get(d, "收入支出决算总体情况", "收入", "收入决算总计")), whole())),
            verdict(lambda: eq_exact(num(get(d, "收入支出决算总体情况", "支出", "支出决算总计")), whole()))]


def zt006(d):
    if not has(d, "收入决算", "本年收入合计"):
        return [A]
    return [verdict(lambda: eq_exact(num(get(d, "收入支出决算总体情况", "收入", "本年收入合计")),
                                     num(get(d, "收入决算", "本年收入合计"))))]


def zt007(d):
    if not has(d, "支出决算", "本年支出合计"):
        return [A]
    return [verdict(lambda: eq_exact(num(get(d, "收入支出决算总体情况", "支出", "本年支出合计")),
                                     num(get(d, "支出决算", "本年支出合计"))))]


def parts_sum(section, whole):
    def check(d):
        sec = get(d, section)
        return [verdict(lambda: eq(num(sec[whole]), total(v["金额"] for v in sec.values()
                                                         if isinstance(v, dict) and "金额" in v)))]
    return check


def shares(section, whole, tol):
    def check(d):
        sec = get(d, section)
        out = []
        for v in sec.values():
            if not (isinstance(v, dict) and "占比" in v):
                continue
            if eq(num(sec[whole]), (ZERO, ZERO, ZERO)):
                continue
            out.append(verdict(lambda: eq(num(v["占比"]), pct(num(v["金额"]), num(sec[whole])), tol)))
        return out or [A]
    return check


def shares_total(section, whole):
    def check(d):
        sec = get(d, section)
        items = [v for v in sec.values() if isinstance(v, dict) and "占比" in v]
        if eq(num(sec[whole]), (ZERO, ZERO, ZERO)) or not items:
            return [A]
        return [verdict(lambda: eq(total(v["占比"] for v in items), HUNDRED))]
    return check


def yb001(d):
    return [verdict(lambda: eq(num(c["决算"]), total(x["决算"] for x in c["项"])))
            for c in get(d, "一般公共预算财政拨款支出决算", "类")]


def yb002(d):
    out = []
    for c in get(d, "一般公共预算财政拨款支出决算", "类"):
        for x in c["项"]:
            if "完成年初预算百分比" in x and type(x["完成年初预算百分比"]) in (int, Decimal):
                out.append(verdict(lambda: eq(num(x["完成年初预算百分比"]), pct(num(x["决算"]), num(x["年初预算"])))))
    return out or [A]


def yb004(d):
    g = get(d, "一般公共预算财政拨款支出决算")
    return [verdict(lambda: eq(num(g["支出决算"]), total(c["决算"] for c in g["类"])))]


def yb005(d):
    g = get(d, "一般公共预算财政拨款支出决算")
    if "年初预算" not in g:
        return [A]
    return [verdict(lambda: eq(num(g["年初预算"]), total(x["年初预算"] for c in g["类"] for x in c["项"])))]


def yb006(d):
    g = get(d, "一般公共预算财政拨款支出决算")
    if "完成年初预算百分比" not in g or eq(num(g["年初预算"]), (ZERO, ZERO, ZERO)):
        return [A]
    return [verdict(lambda: eq(num(g["完成年初预算百分比"]), pct(num(g["支出决算"]), num(g["年初预算"]))))]


def yb007(d):
    out = []
    words = {"增加": 1, "增长": 1, "减少": -1, "下降": -1}
    for c in get(d, "一般公共预算财政拨款支出决算", "类"):
        change = c.get("与年初预算比较", {})
        if "金额" not in change:
            continue
        out.append(verdict(lambda: eq(mul(num(words[change["方向"]]), num(change["金额"])),
                                      sub(num(c["决算"]), total(x["年初预算"] for x in c["项"])))))
    return out or [A]


def jb001(d):
    b = get(d, "一般公共预算财政拨款基本支出决算")
    return [verdict(lambda: eq(num(b["合计"]), add(num(b["人员经费"]["合计"]), num(b["公用经费"]["合计"]))))]


def jb002(d):
    b = get(d, "一般公共预算财政拨款基本支出决算")
    return [verdict(lambda: eq(num(b[k]["合计"]), total(b[k]["明细"].values())))
            for k in ("人员经费", "公用经费") if "明细" in b[k]] or [A]


def jb003(d):
    if not has(d, "一般公共预算财政拨款项目支出决算", "合计"):
        return [A]
    return [verdict(lambda: eq(num(get(d, "一般公共预算财政拨款支出决算", "支出决算")),
                               add(num(get(d, "一般公共预算财政拨款基本支出决算", "合计")),
                                   num(get(d, "一般公共预算财政拨款项目支出决算", "合计")))))]


def xm001(d):
    p = get(d, "一般公共预算财政拨款项目支出决算")
    if "经济分类" not in p:
        return [A]
    return [verdict(lambda: eq(num(p["合计"]), total(c["合计"] for c in p["经济分类"])))]


def xm002(d):
    return [verdict(lambda: eq(num(c["合计"]), total(c["明细"].values())))
            for c in get(d, "一般公共预算财政拨款项目支出决算").get("经济分类", []) if "明细" in c] or [A]


ITEMS = ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")


def sg001(d):
    z = get(d, "三公经费", "总体情况")
    return [verdict(lambda: eq(num(z["支出决算"]), total(z[k]["支出决算"] for k in ITEMS)))]


def sg002(d):
    z = get(d, "三公经费", "总体情况")
    if "全年预算" not in z:
        return [A]
    return [verdict(lambda: eq(num(z["全年预算"]), total(z[k]["全年预算"] for k in ITEMS)))]


def sg003(d):
    z = get(d, "三公经费", "总体情况")
    out = []
    for item in (z, *(z[k] for k in ITEMS)):
        if "完成预算百分比" in item and type(item.get("全年预算")) in (int, Decimal) \
                and not eq(num(item["全年预算"]), (ZERO, ZERO, ZERO)):
            out.append(verdict(lambda: eq(num(item["完成预算百分比"]), pct(num(item["支出决算"]), num(item["全年预算"])))))
    return out or [A]


def sg004(d):
    z, j = get(d, "三公经费", "总体情况"), get(d, "三公经费", "具体情况")
    return [verdict(lambda: eq_exact(num(j[k]["支出决算"]), num(z[k]["支出决算"]))) for k in ITEMS
            if "支出决算" in j.get(k, {}) and "支出决算" in z.get(k, {})] or [A]


def sg005(d):
    if not has(d, "三公经费", "具体情况", "支出决算"):
        return [A]
    return [verdict(lambda: eq_exact(num(get(d, "三公经费", "具体情况", "支出决算")),
                                     num(get(d, "三公经费", "总体情况", "支出决算"))))]


def sg006(d):
    j = get(d, "三公经费", "具体情况")
    return [verdict(lambda: eq(num(j[k]["占比"]), pct(num(j[k]["支出决算"]), num(j["支出决算"])), Decimal("0.01")))
            for k in ITEMS if "占比" in j.get(k, {}) and not eq(num(j["支出决算"]), (ZERO, ZERO, ZERO))] or [A]


def sg008(d):
    c = get(d, "三公经费", "具体情况", "公务用车购置及运行维护费")
    if "支出决算" not in c.get("公务用车运行维护费", {}):
        return [A]
    return [verdict(lambda: eq(num(c["支出决算"]), add(num(c.get("公务用车购置费", {}).get("支出决算", 0)),
                                                      num(c["公务用车运行维护费"]["支出决算"]))))]


def sg009(d):
    r = get(d, "三公经费", "具体情况", "公务接待费")
    if "支出决算" not in r.get("国内公务接待费", {}):
        return [A]
    return [verdict(lambda: eq(num(r["支出决算"]), add(num(r["国内公务接待费"]["支出决算"]),
                                                      num(r.get("国（境）外公务接待费", {}).get("支出决算", 0)))))]


def cg001(d):
    g = get(d, "政府采购")
    if not any(k in g for k in ("货物", "工程", "服务")):
        return [A]
    return [verdict(lambda: eq(num(g["支出总额"]), add(add(num(g.get("货物", 0)), num(g.get("工程", 0))),
                                                      num(g.get("服务", 0)))))]


def cg003(d):
    g = get(d, "政府采购")
    pairs = (("授予中小企业合同金额", "授予中小企业合同占比"), ("授予小微企业合同金额", "授予小微企业合同占比"))
    return [verdict(lambda: eq(num(g[b]), pct(num(g[a]), num(g["支出总额"])), Decimal("0.01")))
            for a, b in pairs if a in g and b in g and not eq(num(g["支出总额"]), (ZERO, ZERO, ZERO))] or [A]


def gy001(d):
    g = get(d, "国有资产占用")
    if "车辆" not in g or "车辆总数" not in g:
        return [A]
    return [verdict(lambda: eq(num(g["车辆总数"]), total(g["车辆"].values())))]


def projects(d):
    return get(d, "预算绩效").get("项目自评", []) if has(d, "预算绩效") else []


def jx001(d):
    return [verdict(lambda: eq(num(p["自评得分"]), num(p["自评表"]["合计"]["得分"])))
            for p in projects(d) if "得分" in p.get("自评表", {}).get("合计", {})] or [A]


def jx002(d):
    return [verdict(lambda: eq(num(p["自评表"]["合计"]["得分"]),
                               add(num(p["自评表"]["项目资金"]["年度资金总额"].get("得分", 0)),
                                   total(r["得分"] for r in p["自评表"]["绩效指标"]))))
            for p in projects(d) if "得分" in p.get("自评表", {}).get("合计", {})] or [A]


def jx003(d):
    return [verdict(lambda: eq(num(p["自评表"]["合计"]["分值"]),
                               add(num(p["自评表"]["项目资金"]["年度资金总额"].get("分值", 0)),
                                   total(r["分值"] for r in p["自评表"]["绩效指标"]))))
            for p in projects(d) if "分值" in p.get("自评表", {}).get("合计", {})] or [A]


def jx004(d):
    return [verdict(lambda: eq(num(p["自评表"]["合计"]["分值"]), num(100)))
            for p in projects(d) if "分值" in p.get("自评表", {}).get("合计", {})] or [A]


def jx008(d):
    return [verdict(lambda: eq(num(p["完成预算百分比"]), pct(num(p["执行数"]), num(p["全年预算数"]))))
            for p in projects(d) if "完成预算百分比" in p and "全年预算数" in p
            and not eq(num(p["全年预算数"]), (ZERO, ZERO, ZERO))] or [A]


CHECKS = {
    "ZT-001": zt001, "ZT-002": zt002, "ZT-003": zt003, "ZT-005": zt005, "ZT-006": zt006, "ZT-007": zt007,
    "SR-001": parts_sum("收入决算", "本年收入合计"), "SR-002": shares("收入决算", "本年收入合计", Decimal("0.01")),
    "SR-004": shares_total("收入决算", "本年收入合计"),
    "ZC-001": parts_sum("支出决算", "本年支出合计"), "ZC-002": shares("支出决算", "本年支出合计", Decimal("0.01")),
    "ZC-004": shares_total("支出决算", "本年支出合计"),
    "YB-001": yb001, "YB-002": yb002, "YB-004": yb004, "YB-005": yb005, "YB-006": yb006, "YB-007": yb007,
    "JB-001": jb001, "JB-002": jb002, "JB-003": jb003, "XM-001": xm001, "XM-002": xm002,
    "SG-001": sg001, "SG-002": sg002, "SG-003": sg003, "SG-004": sg004, "SG-005": sg005, "SG-006": sg006,
    "SG-008": sg008, "SG-009": sg009, "CG-001": cg001, "CG-003": cg003, "GY-001": gy001,
    "JX-001": jx001, "JX-002": jx002, "JX-003": jx003, "JX-004": jx004, "JX-008": jx008,
}


def zt008(d):
    return [P if not has(d, "收入支出决算总体情况", "支出", "其他收入") else F]


def zt009(d):
    if not (has(d, "收入支出决算总体情况", "收入", "其他收入", "金额") and has(d, "收入决算", "其他收入", "金额")):
        return [A]
    amount = get(d, "收入支出决算总体情况", "收入", "其他收入", "金额")
    scale = {"元": Decimal("0.0001"), "万": Decimal(1), "万元": Decimal(1), "亿元": Decimal(10000)}[amount["单位"]]
    return [verdict(lambda: eq(mul(num(amount["数值"]), (scale, scale, scale)), num(get(d, "收入决算", "其他收入", "金额"))))]


def cz001(d):
    f = get(d, "财政拨款收入支出决算总体情况")
    if "一般公共预算财政拨款" not in f:
        return [A]
    return [verdict(lambda: eq(num(f["财政拨款收支总计"]), add(add(num(f["一般公共预算财政拨款"]),
                                                                num(f.get("政府性基金预算财政拨款", 0))),
                                                            num(f.get("国有资本经营预算财政拨款", 0)))))]


def cz003(d):
    f = get(d, "财政拨款收入支出决算总体情况")
    if "支出功能分类" not in f:
        return [A]
    return [verdict(lambda: eq(num(f["财政拨款收支总计"]), total(x["金额"] for x in f["支出功能分类"])))]


def cz004(d):
    f = get(d, "财政拨款收入支出决算总体情况")
    return [verdict(lambda: eq(num(c["占比"]), pct(num(c["金额"]), num(f["财政拨款收支总计"])), Decimal("0.01")))
            for c in f.get("支出功能分类", []) if "占比" in c
            and not eq(num(f["财政拨款收支总计"]), (ZERO, ZERO, ZERO))] or [A]


def cz006(d):
    f = get(d, "财政拨款收入支出决算总体情况")
    lines = f.get("支出功能分类")
    if not lines or not all("占比" in x for x in lines):
        return [A]
    return [verdict(lambda: eq(total(x["占比"] for x in lines), HUNDRED))]


def gk001(d):
    keys = ("一般公共预算财政拨款开支人数", "行政人员及工勤人数", "非参公事业人员数")
    if not all(has(d, "单位概况", "人员情况", k) for k in keys):
        return [A]
    s = get(d, "单位概况", "人员情况")
    return [verdict(lambda: eq(num(s[keys[0]]), add(num(s[keys[1]]), num(s[keys[2]]))))]


def gk002(d):
    if not (has(d, "单位概况", "决算单位构成", "预算单位数") and has(d, "单位概况", "决算单位构成", "单位列表")):
        return [A]
    c = get(d, "单位概况", "决算单位构成")
    return [verdict(lambda: eq(num(c["预算单位数"]), num(len(c["单位列表"]))))]


def cg002(d):
    g = get(d, "政府采购")
    if "授予中小企业合同金额" not in g:
        return [A]
    le = lambda a, b: a[1] <= b[2]
    return [verdict(lambda: le(num(g["授予中小企业合同金额"]), num(g["支出总额"]))
                    and le(num(g.get("授予小微企业合同金额", 0)), num(g["授予中小企业合同金额"])))]


def jx013(d):
    if not has(d, "预算绩效", "决算中反映自评结果", "项目总数"):
        return [A]
    r = get(d, "预算绩效", "决算中反映自评结果")
    return [verdict(lambda: eq(num(r["项目总数"]), add(num(r.get("一般公共预算项目数", 0)), num(r.get("政府性基金项目数", 0)))))]


def jj001(d):
    if not has(d, "政府性基金预算财政拨款支出决算", "说明"):
        return [A]
    return [P if "政府性基金" in get(d, "政府性基金预算财政拨款支出决算", "说明") else F]


def jj002(d):
    if not has(d, "国有资本经营预算财政拨款支出决算", "说明"):
        return [A]
    return [P if "国有资本" in get(d, "国有资本经营预算财政拨款支出决算", "说明") else F]


def yx001(d):
    if get(d, "单位", "性质") not in ("行政单位", "参照公务员法管理事业单位") \
            or not has(d, "一般公共预算财政拨款基本支出决算", "公用经费", "合计"):
        return [A]
    return [verdict(lambda: eq_exact(num(get(d, "机构运行经费", "支出决算")),
                                     num(get(d, "一般公共预算财政拨款基本支出决算", "公用经费", "合计"))))]


CHECKS.update({"ZT-008": zt008, "ZT-009": zt009, "CZ-001": cz001, "CZ-003": cz003, "CZ-004": cz004,
               "CZ-006": cz006, "GK-001": gk001, "GK-002": gk002, "CG-002": cg002, "JX-013": jx013,
               "JJ-001": jj001, "JJ-002": jj002, "YX-001": yx001})
