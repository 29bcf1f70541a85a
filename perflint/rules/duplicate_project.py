from perflint.engine.rule import Example, finding, msg, rule

_ONE = "kind: declaration\nfiscal_year: 2024\ndepartment: 科创办\nproject: {name: '%s'}\nindicators: []\n"


@rule(
    id="duplicate-project",
    severity="warning",
    group="X",
    basis="C",
    summary=msg("同一项目同一年度只有一份申报表（或自评表）", "One declaration (or self-evaluation) per project and year"),
    description=msg(
        "同一部门、同一项目名称、同一年度、同一类文件（申报表或自评表）出现在两个以上文件中时，在后面的文件（按路径排序）"
        "报告，并指向第一个。名称写法不同的同一项目可用配置 aliases 对应；有重复时，跨文件的比对不进行（不知道该与哪一份比）。",
        "When two or more files hold the same kind of document (declaration or self-evaluation) for the same "
        "department, project and year, each file after the first (by path) is reported, pointing at the first. "
        "Spellings of one project are mapped with the aliases configuration; while there are duplicates, the "
        "comparisons across files are not made (which copy to compare with is unknown).",
    ),
    rationale=msg(
        "重复的申报表通常是复制后忘了改项目名称或年度，或同一项目被申报了两次；两种情况都需要人来判断。这是本项目的约定。",
        "A duplicate is usually a copy whose project name or year was never changed, or a project declared twice; "
        "either needs a person to decide. A project convention.",
    ),
    examples=(
        Example(_ONE % "展厅运营" + "---\n" + _ONE % "机关服务"),
        Example(_ONE % "展厅运营" + "---\n" + _ONE % "展厅运营", ("/project/name",)),
    ),
    kinds=("cross-file:duplicate",),
)
def check(pair, opts):
    this, first = pair.subject, pair.other
    line = first.span("/project/name").line
    kind_zh = "自评表" if this.kind == "self-evaluation" else "申报表"
    kind_en = "self-evaluation" if this.kind == "self-evaluation" else "declaration"
    yield finding(
        "/project/name",
        f"{first.path}:{line} 已是“{this.project}”{this.year} 年的{kind_zh}：同一项目同一年度只应有一份。",
        f"{first.path}:{line} is already the {this.year} {kind_en} of \"{this.project}\": one per project and year.",
        value=first.key,
        related=(first.related("/project/name", msg(f"同一项目的另一份{kind_zh}", f"the other {kind_en}")),),
    )
