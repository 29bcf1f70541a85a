"""`--lang en` carries no Chinese except quoted values and field names in parentheses: in schema
and loader messages, suppression messages, summaries and the frame of every report, in every rule's
messages on the bundled declarations and self-evaluations and on its failing examples, in `explain`
pages, and in every English string the source writes."""
import json
import re
from pathlib import Path

import pytest

from conftest import write

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")
# Chinese may appear only as a quoted value ("…", “…”, '…' or `…`: what the document says, a value to
# write) or as a gloss: a Chinese term alone in parentheses right after the English word(s) it translates,
# `the timeliness indicators (时效指标)`, `indicators/1/name (三级指标)`. Amounts read `600,000 yuan`.
_HAN = r"[\u3400-\u9fff\uf900-\ufaff]"
_TERM = rf"{_HAN}+(?:\s*[/、›·]\s*{_HAN}+)*"
GLOSS = re.compile(rf"([A-Za-z][A-Za-z0-9_]*[\"”'’`]?) ?[(（]{_TERM}[)）]")
QUOTE = re.compile(r"`[^`\n]*`|\"[^\"\n]*\"|“[^”\n]*”|(?<![A-Za-z])'[^'\n]*'(?![A-Za-z])")


def unglossed_chinese(text: str) -> list[str]:
    """The lines of ``text`` with Chinese that is neither a gloss nor quoted."""
    return [line for line in text.splitlines() if CJK.search(QUOTE.sub("", GLOSS.sub(r"\1", line)))]


# A document with something wrong in every field the schema and the loader look at
BAD = """\
kind: declaraton
fiscal_year: 二〇二四
era: sh-2042
project: {name: 3, nature: [1], start: 明年}
budget: {unit: 千元, items: 5, annual: [1]}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 人数, target: {x: 1}, kind: 大概}
  - level1: 产出指标
    level1: 效益指标
unknown_field: 1
projct: x
notes: !python/name:os.system
# perflint: disable=budgt-sum -- 理由
# perflint: enable=all
"""


def english_run(perflint, cwd, *args):
    code, out, err = perflint(cwd, "check", "--no-cache", "--lang", "en", "--fail-on", "info", *args)
    assert code in (1, 2), err
    return out, err


@pytest.fixture
def bad(tmp_path):
    write(tmp_path, {"bad.yaml": BAD, "tab.yaml": "kind: declaration\n\tx: 1\n", "dup.yaml": "kind: declaration\nkind: x\n",
                     "multi.yaml": "kind: declaration\n---\nkind: declaration\n", "quote.yaml": "kind: declaration\nx: >=4\n",
                     "coerce.yaml": "kind: declaration\nproject: {name: yes, overview: 2024-01-01}\n"})
    (tmp_path / "gbk.yaml").write_bytes("kind: declaration\n项目: 测试\n".encode("gbk"))
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbfkind: declaration\n")
    return tmp_path


def test_schema_loader_and_suppression_messages(perflint, bad):
    out, _ = english_run(perflint, bad, "--format", "json", "--select", "schema,yaml-*,suppression-*", ".")
    payload = json.loads(out)
    rules = {d["rule"] for d in payload["diagnostics"]}
    assert {"schema", "yaml-tab", "yaml-duplicate-key", "yaml-multi-document", "yaml-syntax", "yaml-coercion",
            "yaml-encoding", "yaml-bom", "yaml-tag", "suppression-invalid"} <= rules, rules
    messages = [d["message"] for d in payload["diagnostics"]]
    assert unglossed_chinese("\n".join(messages)) == []
    assert "Missing required field indicators/1/name (三级指标)." in messages
    assert "kind (文档类型): `\"declaraton\"` is not one of: `declaration`, `self-evaluation`." in messages
    assert "Unknown field `projct`; did you mean `project`?" in messages  # each unknown key, with a suggestion
    assert any(m.startswith("fiscal_year (预算年度) should be integer") for m in messages), messages


@pytest.mark.parametrize("fmt", ["text", "concise", "github", "markdown", "junit"])
def test_the_frame_of_every_report(perflint, bad, fmt):
    """Everything a format adds around the messages (summaries, headings, notes) is English."""
    out, err = english_run(perflint, bad, "--format", fmt, "--select", "schema,yaml-*", ".")
    payload = json.loads(english_run(perflint, bad, "--format", "json", "--select", "schema,yaml-*", ".")[0])
    for d in payload["diagnostics"]:  # checked above; what is left is the frame (and quoted source lines)
        out = out.replace(d["message"], "")
    frame = [line for line in unglossed_chinese(out + err) if not re.match(r"\s*\d+ \|", line)]
    assert frame == [], frame


def test_usage_messages_and_statistics(perflint, bad, tmp_path):
    out, err = english_run(perflint, bad, "--statistics", "--select", "schema,yaml-*", ".")
    assert unglossed_chinese(out + err) == []
    write(tmp_path, {"empty/.keep": ""})
    _, err = english_run(perflint, tmp_path, "empty")
    assert "nothing to check" in err and unglossed_chinese(err) == []


# --- the rules' English text: messages on real files and examples, explain pages, every literal ---------


