import re

from perflint.engine.rule import Example, finding, msg, rule
from perflint.model.period import project_period

# The fiscal years each form era was in use (a convention: the seeds show sh-2019 in 2019, sh-2020 in
# 2020, sh-2024 in 2024; the central 101号 tree from 2022, the Shanghai 2025 guide from 2025).
ERA_YEARS = {
    "sh-2019": (None, 2019), "sh-2020": (2020, 2023), "sh-2024": (2021, 2024), "sh-2025": (2025, None),
    "central-2015": (2015, 2021), "central-2022": (2022, None),
}
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def _span(era: str) -> str:
    first, last = ERA_YEARS[era]
    return f"{first or '…'}–{last or '…'}"


@rule(
    id="year-consistency",
    severity="warning",
    group="G",
    basis="C",
    summary=msg("表头年度、预算年度、表样年代一致", "Title year, fiscal year and form era agree"),
    description=msg(
        "表名中的年度（如“（2024年度）”）须等于 fiscal_year；写明的 era 须是该预算年度使用的表样（sh-2019 至 2019 年，"
        "sh-2020 为 2020–2023，sh-2024 为 2021–2024，sh-2025 自 2025 年，central-2015 为 2015–2021，central-2022 "
        "自 2022 年）；没有 fiscal_year 时，计划起止日期的年份须等于表名年度。起止日期与 fiscal_year 的关系由 "
        "fiscal-year-dates 检查。",
        "The year in the form title (\"（2024年度）\") must equal fiscal_year; a declared era must be a form in use "
        "that fiscal year (sh-2019 up to 2019, sh-2020 2020–2023, sh-2024 2021–2024, sh-2025 from 2025, "
        "central-2015 2015–2021, central-2022 from 2022); without fiscal_year, the years of the planned dates "
        "must equal the title year. Dates against fiscal_year are fiscal-year-dates' job.",
    ),
    rationale=msg(
        "年度不一致通常是沿用上年表格后没有改全，会让预算年度和考核期对不上。各表样的使用年份是本项目根据真实表样"
        "作出的推断，并非文件规定，因此只作警告。",
        "Disagreeing years usually mean last year's form was reused and not fully updated, so the budget year "
        "and the assessment period no longer match. The years each form era was used are this project's "
        "inference from real forms, not a regulation: a warning only.",
    ),
    examples=(
        Example("era: sh-2024\nfiscal_year: 2024\nform_title: 财政项目支出绩效目标申报表（2024年度）"),
        Example("fiscal_year: 2024\nform_title: 财政项目支出绩效目标申报表（2023年度）", ("/form_title",)),
        Example("era: sh-2019\nfiscal_year: 2024", ("/era",)),
    ),
)
def check(decl, opts):
    year = decl.fiscal_year
    title = decl.get("form_title")
    m = _TITLE_YEAR.search(title) if isinstance(title, str) else None
    title_year = int(m.group(1)) if m else None
    if title_year and year and title_year != year:
        yield finding("/form_title", f"表名年度 {title_year} 与预算年度 fiscal_year: {year} 不一致：更正其一。",
                      f"The title says {title_year} but fiscal_year is {year}: correct one of them.")
    era = decl.data.get("era")
    if year and isinstance(era, str) and era in ERA_YEARS:
        first, last = ERA_YEARS[era]
        if (first and year < first) or (last and year > last):
            yield finding("/era", f"{year} 年度的申报表不会使用 {era} 表样（该表样用于 {_span(era)} 年度）：核对 era 或 fiscal_year。",
                          f"A {year} declaration would not use the {era} form (used for fiscal years {_span(era)}): check era or fiscal_year.")
    if year is None and title_year:
        for key, d in zip(("start", "end"), project_period(decl), strict=False):
            if d and d.year != title_year and decl.get("project", "multi_year") is not True:
                yield finding(f"/project/{key}", f"日期 {d} 与表名年度 {title_year} 不一致：核对日期，或补上 fiscal_year。",
                              f"Date {d} does not match the title year {title_year}: check the date or add fiscal_year.")
