"""The HTML report: self-contained, escaped, bilingual, and working in a real headless browser."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import ROOT
from output_support import MIXED, lint_report
from perflint.output.html import _script_json, render

SCRIPT = "<script>window.__pwned = 1</script>"
IMG = '<img src=x onerror="window.__pwned = 2">'
# A hostile project name and department, and an indicator name that rule messages quote.
HOSTILE = f"""\
project: {{name: "{SCRIPT}"}}
department: '{IMG}'
'{IMG}"': '</td></tr></table><script>window.__pwned = 3</script>'
budget: {{unit: '元', items: [{{name: '{IMG}', amount: 5, '"onmouseover="x': 1}}]}}
indicators:
  - {{level1: 产出目标, level2: 数量目标, name: '{IMG}', target: 满足需求}}
"""
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PRIMARY = 'data-primary=""'
BUDGET_SUM_FILE = "declarations/shanghai-stic-office/2019/public-service-platform.yaml"


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer would see them."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def hostile_html(tmp_path: Path, lang: str = "en") -> str:
    (tmp_path / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    return render(lint_report({"hostile.yaml": HOSTILE}, lang=lang, root=tmp_path))


def test_no_external_resources(tmp_path):
    out = hostile_html(tmp_path)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", out, re.I)
    assert not re.search(r"@import|url\(", out)
    for tag, attrs in Tags(out).tags:
        assert tag != "link" and not (tag == "script" and "src" in attrs), (tag, attrs)


def test_hostile_input_is_escaped(tmp_path):
    out = hostile_html(tmp_path)
    tags = Tags(out).tags
    assert [t for t, _ in tags].count("script") == 2  # the page's own config and code
    assert "img" not in {t for t, _ in tags}
    assert not any(name.startswith("on") for _, attrs in tags for name in attrs)
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt;" in out  # department, source, message
    assert "output-quantified" in out


def test_json_in_script_cannot_close_the_element():
    text = _script_json({"s": "</script><!-- & -->"})
    assert not set("<>&") & set(text)
    assert json.loads(text) == {"s": "</script><!-- & -->"}


@pytest.mark.parametrize("lang, html_lang, label", [("zh", "zh-CN", "概览"), ("en", "en", "Overview")])
def test_both_languages(tmp_path, lang, html_lang, label):
    (tmp_path / "t.yaml").write_text(MIXED, encoding="utf-8")
    out = render(lint_report({"t.yaml": MIXED}, lang=lang, root=tmp_path))
    assert f'<html lang="{html_lang}">' in out and label in out
    assert 'data-rule="output-quantified"' in out and 'data-severity="info"' in out
    assert out.count(PRIMARY) == 3  # the suppressed finding is not shown
    assert out.count('class="finding ') == 6  # each in its form cell and under its source line


def test_unreadable_source_is_reported_with_its_findings(tmp_path):
    out = render(lint_report({"missing.yaml": MIXED}, lang="en", root=tmp_path))
    assert "Cannot read the source file" in out
    assert out.count('class="finding ') == 3


# --- a real headless browser -------------------------------------------------------------------

def perflint(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "perflint", "check", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium to run the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """The report on the repository's declarations, from the real CLI, and its JSON twin."""
    out = tmp_path_factory.mktemp("real")
    run = perflint(ROOT, "declarations", "--lang", "zh", "--format", f"html={out / 'report.html'}",
                   "--format", f"json={out / 'report.json'}")
    assert run.returncode == 1, run.stderr  # the real declarations have defects
    return out / "report.html", json.loads((out / "report.json").read_text(encoding="utf-8"))


def open_page(browser, path: Path):
    page = browser.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(path.as_uri())
    return page


@pytest.fixture
def page(browser, real):
    page = open_page(browser, real[0])
    yield page
    assert page.errors == []
    page.close()


def visible_findings(page) -> list[dict]:
    return page.eval_on_selector_all(
        "li.finding", "els => els.filter(e => e.checkVisibility()).map(e => ({...e.dataset}))")


