"""The words and patterns perflint reads forms with, in one place (rules import none of their own)."""
from __future__ import annotations

import re

# Self-evaluation
# ---------------------------------------------------------------------------------------------
# Weights printed inside a label: 产出指标(50分), 预算执行情况(20分), 年度绩效目标（80分）.
WEIGHT_IN_LABEL = re.compile(r"[（(]\s*(\d{1,4}(?:\.\d{1,4})?)\s*分\s*[)）]")
# A template's fill-in hint left at the end of a third-level name: 公猪舍(≥**平方米), 排污沟(≥米),
# 保育栏(≥套), ( ≥**个 ). The hint states the operator and the unit the target cell was to take.
FILL_IN_HINT = re.compile(
    r"[（(]\s*(?P<op>≥|≤|>=|<=|=|>|<)?\s*(?P<stars>[*＊×xX]+)?\s*(?P<unit>%|‰|[\u4e00-\u9fff]{1,4})\s*[)）]\s*$")
# Units written as words that mean a symbol (≥100百分比 is ≥100%).
UNIT_ALIASES = {"百分比": "%"}
# What a self-evaluation writes in 实际完成值 when it gives a verdict instead of a value, by the
# attainment it claims (达成年度指标 / 部分达成并具有一定效果 / 未达成且效果较差).
ATTAINMENT_WORDS = {
    "unmet": ("未达成", "未完成", "未达到", "未达标", "未实现", "没有完成"),
    "partial": ("部分达成", "基本达成", "部分完成", "基本完成", "部分达到", "基本达到", "部分实现", "基本实现"),
    "met": ("达成预期指标", "达成预期目标", "达到预期指标", "达到预期目标", "完成预期指标", "完成预期目标",
            "全部完成", "全面完成", "已完成", "已达成", "已达到", "已达标", "已实现", "达成", "达到", "完成", "达标", "实现"),
}
# The attainment levels the format's `attainment` field takes.
ATTAINMENT_LEVELS = {"达成": "met", "部分达成": "partial", "未达成": "unmet"}
# A printed instruction left in a narrative cell states its own length limit: …(100字以内).
INSTRUCTION_TEXT = re.compile(r"[（(]\s*\d{2,4}\s*字(?:以内|以下|左右)\s*[)）]")
# Self-evaluation grades by their lower bound (MOF 预算司: 优 90–100, 良 80–89, 中 60–79, 差 0–59).
GRADES = (("优", 90), ("良", 80), ("中", 60), ("差", 0))
# The source-of-funds rows of the budget-execution block, for messages.
FUND_ROWS = {
    "total": ("年度资金总额", "the total"),
    "appropriation": ("当年财政拨款", "the current appropriation"),
    "carryover": ("上年结转资金", "the carry-over"),
    "special_account": ("财政专户管理资金", "the special-account funds"),
    "unit_funds": ("单位资金", "the unit's own funds"),
    "other": ("其他资金", "other funds"),
}
# The columns of the budget-execution block, for messages.
FUND_COLUMNS = {
    "initial": ("年初预算数", "the initial budget"),
    "full_year": ("全年预算数", "the full-year budget"),
    "executed": ("全年执行数", "the amount spent"),
}
# A stated amount broken down after 其中 (of which): 共完成预算资金89.97万元。其中:30万元…;29.99万元…
AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
MONEY_UNITS = r"亿元|万元|元"
BREAKDOWN = re.compile(rf"(?P<total>{AMOUNT})\s*(?P<unit>{MONEY_UNITS})[^。；;其]{{0,12}}[。，,；;]?\s*其中\s*[:：]?(?P<parts>[^。]*)")
BREAKDOWN_PART = re.compile(rf"(?P<num>{AMOUNT})\s*(?P<unit>{MONEY_UNITS})")
