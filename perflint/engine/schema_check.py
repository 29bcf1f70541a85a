"""JSON Schema validation worded for the person filling the form, plus YAML coercion checks."""
from __future__ import annotations

import datetime
import difflib
import json
import re
from functools import lru_cache
from importlib import resources

from perflint.core.diagnostic import Finding, Message
from perflint.loading import messages as LM
from perflint.loading.sourcemap import join, set_at
from perflint.loading.sourcemap import tokens as pointer_tokens
from perflint.model import vocabulary as V

_TYPE_ZH = {"string": "文本", "number": "数字", "integer": "整数", "boolean": "是/否（true/false）",
            "object": "字段组（映射）", "array": "列表", "null": "空"}


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads((resources.files("perflint.schemas") / "declaration.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


def fast_validator():
    """fastjsonschema turns the schema into Python code: ~15× faster than jsonschema on valid files,
    which are nearly all of them. It stops at the first error, so invalid files go to jsonschema for
    the complete, worded list. The code is generated once into _schema_validator.py (compiling it
    at start-up would cost more than linting a file); a test keeps it in step with the schema."""
    from perflint.engine._schema_validator import validate

    return validate


def generate_fast_validator() -> str:
    """The source of _schema_validator.py: `python -m perflint.engine.schema_check > …`."""
    import copy

    import fastjsonschema

    digest = schema_digest()
    code = fastjsonschema.compile_to_code(copy.deepcopy(schema()), use_formats=False, use_default=False)
    name = code[code.index("def validate_") + 4: code.index("(data")]
    # "…[{x}]".format(**locals()) builds a dict of every local per list item, valid or not: an f-string
    # names the one it needs
    code = _FORMAT_LOCALS.sub(r'f"\1"', code)
    return ("# Generated from schema/declaration.schema.json by `python -m perflint.engine.schema_check`.\n"
            f"# Do not edit; tests/test_schema.py checks that it is current.\n# schema sha256: {digest}\n"
            f"{code}\n\nvalidate = {name}\n")


_FORMAT_LOCALS = re.compile(r'"((?:[^"\\{}]|\{[A-Za-z_]\w*\})*)"\.format\(\*\*locals\(\)\)')


def schema_digest() -> str:
    import hashlib

    return hashlib.sha256(json.dumps(schema(), sort_keys=True).encode()).hexdigest()


def _subschema(pointer_tokens, root=None):
    """The schema node describing the value at a pointer (following $ref, items, properties)."""
    s = root or schema()
    for tok in pointer_tokens:
        s = _resolve(s)
        if s.get("type") == "array" or "items" in s:
            s = s.get("items", {})
        else:
            s = s.get("properties", {}).get(tok)
            if s is None:
                return None
    return _resolve(s)


def _resolve(s):
    while isinstance(s, dict) and "$ref" in s:
        name = s["$ref"].rsplit("/", 1)[-1]
        s = schema()["$defs"][name]
    return s


def _title(tokens) -> Message:
    """A field as each language names it: 项目名称（project/name）, project/name (项目名称)."""
    s = _subschema(tokens)
    title = s.get("title") if s else None
    path = "/".join(tokens)
    if not path:
        return Message("（整个文档）", "(the document)")
    if not title:
        return Message(path, path)
    zh, _, en = str(title).partition(" / ")  # a bilingual title: the Chinese half in parentheses
    return Message(f"{zh}（{path}）", f"{path} ({zh})")


def check(data) -> list[Finding]:
    from fastjsonschema import JsonSchemaException

    try:
        fast_validator()(data)
        return []
    except JsonSchemaException:
        out = []
        for err in validator().iter_errors(data):
            if err.validator == "additionalProperties" and isinstance(err.instance, dict):
                out += _unknown_fields(err)  # one finding per unknown key, each with its suggestion
            else:
                out.append(_finding(err))
        return out


def _unknown_fields(err) -> list[Finding]:
    tokens = [str(t) for t in err.absolute_path]
    pointer = "".join(join("", t) for t in tokens)
    allowed = sorted((_subschema(tokens) or {}).get("properties", {}))
    out = []
    for extra in (k for k in err.instance if k not in allowed):
        near = difflib.get_close_matches(str(extra), allowed, n=1)
        hint_zh = f"，是否应为 `{near[0]}`？" if near else f"。可用字段：{', '.join(allowed)}。"
        hint_en = f"; did you mean `{near[0]}`?" if near else f". Known fields: {', '.join(allowed)}."
        out.append(Finding(join(pointer, extra), Message(f"未知字段 `{extra}`{hint_zh}", f"Unknown field `{extra}`{hint_en}"),
                           on_key=True))
    return out


def _finding(err) -> Finding:
    tokens = [str(t) for t in err.absolute_path]
    pointer = "".join(join("", t) for t in tokens)
    v = err.validator
    where = _title(tokens)
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else "?"
        child = _title(tokens + [missing])
        return Finding(pointer, Message(f"缺少必填字段 {child.zh}。", f"Missing required field {child.en}."), on_key=bool(tokens))
    if v == "type":
        types = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        zh = " 或 ".join(_TYPE_ZH.get(t, t) for t in types)
        return Finding(pointer, Message(f"{where.zh} 应为{zh}，实际是 `{_show(err.instance)}`。",
                                        f"{where.en} should be {' or '.join(types)}, not `{_show(err.instance)}`."))
    if v in ("enum", "const"):
        allowed = err.validator_value if v == "enum" else [err.validator_value]
        choices = "、".join(str(a) for a in allowed)
        listed = ", ".join(f"`{a}`" for a in allowed)
        return Finding(pointer, Message(f"{where.zh} 的值 `{_show(err.instance)}` 无效，应为：{choices}。",
                                        f"{where.en}: `{_show(err.instance)}` is not one of: {listed}."))
    if v in ("minimum", "maximum"):
        return Finding(pointer, Message(f"{where.zh} 的值 {err.instance} 超出范围。", f"{where.en}: {err.instance} is out of range."))
    return Finding(pointer, Message(f"{where.zh}：{err.message}", f"{where.en}: {err.message}"))


def _show(value) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "…"


@lru_cache(maxsize=512)
def _expects_text(tokens: tuple) -> bool:
    s = _subschema(list(tokens))
    if not s or s.get("format") == "date":
        return False
    t = s.get("type")
    return t == "string" or (isinstance(t, list) and "string" in t and "number" not in t and "integer" not in t
                             and "boolean" not in t)


def coercions(data, scalars: dict[str, tuple[str, str]]) -> list[Finding]:
    """Plain scalars YAML resolved to a non-text type in a text field: keep the text the author wrote
    in ``data`` (so rules see what was meant), and report those whose meaning changed."""
    out = []
    for pointer, (kind, raw) in scalars.items():
        tokens = tuple("*" if t.isdigit() else t for t in pointer_tokens(pointer))
        if not _expects_text(tokens):
            continue
        set_at(data, pointer, raw)
        becomes = _becomes(kind, raw)
        if becomes and not (kind == "timestamp" and tokens in V.DATE_TEXT_FIELDS and _is_iso_date(raw)):
            out.append(Finding(pointer, LM.coercion(raw, becomes), value=raw, fix=raw))
    return out


def _is_iso_date(raw: str) -> bool:
    try:
        return datetime.date.fromisoformat(raw).isoformat() == raw
    except ValueError:
        return False


def _becomes(kind: str, raw: str) -> str | None:
    """What YAML turns ``raw`` into, when that differs from the text: None when nothing is lost."""
    if kind == "bool":
        return "true" if raw.lower() in V.YAML_TRUE else "false"
    if kind == "timestamp":
        return f"date {raw}"
    if kind == "float":
        try:
            value = float(raw.replace("_", ""))
        except ValueError:
            return None
        return None if repr(value) == raw or raw in (repr(int(value)) if value.is_integer() else "",) else repr(value)
    if kind == "int":
        from perflint.loading.loader import _parse_int

        value = str(_parse_int(raw))
        return None if value == raw else value
    return None


if __name__ == "__main__":
    print(generate_fast_validator(), end="")
