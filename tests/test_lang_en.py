"""`--lang en` carries no Chinese except quoted values and field names in parentheses: in schema
and loader messages, suppression messages, summaries and the frame of every report."""
import json
import re

import pytest

from conftest import write

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")
QUOTED = [r"`[^`\n]*`", r'"[^"\n]*"', r"“[^”\n]*”", r"'[^'\n]*'", r"（[^（）\n]*）", r"\([^()\n]*\)"]

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


def unquoted_chinese(text: str) -> list[str]:
    for pattern in QUOTED:
        text = re.sub(pattern, "", text)
    return [line for line in text.splitlines() if CJK.search(line)]


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
    assert unquoted_chinese("\n".join(messages)) == []
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
    frame = [line for line in unquoted_chinese(out + err) if not re.match(r"\s*\d+ \|", line)]
    assert frame == [], frame


def test_usage_messages_and_statistics(perflint, bad, tmp_path):
    out, err = english_run(perflint, bad, "--statistics", "--select", "schema,yaml-*", ".")
    assert unquoted_chinese(out + err) == []
    write(tmp_path, {"empty/.keep": ""})
    _, err = english_run(perflint, tmp_path, "empty")
    assert "nothing to check" in err and unquoted_chinese(err) == []