def test_overview_matches_json(page, real):
    summary = real[1]["summary"]
    for key in ("files", "problems", "error", "warning", "info"):
        assert page.text_content(f'[data-count="{key}"] .value') == str(summary[key]), key
    assert len(visible_findings(page)) == len(real[1]["diagnostics"])
    assert page.locator("section.decl").count() == summary["files"]


def test_filter_by_rule(page, real):
    expected = [d for d in real[1]["diagnostics"] if d["rule"] == "budget-sum"]
    assert expected and len(expected) < len(real[1]["diagnostics"])
    page.select_option("#filter-rule", "budget-sum")
    shown = visible_findings(page)
    assert [d["rule"] for d in shown] == ["budget-sum"] * len(expected)
    assert page.locator('li.finding:not([data-rule="budget-sum"])').first.is_hidden()
    files = {d["file"] for d in expected}
    assert page.eval_on_selector_all(
        "section.decl", "els => els.filter(e => !e.hidden).map(e => e.dataset.file)") == sorted(files)
    total = real[1]["summary"]
    assert page.text_content("#filter-status") == (
        f"显示 {len(files)}/{total['files']} 份申报表中的 {len(expected)}/{total['problems']} 个问题")
    page.click("#filter-reset")
    assert len(visible_findings(page)) == len(real[1]["diagnostics"])


def test_filter_by_severity(page, real):
    errors = [d for d in real[1]["diagnostics"] if d["severity"] == "error"]
    page.select_option("#filter-severity", "error")
    shown = visible_findings(page)
    assert len(shown) == len(errors) and {d["severity"] for d in shown} == {"error"}


def test_finding_sits_under_its_source_line(page):
    section = page.locator(f'section.decl[data-file="{BUDGET_SUM_FILE}"]')
    assert section.locator(".panel-source").is_hidden()
    section.locator('[role=tab][data-tab="source"]').click()
    assert section.locator(".panel-source").is_visible() and section.locator(".panel-form").is_hidden()
    line = section.locator('.ln[data-line="26"]')
    finding = line.locator("xpath=following-sibling::*[1]").locator('li.finding[data-rule="budget-sum"]')
    assert line.is_visible() and finding.is_visible()
    assert "annual: 965000" in line.text_content()
    assert finding.locator(".loc").text_content().startswith("26:")
    below, above = finding.bounding_box(), line.bounding_box()
    assert 0 <= below["y"] - (above["y"] + above["height"]) < 20


