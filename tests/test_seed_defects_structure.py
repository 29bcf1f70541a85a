"""The structure, cost, money and date rules on the real declarations: every seed defect of their kinds
is found where it is, and nothing else is (the exact set per file). IDs refer to seed-defects.md."""
import json
import subprocess
import sys

import pytest
from test_rules_structure import MINE

from conftest import ROOT, is_self_evaluation
from test_cli import CACHE_HOME

D = "declarations/shanghai-stic-office"

# Under the default profile. Anything not listed here must not be reported by these rules.
EXPECTED = {
    f"{D}/2019/exhibition-hall-operation.yaml": set(),
    f"{D}/2019/international-consulting.yaml": set(),
    f"{D}/2019/public-service-platform.yaml": set(),
    f"{D}/2019/tech-import-export-fair.yaml": set(),
    f"{D}/2019/torch-statistics-platform.yaml": set(),
    f"{D}/2020/exhibition-hall-operation.yaml": {
        ("plan-dates", 20, "info", "/project/plan"),  # 001-B-08: 2019年12月开展项目政府采购程序
    },
    f"{D}/2020/future-park-exhibition-hall.yaml": {
        ("required-fields", 28, "error", "/budget/previous_year/budget"),  # 001-C-03: both cells blank
        ("required-fields", 29, "error", "/budget/previous_year/executed"),
    },
    f"{D}/2020/stic-work-funds.yaml": set(),  # 4109.86万元 in the overview agrees with 41,098,620 元
    f"{D}/2024/disability-employment-levy.yaml": {
        ("cost-indicator-required", 29, "warning", "/indicators"),  # 002-C-01
        ("required-level1", 29, "warning", "/indicators"),  # 002-C-02: no 满意度
        ("output-dimensions", 29, "warning", "/indicators"),  # 002-C-03: no 时效
    },
    f"{D}/2024/exhibition-hall-operation.yaml": {
        ("cost-indicator-required", 29, "warning", "/indicators"),  # 002-A-01
        ("output-dimensions", 29, "warning", "/indicators"),  # 002-A-02: no 时效
    },
    f"{D}/2024/future-park-exhibition-hall.yaml": {
        ("cost-indicator-required", 29, "warning", "/indicators"),  # 002-E-01
    },
    f"{D}/2024/it-operations.yaml": {
        ("cost-indicator-required", 29, "warning", "/indicators"),  # 002-F-01
        ("output-dimensions", 29, "warning", "/indicators"),  # 002-F-05: the 时效 measure sits under 效益
    },
    f"{D}/2024/office-services.yaml": {
        ("cost-indicator-required", 31, "warning", "/indicators"),  # 002-B-01
        ("duplicate-indicator", 59, "warning", "/indicators/6/name"),  # 002-B-03: 每日提供餐饮及时性餐饮提供及时性
        ("duplicate-indicator", 68, "warning", "/indicators/8/target"),  # 002-B-02: =5(人) as output and benefit
    },
    f"{D}/2024/stic-work-funds.yaml": {
        ("cost-indicator-required", 29, "warning", "/indicators"),  # 002-D-01
    },
}


def check_json(*args):
    proc = subprocess.run([sys.executable, "-m", "perflint", "check", "--format", "json", "--lang", "en", *args, "declarations"],
                          cwd=ROOT, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(ROOT), "XDG_CACHE_HOME": CACHE_HOME})
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def mine_by_file(payload):
    out = {}
    for d in payload["diagnostics"]:
        if d["rule"] in MINE:
            out.setdefault(d["file"], set()).add((d["rule"], d["line"], d["severity"], d["pointer"]))
    return out


@pytest.fixture(scope="module")
def default():
    return check_json()


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_exact_findings_per_file(default, path):
    assert mine_by_file(default).get(path, set()) == EXPECTED[path]


# Transcribed forms of other provinces (issue 7): their findings are measured against reviewer lists
# until the national template profile lets them be pinned here.
OTHER_PROVINCES = ("declarations/hunan-",)


def test_every_bundled_declaration_is_covered(default):
    # declarations/examples/ holds the clean worked examples, checked by test_examples_clean.py
    # self-evaluations are pinned by test_selfeval_defects.py
    bundled = {f for f in default["files"] if not f.startswith(("declarations/examples/", *OTHER_PROVINCES))
               and not is_self_evaluation(f)}
    assert bundled == set(EXPECTED)


def test_messages_name_the_missing_piece(default):
    by_rule = {(d["file"].rsplit("/", 2)[-2] + "/" + d["file"].rsplit("/", 1)[-1], d["rule"]): d["message"] for d in default["diagnostics"]}
    assert "时效指标" in by_rule[("2024/disability-employment-levy.yaml", "output-dimensions")]
    assert "satisfaction_exempt" in by_rule[("2024/disability-employment-levy.yaml", "required-level1")]
    assert "0 for a new project" in by_rule[("2020/future-park-exhibition-hall.yaml", "required-fields")]
    assert "2019年12月" in by_rule[("2020/exhibition-hall-operation.yaml", "plan-dates")]


def test_shanghai_2025_profile_makes_the_missing_cost_indicator_an_error():
    found = mine_by_file(check_json("--profile", "sh-2025"))
    cost = {(f, line, sev) for f, items in found.items() for rule, line, sev, _ in items if rule == "cost-indicator-required"}
    assert cost == {(f, 31 if f.endswith("office-services.yaml") else 29, "error") for f in EXPECTED if "/2024/" in f}


def test_old_forms_never_need_a_cost_indicator_in_any_profile():
    for profile in ("default", "sh-2019", "sh-2020", "sh-2024", "central-2022", "sh-2025"):
        found = mine_by_file(check_json("--profile", profile))
        old = [f for f, items in found.items() for rule, *_ in items if rule == "cost-indicator-required" and "/2024/" not in f]
        assert old == [], profile
