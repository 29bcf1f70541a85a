"""The printed layout of each era's form, as data: which labels it prints, in which order, side by
side or as a table. The form view, the reviewer workbook, `perflint export` and `perflint import`
all read these, so a form looks and reads back the same everywhere.

A layout names fields by JSON Pointer. Fields a document carries that its era's form does not
print are added after the layout by form.py, under their schema titles.
``{unit}`` in a label is replaced by the money unit as printed: 项目总预算（元）.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    pointer: str
    label: str


@dataclass(frozen=True)
class Row:
    """Fields printed side by side, each as a label cell and a value cell."""

    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Heading:
    """A section heading across the form; findings about the whole section attach to it."""

    text: str
    pointer: str = ""


@dataclass(frozen=True)
class Table:
    """A list of mappings, one row each, under a row of column heads.

    ``columns`` are printed whether or not a row fills them; other keys the rows carry get columns of
    their own. ``merge`` columns repeat down the rows like the printed 一级/二级 cells (and read back
    from the cell above when blank). ``total`` is the column summed in a 合计 row."""

    pointer: str
    heading: str | None
    columns: tuple[tuple[str, str], ...]
    merge: tuple[str, ...] = ()
    total: str | None = None


@dataclass(frozen=True)
class Funds:
    """Rows of the same money columns, one mapping each: the total at ``pointer``, then one row per
    source of funds under ``pointer``/``sources`` (those the document has, in schema order). A row's
    first cell is its name as printed (``label``, data), the block's top-left cell its heading as
    printed (``heading``, data): 年度资金总额 / 其中：当年财政拨款 under 项目资金（万元）."""

    pointer: str
    heading: str  # shown when the document prints none
    columns: tuple[tuple[str, str], ...]
    total_label: str = "年度资金总额"


@dataclass(frozen=True)
class TotalRow:
    """The 总分 row under the indicator grid: the totals at ``pointer``, each in the grid column of
    the same key (points under 分值, score under 得分)."""

    label: str
    pointer: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Sum:
    """A computed row: the money fields under ``pointer`` added up, next to the field they should
    equal. perflint computes it; import skips it."""

    label: str
    pointer: str
    against: str


@dataclass(frozen=True)
class Layout:
    kind: str
    title: str  # the printed title when the document gives none
    year: str  # the line under the title
    blocks: tuple


def _row(*pairs: tuple[str, str]) -> Row:
    return Row(tuple(Field(p, label) for p, label in pairs))


_INDICATOR_KEYS = ("level1", "level2", "name", "target")
TOTAL_LABELS = ("合计", "资金来源合计")  # computed rows: never read back as data
_ITEMS = Table("/budget/items", "项目当年投入资金构成", (("name", "子项目名称"), ("amount", "预算金额{unit}")), total="amount")


def _grid(heading: str, heads: tuple[str, str, str, str]) -> Table:
    return Table("/indicators", heading, tuple(zip(_INDICATOR_KEYS, heads, strict=True)), merge=("level1", "level2"))


SH_2019 = Layout("declaration", "上海市财政支出项目绩效目标申报表", "（{year}年）", (
    _row(("/declaring_unit", "申报单位名称")),
    _row(("/project/name", "项目名称")),
    _row(("/project/nature", "项目类型")),
    _row(("/project/performance_type", "资金用途")),
    _row(("/project/start", "开始时间"), ("/project/end", "结束时间")),
    _row(("/project/overview", "项目概况")),
    _row(("/project/basis", "立项依据")),
    _row(("/project/necessity", "项目设立的必要性")),
    _row(("/budget/total", "项目总预算{unit}"), ("/budget/annual", "项目当年预算{unit}")),
    _row(("/budget/previous_year/budget", "同名项目上年预算额{unit}"),
         ("/budget/previous_year/executed", "同名项目上年预算执行数{unit}")),
    _row(("/project/measures", "保证项目实施的制度、措施")),
    _ITEMS,
    _row(("/project/plan", "项目实施计划")),
    _row(("/goals/overall", "项目总目标")),
    _row(("/goals/annual", "年度绩效目标")),
    _grid("分解目标", ("一级指标", "二级指标", "三级指标", "指标目标值")),
    _row(("/indicators_remark", "备注")),
))

SH_2020 = Layout("declaration", "财政项目支出绩效目标表", "（{year}年度）", (
    _row(("/declaring_unit", "申报单位名称")),
    _row(("/project/name", "项目名称"), ("/project/nature", "项目类别")),
    _row(("/project/start", "计划开始日期"), ("/project/end", "计划完成日期")),
    _row(("/project/gov_purchase_of_services", "是否含有政府购买服务"), ("/project/performance_type", "绩效类型")),
    _row(("/project/overview", "项目概况")),
    _row(("/project/basis", "立项依据")),
    _row(("/project/necessity", "项目设立的必要性")),
    _row(("/project/measures", "保证项目实施的制度、措施")),
    _row(("/project/plan", "项目实施计划")),
    _row(("/goals/overall", "总目标及阶段性目标")),
    Heading("本项目上年度市级财政资金使用情况", "/budget"),
    _row(("/budget/total", "项目总预算{unit}"), ("/budget/annual", "项目当年预算{unit}")),
    _row(("/budget/previous_year/budget", "同名项目上年预算额{unit}"),
         ("/budget/previous_year/executed", "同名项目上年预算执行数{unit}")),
    _grid("{year}年绩效目标", ("一级目标", "二级目标", "三级目标", "指标目标值")),
))


def _national(title: str) -> Layout:
    """The 2024 Shanghai form and the national frame it follows (central 2015/2022, Shanghai 2025)."""
    return Layout("declaration", title, "（{year}年度）", (
        _row(("/project/name", "项目名称"), ("/project/nature", "项目性质"), ("/project/category", "项目类别")),
        _row(("/department", "主管部门"), ("/implementing_unit", "实施单位")),
        _row(("/project/start", "计划开始日期"), ("/project/end", "计划完成日期")),
        Heading("项目资金{unit}", "/budget"),
        _row(("/budget/total", "项目资金总额"), ("/budget/annual", "年度资金申请总额")),
        _row(("/budget/sources/appropriation", "其中：当年财政拨款")),
        _row(("/budget/sources/carryover", "上年结转资金")),
        _row(("/budget/sources/other", "其他资金")),
        Sum("资金来源合计", "/budget/sources", "/budget/annual"),
        Heading("项目绩效目标", "/goals"),
        _row(("/goals/overall", "项目总目标"), ("/goals/annual", "年度总体目标")),
        _grid("绩效指标", ("一级指标", "二级指标", "三级指标", "年度(/项目)指标值")),
    ))


SH_2024 = _national("财政项目支出绩效目标申报表")
NATIONAL = _national("项目支出绩效目标申报表")

# The 绩效自评表 (Shanghai 2021, and the national frame the provinces print): the funds and their
# execution, the goal set and what was achieved, each indicator's target beside its actual value,
# points and score, the total.
SELF_EVALUATION = Layout("self-evaluation", "财政项目支出绩效自评表", "（{year}年度）", (
    _row(("/project/name", "项目名称")),
    _row(("/department", "主管部门"), ("/implementing_unit", "实施单位")),
    Funds("/selfeval/execution", "项目资金{unit}", (
        ("initial", "年初预算数"), ("full_year", "全年预算数"), ("executed", "全年执行数"),
        ("points", "分值"), ("rate", "执行率"), ("score", "得分"))),
    Heading("年度总体目标", "/selfeval/goals"),
    _row(("/selfeval/goals/expected", "预期目标"), ("/selfeval/goals/actual", "实际完成情况")),
    Table("/indicators", "绩效指标", tuple(zip(
        _INDICATOR_KEYS + ("actual", "points", "score", "deviation_reason"),
        ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"),
        strict=True)), merge=("level1", "level2")),
    TotalRow("总分", "/selfeval/total", ("points", "score")),
))

LAYOUTS: dict[tuple[str, str], Layout] = {
    ("declaration", "sh-2019"): SH_2019,
    ("declaration", "sh-2020"): SH_2020,
    ("declaration", "sh-2024"): SH_2024,
    ("declaration", "sh-2025"): SH_2024,
    ("declaration", "central-2015"): NATIONAL,
    ("declaration", "central-2022"): NATIONAL,
    ("declaration", "national"): NATIONAL,
    ("self-evaluation", "national"): SELF_EVALUATION,
}


def layout_for(kind: str, era: str) -> Layout:
    """The layout of the document's kind and era; the kind's national frame when the era has none."""
    return LAYOUTS.get((kind, era)) or LAYOUTS.get((kind, "national")) or NATIONAL


def fields_of(layout: Layout) -> list[Field]:
    return [f for block in layout.blocks if isinstance(block, Row) for f in block.fields]


def tables_of(layout: Layout) -> list[Table]:
    return [b for b in layout.blocks if isinstance(b, Table)]


def funds_of(layout: Layout) -> list[Funds]:
    return [b for b in layout.blocks if isinstance(b, Funds)]