def test_hostile_project_name_is_text_not_script(browser, tmp_path):
    (tmp_path / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    run = perflint(tmp_path, "hostile.yaml", "--format", "html=report.html")
    assert run.returncode == 1, run.stderr
    page = open_page(browser, tmp_path / "report.html")
    assert page.evaluate("window.__pwned") is None
    assert page.text_content("section.decl h2") == SCRIPT
    assert IMG in page.text_content('li.finding[data-rule="output-quantified"] .msg')
    assert page.errors == []
    page.close()


# --- the form view ------------------------------------------------------------------------------

def real_html(tmp_path, path=BUDGET_SUM_FILE, lang="zh") -> str:
    from conftest import lint_text  # noqa: F401  (same configuration as the CLI's default)
    from perflint.config.loader import load_config
    from perflint.engine.runner import lint_bytes
    from perflint.output.report import Report

    config = load_config(cwd=ROOT)
    result = lint_bytes(path, (ROOT / path).read_bytes(), config)
    return render(Report([result], lang=lang, root=str(ROOT)))


def cell_html(out: str, pointer: str) -> str:
    """The HTML of the form cell showing ``pointer``."""
    m = re.search(rf'<td class="[^"]*" [^>]*data-pointer="{re.escape(pointer)}"[^>]*>.*?</td>', out, re.S)
    assert m, pointer
    return m.group(0)


def test_form_view_in_chinese_with_each_finding_in_its_cell(tmp_path):
    out = real_html(tmp_path)
    for label in ("上海市财政支出项目绩效目标申报表", "（2019年）", "项目总预算（元）", "项目当年预算（元）",
                  "项目当年投入资金构成", "分解目标", "一级指标", "二级指标", "三级指标", "指标目标值"):
        assert f">{label}<" in out, label
    annual = cell_html(out, "/budget/annual")
    assert "hit sev-error" in annual and 'data-rule="budget-sum"' in annual and "965,000" in annual
    target = cell_html(out, "/indicators/5/target")  # ≧95%: a look-alike operator
    assert 'data-rule="operator-symbol"' in target and "≧95%" in target
    # the sub-project total is computed and compared with the annual amount
    assert re.search(r'f-total[^"]*sum-off.*?600,000.*?≠ 项目当年预算（元） 965,000', out, re.S)
    # the two natures ticked on the form, in one cell
    assert "其他一次性项目、经常性专项业务费" in cell_html(out, "/project/nature")


def test_every_finding_is_in_the_form_once(tmp_path):
    from perflint.config.loader import load_config
    from perflint.engine.runner import lint_bytes
    from perflint.output.report import Report

    config = load_config(cwd=ROOT)
    results = [lint_bytes(p.relative_to(ROOT).as_posix(), p.read_bytes(), config)
               for p in sorted((ROOT / "declarations").rglob("*.yaml"))]
    out = render(Report(results, lang="en", root=str(ROOT)))
    total = sum(len(r.active) for r in results)
    assert total > 50
    form_part = "".join(re.findall(r'<table class="form".*?</table>', out, re.S))
    assert form_part.count(PRIMARY) == out.count(PRIMARY) == total


def test_hostile_keys_and_values_stay_text_in_the_form(tmp_path):
    out = hostile_html(tmp_path)
    form = re.search(r'<table class="form".*?</table>', out, re.S).group(0)
    tags = Tags(form).tags
    assert {t for t, _ in tags} <= {"table", "colgroup", "col", "tbody", "tr", "th", "td", "div", "ul", "li", "span",
                                     "button", "br"}
    assert not any(name.startswith("on") for _, attrs in tags for name in attrs)
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;window.__pwned = 3" in form
    assert 'data-pointer="/&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt;&quot;"' in form


def test_a_file_that_is_no_mapping_is_shown_as_source(tmp_path):
    (tmp_path / "broken.yaml").write_text("project: [unclosed\n", encoding="utf-8")
    out = render(lint_report({"broken.yaml": "project: [unclosed\n"}, root=tmp_path))
    assert '<table class="form"' not in out and "Cannot be shown as a form" in out
    assert out.count(PRIMARY) == out.count('class="finding ') >= 1


def test_five_thousand_indicators_render_as_rows(tmp_path):
    rows = "".join(f"  - {{level1: 产出指标, level2: 数量指标, name: 指标{i}, target: 满足需求}}\n" for i in range(5000))
    text = "kind: declaration\nfiscal_year: 2024\nproject: {name: 大表}\nindicators:\n" + rows
    (tmp_path / "big.yaml").write_text(text, encoding="utf-8")
    out = render(lint_report({"big.yaml": text}, root=tmp_path))
    form = re.search(r'<table class="form".*?</table>', out, re.S).group(0)
    assert form.count('rowspan="5000"') == 2  # 产出指标 and 数量指标, merged as printed
    # each row's finding splits the merge where it sits
    assert form.count(PRIMARY) == 5000


# --- the form view in a real browser -------------------------------------------------------------

def test_form_is_shown_first_with_the_finding_in_its_cell(page):
    section = page.locator(f'section.decl[data-file="{BUDGET_SUM_FILE}"]')
    assert section.locator(".panel-form").is_visible() and section.locator(".panel-source").is_hidden()
    cell = section.locator('table.form td[data-pointer="/budget/annual"]')
    finding = cell.locator('li.finding[data-rule="budget-sum"]')
    assert finding.is_visible() and "965,000" in cell.locator(".v").text_content()
    box, inner = cell.bounding_box(), finding.bounding_box()
    assert box["x"] <= inner["x"] and inner["x"] + inner["width"] <= box["x"] + box["width"] + 1
    assert box["y"] <= inner["y"] and inner["y"] + inner["height"] <= box["y"] + box["height"] + 1
    colour = cell.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(253, 236, 235)"  # --error-bg
    label = cell.locator("xpath=preceding-sibling::th[1]")
    assert label.text_content() == "项目当年预算（元）"


def test_rule_explanation_is_one_click_away(page):
    section = page.locator(f'section.decl[data-file="{BUDGET_SUM_FILE}"]')
    button = section.locator('td[data-pointer="/budget/annual"] button.rule')
    popover = page.locator(f'#{button.get_attribute("popovertarget")}')
    assert popover.is_hidden()
    button.click()
    assert popover.is_visible()
    assert "预算金额须相互吻合" in popover.text_content() and "perflint explain budget-sum" in popover.text_content()
    popover.locator("button.close").click()
    assert popover.is_hidden()


def test_filters_live_in_the_url(browser, real):
    path, data = real
    page = open_page(browser, path)
    page.select_option("#filter-rule", "budget-sum")
    page.select_option("#filter-severity", "error")
    assert page.evaluate("location.hash") == "#rule=budget-sum&severity=error"
    page.click("#filter-reset")
    assert page.evaluate("location.hash") == ""
    page.close()
    # the same view opened from a link
    dept = "上海推进科技创新中心建设办公室"
    page = open_page(browser, path)
    page.goto(f"{path.as_uri()}#severity=warning&department={quote(dept)}")
    page.reload()
    assert page.input_value("#filter-severity") == "warning" and page.input_value("#filter-department") == dept
    expected = [d for d in data["diagnostics"] if d["severity"] == "warning" and _department(d["file"]) == dept]
    shown = visible_findings(page)
    assert len(shown) == len(expected) and {d["severity"] for d in shown} == {"warning"}
    # a link to a declaration scrolls to it and keeps the filters
    page.locator("table.declarations tbody tr:not([hidden]) a").first.click()
    assert page.evaluate("location.hash").startswith("#severity=warning")
    # a value that is no option is ignored, not an error
    page.goto(f"{path.as_uri()}#rule=%3Cscript%3E")
    page.reload()
    assert page.input_value("#filter-rule") == ""
    assert page.errors == []
    page.close()


def test_departments_show_projects_budget_and_findings(page, real):
    import yaml

    from perflint.model.money import parse_amount

    projects, budgets = {}, {}
    for f in real[1]["files"]:
        doc = yaml.safe_load((ROOT / f).read_text(encoding="utf-8"))
        dept = doc.get("department") or doc.get("declaring_unit")
        budget = doc.get("budget") or {}
        money, unit = budget.get("annual", budget.get("total")), budget.get("unit", "元")
        execution = (doc.get("selfeval") or {}).get("execution") or {}
        if money is None and doc["kind"] == "self-evaluation":  # its full-year budget
            money, unit = execution.get("full_year", execution.get("initial")), execution.get("unit", "元")
            sources = [row.get("full_year") or 0 for row in (execution.get("sources") or {}).values()]
            if not money and any(sources):  # a total row printed as 0: the sources hold the budget
                money = sum(sources)
        projects[dept] = projects.get(dept, 0) + 1
        amount, _ = parse_amount(str(money), unit) if money is not None else (None, None)
        budgets[dept] = budgets.get(dept, 0) + float(amount or 0)
    rows = page.eval_on_selector_all("table.by-department tbody tr", "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
    assert len(rows) == len(projects)
    for name, count, budget, *_sev, total in rows:
        assert int(count) == projects[name]
        assert float(budget.replace(",", "").rstrip("*") or 0) == pytest.approx(budgets[name])
        assert int(total) == sum(1 for d in real[1]["diagnostics"] if _department(d["file"]) == name)


def _department(file: str) -> str:
    import yaml

    doc = yaml.safe_load((ROOT / file).read_text(encoding="utf-8"))
    return doc.get("department") or doc.get("declaring_unit")


def test_one_form_per_printed_page(browser, real):
    page = open_page(browser, real[0])
    page.emulate_media(media="print")
    sections = page.locator("section.decl")
    n = sections.count()
    assert page.locator("section.decl .panel-form").first.is_visible()
    assert all(not e for e in page.eval_on_selector_all(
        "section.decl .panel-source", "els => els.map(e => e.checkVisibility())"))
    assert set(page.eval_on_selector_all("section.decl", "els => els.map(e => getComputedStyle(e).breakBefore)")) == {"page"}
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= n + 1  # the overview, then each form starting on a page of its own
    page.close()


def test_screenshot_of_the_form_view_with_a_cjk_font(page):
    section = page.locator(f'section.decl[data-file="{BUDGET_SUM_FILE}"]')
    page.add_style_tag(content=".filters { position: static !important; }")
    form = section.locator("table.form")
    png = form.screenshot()
    width, height, pixels = decode_png(png)
    assert width > 600 and height > 800
    dark = sum(1 for r, g, b in pixels if r + g + b < 240)
    error_bg = sum(1 for p in pixels if p == (253, 236, 235))
    assert dark > 0.01 * len(pixels)  # text and borders were drawn
    assert error_bg > 1000  # the cell with the budget-sum error is tinted
    family = form.locator("td").first.evaluate("e => getComputedStyle(e).fontFamily")
    assert "Noto Sans CJK SC" in family and "Microsoft YaHei" in family and "PingFang SC" in family
    if not _cjk_font_installed():
        pytest.skip("no CJK font installed (fonts-noto-cjk): cannot check which font renders the text")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f'section.decl[data-file="{BUDGET_SUM_FILE}"] table.form th.f-label'})
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    assert any("CJK" in f["familyName"] for f in fonts), fonts


