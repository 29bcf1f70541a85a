"""Indicator polarity: a positive indicator is better when higher (≥), a reverse one when lower (≤).

Decided by how the name ends; the longest matching ending wins, so 事故次数 (reverse) beats
次数 (positive) and 故障修复及时率 (positive) is not caught by 故障.
"""
from __future__ import annotations

from functools import lru_cache

from perflint.model.names import core, suffix_table

POSITIVE = (
    "满意度", "合格率", "达标率", "覆盖率", "完成率", "通过率", "知晓率", "利用率", "使用率", "到位率",
    "及时率", "执行率", "实现率", "普及率", "参与率", "验收率", "办结率", "响应率", "解决率", "就业率",
    "完好率", "在线率", "可用率", "正确率", "准确率", "优良率", "达成率", "入住率", "出勤率",
    "人数", "人次", "次数", "场次", "批次", "数量", "个数", "户数",
)
REVERSE = (
    "故障率", "事故率", "发生率", "投诉率", "差错率", "失误率", "出错率", "返工率", "流失率", "空置率",
    "损耗率", "误报率", "漏报率", "违规率", "超支率", "故障", "事故", "投诉", "差错",
    "事故次数", "故障次数", "投诉次数", "差错次数", "投诉数", "故障数", "事故数",
    "成本", "费用", "单价", "响应时间", "响应时长", "等待时间", "等待时长", "处理时间", "处理时限",
    "办结时间", "办理时限", "审批时限", "修复时间", "停机时间", "停机时长", "故障时长", "排队时间",
)


@lru_cache(maxsize=8192)
def polarity(name, positive=POSITIVE, reverse=REVERSE) -> str | None:
    """'positive', 'reverse' or None when the name says neither."""
    text = core(name)
    pos, longest_pos = suffix_table(tuple(positive))
    rev, longest_rev = suffix_table(tuple(reverse))
    for size in range(min(max(longest_pos, longest_rev), len(text)), 0, -1):
        end = text[-size:]
        if end in pos:  # the longest ending wins; on a tie, positive (as the lists are read)
            return "positive"
        if end in rev:
            return "reverse"
    return None
