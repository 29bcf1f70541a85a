from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perflint.model.money import parse_amount
from perflint.model.period import deadline
from perflint.model.targets import parse_target


@pytest.mark.parametrize("raw,kind,op,value,unit", [
    ("≥95%", "number", "≥", "95", "%"),
    ("≧95%", "number", "≥", "95", "%"),
    (">=95%", "number", "≥", "95", "%"),
    ("＞９０％", "number", ">", "90", "%"),
    ("大于等于90%", "number", "≥", "90", "%"),
    ("≥200.00(批次)", "number", "≥", "200.00", "批次"),
    ("=5(人)", "number", "=", "5", "人"),
    ("≤24.00(小时)", "number", "≤", "24.00", "小时"),
    ("=400 场", "number", "=", "400", "场"),
    ("2000人", "number", None, "2000", "人"),
    ("0", "number", None, "0", None),
    ("95%以上", "number", "≥", "95", "%"),
    ("3天以内", "number", "≤", "3", "天"),
    ("5万人次", "number", None, "50000", "人次"),
    ("≥3元/册", "number", "≥", "3", "元/册"),
    ("≤2次/月", "number", "≤", "2", "次/月"),
    ("=7×24小时", "product", "=", "7", "小时"),
    ("1-2家", "range", None, "1", "家"),
    ("提升10%", "relative", None, "10", "%"),
    ("较上年增长5%", "relative", None, "5", "%"),
    ("提升", "relative", None, None, None),
    ("健全", "qualitative", None, None, None),
    ("“良好”以上", "qualitative", None, None, None),
    ("专款专用100%", "mixed", None, "100", "%"),
    ("2023年10月底", "date", None, "10", None),
    ("12月31日前", "date", "≤", "12", None),
    ("", "empty", None, None, None),
    # the longest suffix wins: 及以上 is one operator, not 以上 after a unit 人次及
    ("90%及以上", "number", "≥", "90", "%"),
    ("95%及以上", "number", "≥", "95", "%"),
    ("1200人次及以上", "number", "≥", "1200", "人次"),
    ("5次及以下", "number", "≤", "5", "次"),
    ("12月31日之前", "date", "≤", "12", None),
    # 内 is a ceiling like 以内 / 之内
    ("3个工作日内", "number", "≤", "3", "个工作日"),
    ("6个月内", "number", "≤", "6", "个月"),
    ("2小时以内", "number", "≤", "2", "小时"),
    ("30天之内", "number", "≤", "30", "天"),
    # year ends, quarter ends and the next year's months are dates (value: the month)
    ("2020年底前", "date", "≤", "12", None),
    ("2024年末", "date", None, "12", None),
    ("年底前", "date", "≤", "12", None),
    ("年末", "date", None, "12", None),
    ("第三季度末前", "date", "≤", "9", None),
    ("三季度末", "date", None, "9", None),
    ("第3季度底前", "date", "≤", "9", None),
    ("第一季度末", "date", None, "3", None),
    ("2024年第四季度末前", "date", "≤", "12", None),
    ("次年3月底前", "date", "≤", "3", None),
    ("≤年底", "date", "≤", "12", None),
])
def test_parse_target(raw, kind, op, value, unit):
    t = parse_target(raw)
    assert (t.kind, t.op, t.value, t.unit) == (kind, op, Decimal(value) if value else None, unit)
    assert t.raw == raw


def test_vague_values_are_not_numeric():
    assert parse_target("1个总报告  若干分报告").vague
    assert not parse_target("1个总报告  若干分报告").numeric
    assert parse_target("党政、企业、社会团体等").vague


FULLWIDTH = str.maketrans("0123456789%", "０１２３４５６７８９％")


@given(st.sampled_from(["≥", ">=", "≧", "≤", "<=", "=", ">", "<", ""]),
       st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["%", "人", "人次", "个", "小时", "元/册", "次/月", "(批次)", "（人）", ""]),
       st.booleans())
def test_operator_number_unit_roundtrip(op, number, unit, fullwidth):
    raw = f"{op}{number}{unit}"
    if fullwidth:
        raw = raw.translate(FULLWIDTH)
    t = parse_target(raw)
    assert t.kind == "number"
    assert t.value == number
    assert t.unit == (unit.strip("()（）") or None)
    assert (t.op is None) == (op == "")


@given(st.text(max_size=40))
def test_any_text_parses_without_error_and_keeps_raw(text):
    t = parse_target(text)
    assert t.raw == text
    assert t.kind in {"number", "range", "product", "date", "relative", "qualitative", "mixed", "empty"}


@given(st.decimals(min_value=0, max_value=10**8, places=6, allow_nan=False, allow_infinity=False))
def test_wanyuan_to_yuan_is_exact(amount):
    yuan, problem = parse_amount(amount, "万元")
    assert problem is None and yuan == amount * 10_000


@pytest.mark.parametrize("raw,unit,expected,problem", [
    ("41,098,620", "元", "41098620", "text"),
    ("4109.862万元", "元", "41098620.000", "text"),
    ("６,４９１,７００.００", "元", "6491700.00", "text"),
    ("about 5", "元", None, "invalid"),
])
def test_parse_amount_text(raw, unit, expected, problem):
    value, p = parse_amount(raw, unit)
    assert p == problem
    assert value == (Decimal(expected) if expected else None)


@pytest.mark.parametrize("raw,due", [
    ("12月31日前", "2024-12-31"),
    ("2024年6月底前", "2024-06-30"),
    ("6月中旬", "2024-06-20"),
    ("2020年底前", "2020-12-31"),
    ("年底前", "2024-12-31"),
    ("年末", "2024-12-31"),
    ("第三季度末前", "2024-09-30"),
    ("三季度末", "2024-09-30"),
    ("第1季度底前", "2024-03-31"),
    ("2025年第二季度末", "2025-06-30"),
    ("次年3月底前", "2025-03-31"),
    ("次年2月", "2025-02-28"),
    ("3个工作日内", None),
    ("第五季度末", None),
    ("12-5", None),
])
def test_deadline_of_date_targets(raw, due):
    got = deadline(parse_target(raw), 2024)
    assert (got.isoformat() if got else None) == due


def test_dates_without_a_year_need_the_fiscal_year():
    assert deadline(parse_target("年底前"), None) is None
    assert deadline(parse_target("次年3月底前"), None) is None
    assert deadline(parse_target("次年3月底前"), 9999) is None  # no year 10000
    assert str(deadline(parse_target("2020年底前"), None)) == "2020-12-31"


def test_suffix_operators_are_tried_longest_first():
    from perflint.model.targets import _SUFFIX_OPS

    for i, (suffix, _op) in enumerate(_SUFFIX_OPS):
        assert not any(later.endswith(suffix) and len(later) > len(suffix) for later, _ in _SUFFIX_OPS[i + 1:]), suffix


@given(st.text(alphabet="0123456789年月日底末前内次第一二三四季度-/", max_size=16), st.sampled_from([None, 1, 2024, 9999]))
def test_deadline_never_raises(text, year):
    due = deadline(parse_target(text), year)
    assert due is None or 1 <= due.year <= 9999
