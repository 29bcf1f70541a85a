"""The HTML report: self-contained, escaped, bilingual, and working in a real headless browser."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

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
indicators:
  - {{level1: 产出目标, level2: 数量目标, name: '{IMG}', target: 满足需求}}
"""
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
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
    assert out.count('class="finding ') == 3  # the suppressed finding is not shown


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
