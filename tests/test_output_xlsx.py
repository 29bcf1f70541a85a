"""The reviewer workbook: the same findings as --format json, one row each, and every declaration on
its form sheet with its findings as comments; nothing from a file ever becomes a formula."""
from __future__ import annotations

import io
import json
import re

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import ROOT
from output_support import lint_report, run_cli
from perflint.cli.main import cli
from perflint.output.xlsx import render

FILLS = {"error": "FDECEB", "warning": "FFF4D6", "info": "E8F1FD"}
SEVERITY = {"错误": "error", "警告": "warning", "提示": "info", "error": "error", "warning": "warning", "info": "info"}
OUR_FORMULA = re.compile(r"^=SUM\(\$?[A-Z]+\$?\d+(?::[A-Z]+\d+)?(?:,[A-Z]+\d+)*\)$")


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx")
    mp = pytest.MonkeyPatch()
    try:
        result = run_cli(mp, f"xlsx={out / 'r.xlsx'}", f"json={out / 'r.json'}", lang="zh")
    finally:
        mp.undo()
    assert result.exit_code == 1, result.output
    wb = openpyxl.load_workbook(out / "r.xlsx")
    return wb, json.loads((out / "r.json").read_text(encoding="utf-8"))


def rows(ws) -> list[dict]:
    values = list(ws.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def test_one_row_per_finding_the_same_as_json(real):
    wb, data = real
    assert wb.sheetnames[:3] == ["汇总", "问题", "规则"]
    found = rows(wb["问题"])
    assert len(found) == len(data["diagnostics"]) > 50
    got = [(r["文件"], r["行"], r["列"], r["规则"], SEVERITY[r["级别"]], r["说明"], r["JSON 指针"]) for r in found]
    want = [(d["file"], d["line"], d["column"], d["rule"], d["severity"], d["message"], d["pointer"])
            for d in data["diagnostics"]]
    assert got == want


def test_findings_sheet_filters_and_freezes_its_header(real):
    ws = real[0]["问题"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:K{ws.max_row}"
    assert [c.value for c in ws[1]] == ["文件", "项目", "指标", "字段", "行", "列", "规则", "级别", "说明", "修复", "JSON 指针"]
    budget = next(r for r in rows(ws) if r["规则"] == "budget-sum")
    assert budget["字段"] == "项目当年预算（元）" and budget["项目"] == "上海推进科技创新中心公众服务平台"
    target = next(r for r in rows(ws) if r["规则"] == "operator-symbol")
    assert target["指标"].count(" › ") == 2 and target["修复"]  # the indicator named, the fix offered


def test_summary_per_project_with_budget_and_counts(real):
    wb, data = real
    ws = wb["汇总"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:J")
    summary = rows(ws)
    projects, total = summary[:-1], summary[-1]
    assert len(projects) == data["summary"]["files"]
    by_file = {r["文件"]: r for r in projects}
    for f in data["files"]:
        mine = [d for d in data["diagnostics"] if d["file"] == f]
        for sev, head in (("error", "错误"), ("warning", "警告"), ("info", "提示")):
            assert by_file[f][head] == sum(1 for d in mine if d["severity"] == sev)
    row = by_file["declarations/examples/central-2022.yaml"]
    assert row["预算（元）"] == 12_500_000 and row["部门"] == "科学技术部"  # 1250.00 万元 in 元
    # a self-evaluation whose 年度资金总额 row prints 0 0 0: its budget is the sum of its sources, as the rate reads it
    assert by_file["declarations/anhui-tangxi/2022/commissioned-services-self-evaluation.yaml"]["预算（元）"] == 899_740
    assert total["部门"] == "总计" and total["合计"] == data["summary"]["problems"]


def test_each_finding_is_a_comment_on_its_form_cell(real):
    wb, data = real
    sheet = next(ws for ws in wb.worksheets if ws.title.endswith("上海推进科技创新中心公众服务平台"))
    commented = {c.coordinate: c for row in sheet.iter_rows() for c in row if c.comment}
    file = "declarations/shanghai-stic-office/2019/public-service-platform.yaml"
    mine = [d for d in data["diagnostics"] if d["file"] == file]
    assert sum(c.comment.text.count("\n") + 1 for c in commented.values()) == len(mine)
    for d in mine:
        assert any(d["message"] in c.comment.text for c in commented.values()), d
    label = next(c for row in sheet.iter_rows() for c in row if c.value == "项目当年预算（元）")
    annual = sheet.cell(row=label.row, column=label.column + 1)
    assert annual.value == 965000 and "budget-sum" in annual.comment.text
    assert annual.fill.fgColor.rgb.endswith(FILLS["error"])
    for c in commented.values():
        worst = "error" if "[错误]" in c.comment.text else "warning" if "[警告]" in c.comment.text else "info"
        assert c.fill.fgColor.rgb.endswith(FILLS[worst]), c.coordinate
    # the findings sheet links to the cell
    link = next(r for r in real[0]["问题"].iter_rows(min_row=2) if r[6].value == "budget-sum")[3].hyperlink
    assert link.location == f"'{sheet.title}'!{annual.coordinate}"


HOSTILE = """\
kind: declaration
fiscal_year: 2024
department: "=HYPERLINK(\\"http://evil.invalid\\",\\"点击\\")"
project: {name: "+SUM(1,2)[x]:*?/\\\\ 这是一个很长很长很长很长很长很长的项目名称"}
budget: {unit: 元, annual: "-2+3", total: "@SUM(A1)"}
goals: {annual: "控制字符\\x01\\x1f在此"}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: "=1+1", target: "=100%"}
  - {level1: 产出指标, level2: 数量指标, name: "-cmd|' /C calc'!A0", target: "@x"}
"""


def test_values_from_files_never_become_formulas(tmp_path):
    (tmp_path / "h.yaml").write_text(HOSTILE, encoding="utf-8")
    report = lint_report({"h.yaml": HOSTILE}, lang="zh", root=tmp_path)
    wb = openpyxl.load_workbook(io.BytesIO(render(report)))
    texts = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    assert OUR_FORMULA.match(str(c.value)), (ws.title, c.coordinate, c.value)
                elif isinstance(c.value, str):
                    texts.add(c.value)
                    if c.value[:1] in "=+-@":
                        assert c.data_type == "s" and c.quotePrefix, (ws.title, c.coordinate)
    for value in ('=HYPERLINK("http://evil.invalid","点击")', "=1+1", "=100%", "-2+3", "@SUM(A1)", "@x"):
        assert value in texts
    assert "控制字符\\x01\\x1f在此" in texts  # shown as the shared escaping shows controls
    form = wb.worksheets[3]
    assert len(form.title) <= 31 and not set(form.title) & set("[]:*?/\\")


def test_xlsx_needs_a_file(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["check", "declarations/examples", "--format", "xlsx"])
    assert result.exit_code == 2 and "xlsx=FILE" in result.output


def test_a_self_evaluation_sheet_notes_the_recomputed_scores(real):
    wb, data = real
    sheet = next(ws for ws in wb.worksheets if ws.title.endswith("未来公园展厅运营经费") and ws["A1"].value == "财政项目支出绩效自评表")
    heads = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    for label in ("财政项目支出绩效自评表", "年初预算数", "全年执行数", "预期目标", "实际完成值", "得分", "总分"):
        assert label in heads, label
    name = next(c for row in sheet.iter_rows() for c in row if c.value == "计划接待参观团组总数")
    score = sheet.cell(row=name.row, column=name.column + 4)
    assert score.value == 18 and "perflint 重算： 9.10（20 × 182 ÷ 400 = 9.10" in score.comment.text
    summary = {r["文件"]: r for r in rows(wb["汇总"])}
    assert summary["declarations/shanghai-stic-office/2021/future-park-exhibition-hall-self-evaluation.yaml"]["预算（元）"] == 11_219_200
