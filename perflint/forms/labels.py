"""Reading a printed form back: which label names which field, which column heads make which table.

Built from the layouts (every era's printed labels), the labels form.py gives fields outside a
layout, the schema's titles, and the few spellings published forms use that no layout prints.
One label has two meanings across eras: 项目类别 is the nature (项目性质) on the 2020 form and the
expense class on the 2024 form; it is read as the class when the same form also prints 项目性质.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from perflint.forms import fields as F
from perflint.forms.form import OTHER_HEADING, extra_labels
from perflint.forms.layouts import LAYOUTS, TOTAL_LABELS, Heading, fields_of, tables_of

_UNIT = re.compile(r"[（(]\s*(万元|元|千元|亿元)\s*[)）]$")
_SPACE = re.compile(r"[\s\u3000]+")
TITLE = re.compile(r"绩效目标申报表|绩效目标表|绩效自评表|绩效目标汇总表")
YEAR = re.compile(r"(\d{4})\s*年")
YEAR_LINE = re.compile(r"^[（(]\s*(\d{4})?\s*年度?\s*[)）]$")
AMBIGUOUS = "项目类别"

# Spellings of published forms that no layout prints.
ALIASES = {
    "年度资金总额": "/budget/annual", "上年结转": "/budget/sources/carryover", "申报单位": "/declaring_unit",
    "预算部门": "/department", "主管部门（单位）": "/department", "项目起止时间": "/project/period",
    "项目资金总额": "/budget/total",
}
_HEAD_ALIASES = {
    "/indicators": {"指标名称": "/name", "指标值": "/target", "目标值": "/target", "年度指标值": "/target",
                    "年度目标值": "/target", "度量单位": "/unit", "分值": "/points", "权重": "/points",
                    "一级目标": "/level1", "二级目标": "/level2", "三级目标": "/name"},
}
# Texts that head a part of the form and carry no value of their own.
_DECORATIVE = {"其中：财政资金", "项目资金", "项目绩效目标", "绩效指标", "分解目标", "绩效目标"}


def normalise(text: str) -> tuple[str, str | None]:
    """A label as it can be compared: no spaces or line breaks, no trailing colon, the money unit
    taken off (项目总预算（元） → 项目总预算, 元)."""
    norm = _SPACE.sub("", str(text)).rstrip("：:")
    m = _UNIT.search(norm)
    unit = None
    if m:
        unit, norm = m.group(1), norm[: m.start()]
    return norm, unit


def _norm(text: str) -> str:
    return normalise(text.replace("{unit}", ""))[0]


@lru_cache(maxsize=1)
def field_labels() -> dict[str, frozenset[str]]:
    """label → the pointers it names (two only for 项目类别)."""
    out: dict[str, set[str]] = {}

    def add(label: str, pointer: str) -> None:
        out.setdefault(_norm(label), set()).add(pointer)

    for layout in set(LAYOUTS.values()):
        for f in fields_of(layout):
            add(f.label, f.pointer)
        for pattern, label in extra_labels(layout).items():
            add(label, pattern)
    for label, pointer in ALIASES.items():
        add(label, pointer)
    for pattern, info in F.catalogue().items():
        if "*" not in pattern and info.kind not in ("object", "table") and _norm(info.title) not in out:
            add(info.title, pattern)
    return {k: frozenset(v) for k, v in out.items()}


MAX_POINTER_DEPTH = 12


def resolve(label: str, context: set[str]) -> str | None:
    """The pointer a normalised label names, given the other labels of the same form."""
    if label.startswith("/") and len(label) > 1:  # a key the schema does not know, by its pointer
        return label if label.count("/") <= MAX_POINTER_DEPTH and len(label) <= 300 else None
    m = re.search(r"（(/[^（）\s]+)）$", label)  # title（/pointer）: a field outside the layout
    if m:
        return m.group(1) if F.info(m.group(1)) is not None else None
    found = field_labels().get(label)
    if not found:
        return None
    if len(found) == 1:
        return next(iter(found))
    if label == AMBIGUOUS:
        return "/project/category" if "项目性质" in context else "/project/nature"
    return sorted(found)[0]


@dataclass(frozen=True)
class TableSpec:
    pointer: str
    key: str  # the column a head row must have: /name
    heads: dict  # normalised head → path under the row ("/target", "/baseline/value")
    merge: tuple[str, ...]


@lru_cache(maxsize=1)
def tables() -> tuple[TableSpec, ...]:
    specs: dict[str, dict] = {}
    keys: dict[str, str] = {}
    merges: dict[str, tuple] = {}
    for layout in set(LAYOUTS.values()):
        for t in tables_of(layout):
            heads = specs.setdefault(t.pointer, {})
            for key, label in t.columns:
                heads.setdefault(_norm(label), f"/{key}")
            keys.setdefault(t.pointer, "/" + next(k for k, _ in t.columns if k not in t.merge))
            merges[t.pointer] = t.merge
    for pattern, info in F.catalogue().items():
        if info.kind != "table" or "*" in pattern:
            continue
        heads = specs.setdefault(pattern, {})
        children = F.children(pattern + "/*")
        for child in children:
            key = child.pattern.rsplit("/", 1)[1]
            if child.kind == "object":
                for sub in F.children(child.pattern):
                    heads.setdefault(_norm(sub.title), f"/{key}/{sub.pattern.rsplit('/', 1)[1]}")
            else:
                heads.setdefault(_norm(child.title), f"/{key}")
        if children:
            keys.setdefault(pattern, "/" + children[0].pattern.rsplit("/", 1)[1])
        for head, path in _HEAD_ALIASES.get(pattern, {}).items():
            heads.setdefault(head, path)
    return tuple(TableSpec(p, keys[p], heads, merges.get(p, ())) for p, heads in specs.items() if p in keys)


# The funds table of a self-evaluation: its column heads, and the names its rows are printed with
# (after 其中： is taken off) → the row: "" for the total, else the source of funds.
FUND_HEADS = {
    "年初预算": "initial", "年初预算数": "initial", "全年预算": "full_year", "全年预算数": "full_year",
    "调整后预算数": "full_year", "预算数(A)": "full_year", "预算数（A）": "full_year", "全年执行数": "executed",
    "预算执行数": "executed", "执行数(B)": "executed", "执行数（B）": "executed", "分值": "points", "权重": "points",
    "执行率": "rate", "预算执行率": "rate", "得分": "score", "原因": "reason",
}
FUND_ROWS = {
    "年度资金总额": "", "资金总额": "", "总额": "", "合计": "", "项目资金总额": "",
    "当年财政拨款": "appropriation", "本年财政拨款": "appropriation", "财政拨款": "appropriation",
    "财政资金": "appropriation", "上年结转资金": "carryover", "上年结转": "carryover",
    "上级补助资金": "superior", "上级补助": "superior", "上级资金": "superior", "上级转移支付资金": "superior",
    "财政专户管理资金": "special_account", "单位资金": "unit_funds", "自有资金": "unit_funds", "其他资金": "other",
}
_OF_WHICH = re.compile(r"^其中[:：]?")


def fund_row(label: str) -> str | None:
    """The row a funds table's row name stands for: "" (the total), a source key, or None."""
    norm = _OF_WHICH.sub("", normalise(label)[0])
    return FUND_ROWS.get(norm)


@lru_cache(maxsize=1)
def _headings() -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    plain = {OTHER_HEADING, *_DECORATIVE}
    patterns = []
    for layout in set(LAYOUTS.values()):
        texts = [b.text for b in layout.blocks if isinstance(b, Heading)] + [t.heading for t in tables_of(layout) if t.heading]
        for text in texts:
            norm = _norm(text)
            if "{year}" in norm:
                patterns.append(re.compile("^" + re.escape(norm).replace(r"\{year\}", r"\d{0,4}") + "$"))
            else:
                plain.add(norm)
    for info in F.catalogue().values():
        if info.kind == "table":
            plain.add(_norm(info.title))
    return frozenset(plain - set(field_labels())), tuple(patterns)  # a label is read as a label


def is_heading(label: str) -> bool:
    plain, patterns = _headings()
    return label in plain or any(p.match(label) for p in patterns)


def is_total(label: str) -> bool:
    return label in TOTAL_LABELS or label == "总计"
