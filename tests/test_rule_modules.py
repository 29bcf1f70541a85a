"""Issue 7's structure, kept: a rule reads facts from the model and never imports another rule, and no
Chinese word list lives in perflint/rules/ (word lists belong in perflint/model/vocabulary.py). Messages,
examples and (zh, en) label pairs are text, not word lists: a list counts as one when it holds two or
more strings and every one of them is Chinese without a word of English."""
import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ALTERNATION = re.compile(r"[\u4e00-\u9fff]\)?\||\|\(?[\u4e00-\u9fff]")  # 预算|资金: words as alternatives
RULES = sorted(p for p in (ROOT / "perflint" / "rules").glob("*.py") if p.name != "__init__.py")


def problems(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("perflint.rules"):
            found.append(f"{node.lineno}: imports {node.module}")
        elif isinstance(node, ast.Import) and any(a.name.startswith("perflint.rules") for a in node.names):
            found.append(f"{node.lineno}: imports a rule")
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            texts = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(texts) >= 2 and len(texts) == len(node.elts) and all(CJK.search(t) and not LATIN_WORD.search(t) for t in texts):
                found.append(f"{node.lineno}: word list {texts[:3]}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and ALTERNATION.search(node.value):
            found.append(f"{node.lineno}: pattern of words {node.value[:40]!r}")
    return found


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.name)
def test_a_rule_module_holds_no_word_list_and_imports_no_rule(path: Path):
    assert problems(path.read_text(encoding="utf-8")) == []


def test_the_check_sees_each_kind():
    source = ('from perflint.rules.budget_sum import check\n_W = ("提升", "提高")\n'
              '_P = r"(?:预算|资金)总额"\n_OK = ("预算", "budget")\nMSG = "写明预算|资金"\n')
    assert [p.split(":")[1].split()[0] for p in problems(source)] == ["imports", "word", "pattern", "pattern"]
