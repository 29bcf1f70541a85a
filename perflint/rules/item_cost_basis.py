from decimal import Decimal

from perflint.engine.rule import Example, Option, finding, msg, rule
from perflint.model.estimate import amounts_in, read_estimate
from perflint.model.money import format_yuan


@rule(
    id="item-cost-basis",
    severity="warning",
    group="F",
    basis="C",
    summary=msg("子项目金额与其资金测算一致", "A sub-project's amount matches its own cost estimate"),
    description=msg(
        "子项目（budget.items）的金额须与它自己的资金测算（basis）一致：测算中写明的合计（合计、共计…）等于子项目金额；"
        "没有合计时，各项乘算（3人×5万元/人=15万元）之和等于子项目金额；每个乘算的结果须算对。子项目名称（标题）中"
        "写明的金额（“展厅运营（50万元）”）也须等于子项目金额。金额按元精确换算后比较。",
        "A sub-project's amount (budget.items) must match its own cost estimate (basis): a total the estimate "
        "states (\"合计\", \"共计\"…) equals the amount; without one, its products (\"3人×5万元/人=15万元\") add up to "
        "it; and each product is computed right. An amount written in the sub-project's heading (\"展厅运营（50万元）\") "
        "must equal its amount too. Compared exactly in yuan after conversion.",
    ),
    rationale=msg(
        "资金测算是预算金额的依据（成本测算表由分项及合计组成）；标题、测算和金额三处不一致时，审核无法判断哪一个是"
        "申请的数额，测算也就失去了依据的作用。",
        "The estimate is what the amount rests on (a cost table of items and a total (合计)); when the heading, the "
        "estimate and the amount disagree, the reviewer cannot tell which is being requested, and the estimate "
        "no longer supports anything.",
    ),
    sources=msg("鄂州市 2022 项目支出绩效目标表（成本测算：分项、依据与合计）", "Ezhou 2022 target table (cost items, basis and total)"),
    options=(Option("tolerance", Decimal("0.01"), msg("允许的误差（元）", "Allowed difference in yuan")),),
    examples=(
        Example("budget:\n  unit: 元\n  items:\n    - {name: 专家咨询费, amount: 150000, basis: 3人×5万元/人=15万元}"),
        Example("budget:\n  unit: 万元\n  items:\n    - {name: 展厅运营（50万元）, amount: 50, basis: 场地租金30万元，人员费用20万元，合计50万元}"),
        Example("budget:\n  unit: 元\n  items:\n    - {name: 专家咨询费, amount: 200000, basis: 3人×5万元/人=15万元}",
                ("/budget/items/0/amount",)),
        Example("budget:\n  unit: 元\n  items:\n    - {name: 专家咨询费, amount: 200000, basis: 3人×5万元/人=20万元}",
                ("/budget/items/0/basis",)),
        Example("budget:\n  unit: 万元\n  items:\n    - {name: 展厅运营（60万元）, amount: 50}", ("/budget/items/0/name",)),
    ),
)
def check(decl, opts):
    tol = opts["tolerance"]
    for i, item in decl.items:
        amount = decl.amount("budget", "items", i, "amount")
        if amount is None:
            continue
        at = f"/budget/items/{i}"
        name = str(item.get("name") or i + 1)
        for written, value in amounts_in(item.get("name"))[-1:]:
            if abs(value - amount) > tol:
                yield finding(f"{at}/name", f"子项目标题“{name}”写的是 {written}，金额却是 {format_yuan(amount)} 元：统一为一个数额。",
                              f"The heading \"{name}\" says \"{written}\" but the amount is {format_yuan(amount)} yuan: settle on one.")
        estimate = read_estimate(item.get("basis"))
        if estimate is None:
            continue
        for p in estimate.products:
            if p.stated is not None and abs(p.stated - p.computed) > tol:
                yield finding(f"{at}/basis", f"子项目“{name}”的测算“{p.text}”算错了：乘积为 {format_yuan(p.computed)} 元。",
                              f"The estimate \"{p.text}\" of \"{name}\" is miscomputed: the product is {format_yuan(p.computed)} yuan.")
        if estimate.total is not None:
            base, how_zh, how_en = estimate.total, f"测算写明的{estimate.total_text}", f"the total the estimate states, \"{estimate.total_text}\""
        elif estimate.products:
            base = sum((p.stated if p.stated is not None else p.computed for p in estimate.products), Decimal(0))
            how_zh, how_en = f"测算各项之和 {format_yuan(base)} 元", f"the estimate's items, which add up to {format_yuan(base)} yuan"
        else:
            continue
        if abs(base - amount) > tol:
            yield finding(f"{at}/amount", f"子项目“{name}”的金额 {format_yuan(amount)} 元与{how_zh}不符（相差 {format_yuan(amount - base)} 元）。",
                          f"The amount of \"{name}\", {format_yuan(amount)} yuan, does not match {how_en} "
                          f"(difference {format_yuan(amount - base)} yuan).")