def _cjk_font_installed() -> bool:
    try:
        out = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(out.strip())


def decode_png(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """An 8-bit RGB(A) PNG (what Chromium writes) → width, height and its pixels as RGB."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert depth == 8 and colour in (2, 6)
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    pixels = [tuple(row[x * bpp:x * bpp + 3]) for row in rows for x in range(width)]
    return width, height, pixels


SELF_EVALUATION = "declarations/shanghai-stic-office/2021/future-park-exhibition-hall-self-evaluation.yaml"


def test_a_self_evaluation_shows_declared_and_recomputed_scores(tmp_path):
    out = real_html(tmp_path, SELF_EVALUATION)
    for label in ("财政项目支出绩效自评表", "（2021年度）", "年初预算数", "全年预算数", "全年执行数", "执行率", "年度资金总额",
                  "其中：当年财政拨款", "预期目标", "实际完成情况", "年度指标值", "实际完成值", "分值", "得分",
                  "偏差原因分析及改进措施", "总分"):
        assert f">{label}<" in out, label
    # 计划接待参观团组总数: =400场, 182 done, printed 18 of 20; the rules give 20 × 182 ÷ 400 = 9.10
    score = cell_html(out, "/indicators/0/score")
    assert ">18<" in score and "score-off" in score
    assert "重算 <b>9.10</b>" in score and "20 × 182 ÷ 400 = 9.10" in score
    assert "score-ok" in cell_html(out, "/indicators/2/score")  # 服务响应度: 10 of 10, as recomputed
    total = cell_html(out, "/selfeval/total/score")
    assert ">96.99<" in total and "重算 <b>89.09</b>" in total
    execution = cell_html(out, "/selfeval/execution/score")
    assert ">9.99<" in execution and "与重算一致" in execution
    assert ">182 场<" in cell_html(out, "/indicators/0/actual") and ">=400 场<" in cell_html(out, "/indicators/0/target")
