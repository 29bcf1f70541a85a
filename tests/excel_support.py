"""Workbooks for the import tests, built here rather than checked in: the published 2024 layout as a
department receives it, a one-row-per-indicator sheet, and hand-made zips for hostile cases."""
from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import openpyxl

from conftest import ROOT

IT_OPERATIONS = ROOT / "declarations/shanghai-stic-office/2024/it-operations.yaml"

# 002-F as published: a value beside its label (or under a label heading a column), the 一级 cell
# merged down its rows, the 项目资金 block headed by a merged cell carrying the unit.
IT_ROWS = [
    ("A", ["财政项目支出绩效目标申报表"]),
    ("A", ["（2024年度）"]),
    ("A", ["项目名称", "信息化运维项目", "项目性质", "其他经常性项目", "项目类别", "其他运转类"]),
    ("A", ["主管部门", "上海推进科技创新中心建设办公室", "实施单位", "上海推进科技创新中心建设办公室"]),
    ("A", ["计划开始日期", datetime.date(2024, 1, 1), "计划完成日期", datetime.date(2024, 12, 31)]),
    ("A", ["项目资金\n（元）", "项目资金总额", None, "年度资金申请总额", 683890]),
    ("B", ["其中：财政资金"]),
    ("B", ["其中：当年财政拨款", None, None, 683890]),
    ("B", ["上年结转资金", None, None, 0]),
    ("B", ["其他资金", "其他资金", None, 0]),
    ("A", ["项目\n绩效\n目标", "项目总目标", None, "年度总体目标"]),
    ("D", ["系统保持稳定运行。有效支撑综合信息流转。"]),
    ("A", ["绩效\n指标", "一级指标", "二级指标", "三级指标", "年度(/项目)指标值"]),
    ("B", ["产出指标", "数量指标", "业务模块优化", "≥3.00(个)"]),
    ("C", ["质量指标", "系统故障", "≤3.00(%)"]),
    ("B", ["效益指标", "社会效益指标", "系统更新及时率", "≤24.00(小时)"]),
    ("B", ["满意度指标", "服务对象满意度指标", "使用人员满意度", "≥95.00(%)"]),
]
MONEY_CELLS = {(6, 5), (8, 5), (9, 5), (10, 5)}


def write_rows(ws, rows, top: int = 1) -> int:
    """Rows of (first column, values) from row ``top``; returns the next free row."""
    r = top
    for first, values in rows:
        start = ord(first) - ord("A") + 1
        for i, value in enumerate(values):
            if value is not None:
                cell = ws.cell(row=r, column=start + i, value=value)
                if isinstance(value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
                if (r - top + 1, start + i) in MONEY_CELLS:
                    cell.number_format = "#,##0.00"
        r += 1
    return r


def published_2024(path: Path, copies: int = 1, names=None) -> Path:
    """The published 2024 layout; several copies stacked on one sheet like the 汇总表."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "汇总表"
    top = 1
    for n in range(copies):
        rows = [(c, list(v)) for c, v in IT_ROWS]
        if names:
            rows[2][1][1] = names[n]
        end = write_rows(ws, rows, top)
        ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=6)
        ws.merge_cells(start_row=top + 5, start_column=1, end_row=top + 9, end_column=1)
        ws.merge_cells(start_row=top + 13, start_column=2, end_row=top + 14, end_column=2)
        top = end + 2
    wb.save(path)
    return path


def one_row_per_indicator(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "指标"
    ws.append(["项目名称", "主管部门", "预算年度", "一级指标", "二级指标", "三级指标", "指标值", "指标解释"])
    ws.append(["信息化运维项目", "上海推进科技创新中心建设办公室", 2024, "产出指标", "数量指标", "业务模块优化", "≥3.00(个)", None])
    ws.append([None, None, None, None, "质量指标", "系统故障", "≤3.00(%)", "故障时长占比"])
    ws.append(["办公服务项目", "上海推进科技创新中心建设办公室", 2024, "满意度指标", "服务对象满意度指标", "使用人员满意度", "≥95.00(%)", None])
    wb.save(path)
    return path


def replace_sheet_xml(path: Path, sheet_xml: bytes, extra: dict[str, bytes] | None = None) -> Path:
    """A workbook openpyxl wrote, with its first sheet's XML swapped for ``sheet_xml``."""
    wb = openpyxl.Workbook()
    wb.active.title = "表"
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = sheet_xml if item.filename == "xl/worksheets/sheet1.xml" else src.read(item.filename)
            out.writestr(item, data)
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return path


SHEET_HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = b"</sheetData></worksheet>"


def inline(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


SEEDS = ROOT.parent / "shared" / "seeds"


def tab_separated_form(path: Path, source: Path, title: str, index: int = 0) -> Path:
    """Form ``index`` of a tab-separated published file, one cell per tab as a spreadsheet holds it:
    amounts and dates typed as numbers and dates (what Excel makes of them), the rest as text."""
    import re

    wb = openpyxl.Workbook()
    ws = wb.active
    r, seen = 0, -1
    for line in source.read_text(encoding="utf-8").splitlines():
        if title in line:
            seen += 1
        if seen < index:
            continue
        if seen > index:
            break
        r += 1
        for c, text in enumerate(line.removeprefix("# ").split("\t"), 1):  # "# " marks a title in the extraction
            if not text:
                continue
            cell = ws.cell(row=r, column=c)
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", text):
                cell.value, cell.number_format = int(text.replace(",", "")), "#,##0"
            elif re.fullmatch(r"\d+\.\d+", text):
                cell.value, cell.number_format = float(text), "0." + "0" * len(text.split(".")[1])
            elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                cell.value, cell.number_format = datetime.date.fromisoformat(text), "yyyy-mm-dd"
            else:
                cell.value, cell.data_type = text, "s"
    wb.save(path)
    return path
