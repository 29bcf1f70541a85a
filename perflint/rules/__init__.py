"""The built-in rules: one module per rule, registered here explicitly."""
from perflint.rules import (
    baseline_required,
    budget_sum,
    fiscal_year_dates,
    input,
    output_quantified,
    satisfaction_min,
)

CONTENT_RULES = (
    budget_sum.check,
    output_quantified.check,
    satisfaction_min.check,
    baseline_required.check,
    fiscal_year_dates.check,
)

BUILTIN = {r.id: r for r in (*input.RULES, *CONTENT_RULES)}
