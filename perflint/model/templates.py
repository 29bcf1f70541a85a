"""Form templates as data: which cells, natures and indicator tree each template prints.

Each template lives in templates/<id>.yaml (shipped as perflint.templates). A document names its
template with ``era:``; otherwise it is recognised from what the document carries (its indicator
labels, its units' names, its year), and a form that is recognisably no Shanghai form is read against
the national frame, whose header cells are checked only where the document carries them.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from perflint.model import categories as C


@dataclass(frozen=True)
class Template:
    id: str
    title_zh: str
    title_en: str
    region: str | None
    years: tuple[int | None, int | None]
    tree: dict[str, frozenset[str]]  # canonical first level → canonical second levels it allows
    level1_labels: dict[str, str]
    level2_labels: dict[str, str]
    places: dict[str, str]  # canonical second level → "一级 › 二级" as this template prints it
    fields: tuple[str, ...] = ()  # cells that must be filled in
    optional_fields: tuple[str, ...] = ()  # cells checked only where the document carries them
    natures: tuple[str, ...] = ()  # the nature boxes the form prints (empty: not known)
    combined_goal: bool = False  # one 总目标及阶段性目标 cell stands for both goals
    extra: dict = field(default_factory=dict)

    def level1_label(self, canonical: str | None) -> str:
        return self.level1_labels.get(canonical) or _fallback().level1_labels.get(canonical) or _DEFAULT_LABELS.get(
            canonical, str(canonical))

    def level2_label(self, canonical: str | None) -> str:
        return self.level2_labels.get(canonical) or _fallback().level2_labels.get(canonical) or _DEFAULT_LABELS.get(
            canonical, str(canonical))

    def place(self, category: str) -> str:
        """Where a canonical second level is printed: quantity → 产出指标 › 数量指标."""
        return self.places.get(category) or f"{self.level1_label(C.OUTPUT)} › {self.level2_label(category)}"

    def allows(self, level1: str, level2: str) -> bool:
        return level2 in self.tree.get(level1, ())

    def homes(self, level2: str) -> list[str]:
        """The printed first levels under which this template files ``level2``."""
        return [self.level1_label(l1) for l1, allowed in self.tree.items() if level2 in allowed]

    def allowed_level2_labels(self, level1: str) -> list[str]:
        return [self.level2_label(l2) for l2 in sorted(self.tree.get(level1, ())) if l2 != C.MANAGEMENT]

    @property
    def is_shanghai(self) -> bool:
        return self.region == "上海"


def _template(data: dict) -> Template:
    labels = data.get("labels") or {}
    first, last = (list(data.get("years") or []) + [None, None])[:2]
    known = {"id", "title", "region", "years", "tree", "labels", "places", "fields", "optional_fields", "natures",
             "combined_goal"}
    return Template(
        id=data["id"],
        title_zh=data["title"]["zh"],
        title_en=data["title"]["en"],
        region=data.get("region"),
        years=(first, last),
        tree={l1: frozenset(l2s) for l1, l2s in (data.get("tree") or {}).items()},
        level1_labels=dict(labels.get("level1") or {}),
        level2_labels=dict(labels.get("level2") or {}),
        places=dict(data.get("places") or {}),
        fields=tuple(data.get("fields") or ()),
        optional_fields=tuple(data.get("optional_fields") or ()),
        natures=tuple(data.get("natures") or ()),
        combined_goal=bool(data.get("combined_goal")),
        extra={k: v for k, v in data.items() if k not in known},
    )


# Labels no template prints (the Shanghai 2019/2020 management and 影响力 blocks spelled in the later style).
_DEFAULT_LABELS = {C.MANAGEMENT: "投入和管理目标", C.IMPACT: "影响力目标", C.LONG_TERM: "长效管理"}


def _fallback() -> Template:
    return templates()["national"]


# The order templates are listed in (perflint rules, documentation, config errors).
ORDER = ("sh-2019", "sh-2020", "sh-2024", "sh-2025", "central-2015", "central-2022", "national")


@lru_cache(maxsize=1)
def templates() -> dict[str, Template]:
    folder = resources.files("perflint.templates")
    found = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".yaml"):
            data = yaml.load(entry.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            found[data["id"]] = _template(data)
    return {tid: found[tid] for tid in sorted(found, key=lambda t: (ORDER.index(t) if t in ORDER else len(ORDER), t))}


def get(template_id: str) -> Template:
    return templates().get(template_id) or templates()["national"]


def ids() -> tuple[str, ...]:
    return tuple(templates())


# Extra second-level spellings worth suggesting (2020 影响力目标 rows, the three kinds of cost).
_EXTRA_L2 = ("配套设施", "社会成本指标", "生态环境成本指标", "经济成本指标")


def suggest(label: str, template: Template, level: int) -> str | None:
    """The closest printed label of the template (then of any template) to a label that is not known."""
    every = templates().values()
    if level == 1:
        own, pool = template.level1_labels.values(), [v for t in every for v in t.level1_labels.values()]
    else:
        own = template.level2_labels.values()
        pool = [v for t in every for v in t.level2_labels.values()] + list(_EXTRA_L2)
    for candidates in (list(own), list(dict.fromkeys(pool))):
        near = difflib.get_close_matches(label, candidates, n=1, cutoff=0.5)
        if near:
            return near[0]
    return None


# ------------------------------------------------------------------------------------- recognition

_UNIT_KEYS = ("department", "declaring_unit", "implementing_unit", "form_title")


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def recognise(data: dict) -> tuple[str, bool]:
    """(template id, declared): the declared ``era`` when it names a template, else the template the
    document's own content points to."""
    declared = data.get("era")
    if isinstance(declared, str) and declared in templates():
        return declared, True
    raw = data.get("indicators")
    indicators = [i for i in raw if isinstance(i, dict)] if isinstance(raw, list) else []
    labels = {C.stem(i.get("level1")) for i in indicators}
    year = data.get("fiscal_year") if isinstance(data.get("fiscal_year"), int) else 0
    if "投入与管理" in labels:
        return "sh-2020", False
    if "投入和管理" in labels:
        return "sh-2019", False
    if "影响力" in labels or any(_text(i.get("level1")).strip().endswith("目标") for i in indicators):
        long_names = any(_text(i.get("level2")).strip().endswith("目标") for i in indicators)
        return ("sh-2019" if long_names else "sh-2020"), False
    shanghai = any("上海" in _text(data.get(k)) for k in _UNIT_KEYS)
    cost_first = "成本" in labels
    if shanghai:
        if cost_first or year >= 2025:
            return "sh-2025", False
        return "sh-2024", False
    return "national", False