def test_the_english_text_check():
    for good in ('"项目数量" has target "≥50个" (write “≥50个”, or `50个`)', "Add one under timeliness (时效指标).",
                 "under outputs › quantity (产出指标 › 数量指标), the rater's 'x'", "the people served (服务对象、受益群众)"):
        assert unglossed_chinese(good) == [], good
    for bad in ("600,000 元", "says 提升", "a value (≥2000人)", "(时效指标) first", "write ≥X元", "the target (≥5个)",
                "under 产出指标 (outputs)", "(under 产出指标, as “数量指标”)", "the project's 提升 'x'", "a ＞ b"):
        assert unglossed_chinese(bad) == [bad], bad


def _bundled() -> dict:
    from conftest import DECLARATIONS, ROOT

    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted(DECLARATIONS.rglob("*.yaml"))}


BUNDLED = _bundled()


def _messages(rule) -> list[tuple[str, str]]:
    """(where, English text) of every message ``rule`` gives on the bundled declarations and
    self-evaluations and on its own failing examples, related locations' messages included."""
    from conftest import lint_set, lint_text

    runs = [("declarations", lint_set(BUNDLED, select=[rule.id]))]
    for i, example in enumerate(rule.examples):
        if not example.fails:
            continue
        rules = {rule.id: dict(example.options)} if example.options else None
        if any(k.startswith("cross-file:") for k in rule.kinds):
            first, *others = example.yaml.split("---\n")
            texts = {"example/b.yaml": first, **{f"example/a{n}.yaml": doc for n, doc in enumerate(others)}}
            runs.append((f"example {i}", lint_set(texts, select=[rule.id], rules=rules)))
        else:
            runs.append((f"example {i}", {"t.yaml": lint_text(example.yaml, select=[rule.id], rules=rules)}))
    out = []
    for where, results in runs:
        for path, found in results.items():
            for d in found:
                out.append((f"{where}: {path}", d.message.en))
                out += [(f"{where}: {path} (related)", r.message.en) for r in d.related if r.message]
    return out


def _rules():
    from perflint.engine.registry import all_rules

    return sorted(all_rules().values(), key=lambda r: r.id)


@pytest.mark.parametrize("rule", [r for r in _rules() if r.check], ids=lambda r: r.id)
def test_rule_messages_in_english(rule):
    messages = _messages(rule)
    if any(e.fails for e in rule.examples):
        assert messages, f"{rule.id}: its failing examples gave no message"
    bad = sorted({f"{text}    [{where}]" for where, text in messages if unglossed_chinese(text)})
    assert bad == [], "\n".join(bad)


@pytest.mark.parametrize("rule", _rules(), ids=lambda r: r.id)
def test_explain_page_in_english(rule):
    """`perflint explain RULE --lang en`: everything but the YAML examples (the documents' own text)."""
    from perflint.cli.info import render_explain

    page = re.sub(r"^```yaml\n.*?^```$", "", render_explain(rule, "en"), flags=re.S | re.M)
    assert unglossed_chinese(page) == []


def _english_literals(path):
    """The English text of each finding(), msg() and Message() call in a module and of each (中文, English)
    pair of strings, as written: an f-string's placeholders read as `x`, both sides of a conditional."""
    import ast

    def texts(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.JoinedStr):
            parts = [[]]
            for v in node.values:
                parts = [p + [s] for p in parts for s in (texts(v) if isinstance(v, ast.Constant) else ["x"])]
            return ["".join(p) for p in parts]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return [a + b for a in texts(node.left) for b in texts(node.right)]
        if isinstance(node, ast.IfExp):
            return texts(node.body) + texts(node.orelse)
        return []

    position = {"finding": 2, "msg": 1, "Message": 1}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Tuple) and len(node.elts) == 2:
            zh, en = texts(node.elts[0]), texts(node.elts[1])
            if any(CJK.search(t) for t in zh) and all(re.search(r"[A-Za-z]{3}", t) for t in en) and en:
                for text in en:
                    yield node.lineno, text
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name in position and len(node.args) > position[name]:
                for text in texts(node.args[position[name]]):
                    yield node.lineno, text


PACKAGE = Path(__file__).resolve().parents[1] / "perflint"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_every_english_literal(path):
    """Branches the bundled files and the examples do not reach: the English as written in the source, in
    the rules and in the model and engine that lend them labels."""
    bad = [f"{path.name}:{line}: {text}" for line, text in _english_literals(path) if unglossed_chinese(text)]
    assert bad == [], "\n".join(bad)


def test_the_literal_scan_finds_what_it_should(tmp_path):
    source = tmp_path / "rule.py"
    source.write_text('''
yield finding("/a", f"金额 {x} 元", f"The amount is {x} 元" if y else "ok")
summary = msg("摘要", "A summary with 提升")
zh, en = ("期限", "the deadline (期限)")
pair = ("一次性", "经常性")
''', encoding="utf-8")
    found = sorted(text for _, text in _english_literals(source))
    assert found == ["A summary with 提升", "The amount is x 元", "ok", "the deadline (期限)"]
    assert [t for t in found if unglossed_chinese(t)] == ["A summary with 提升", "The amount is x 元"]
