"""What a YAML file is, read cheaply: the value of its top-level `kind:` key, without parsing it.

In block style a top-level key starts at column 0, and nothing else does but comments, directives
and document markers (a block scalar, a continued plain scalar or a nested mapping is indented), so
one regular expression over the bytes finds it: a docker-compose.yml, an mkdocs.yml or a workflow
is passed over without being parsed. Only a file whose top level is a flow mapping (`{kind: …}`)
and that mentions `kind` at all is parsed to find out.
"""
from __future__ import annotations

import difflib
import re

import yaml

_KIND_LINE = re.compile(rb"""^(?:kind|"kind"|'kind')[ \t]*:(?:[ \t]+([^\r\n]*))?""", re.M)
_PROPERTY = re.compile(r"^(?:[!&][^\s]*\s+)+")  # a tag or an anchor before the value
_NEAR = 0.88  # `Declaration`, `declaraton`, `self_evaluation` read as meant; `Decoration` does not


def top_level_kind(raw: bytes) -> str | None:
    """The text of the top-level `kind:` value, or None when there is none."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark: read it to tell
        try:
            raw = raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return None
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    m = _KIND_LINE.search(raw)
    if m:
        return _scalar((m.group(1) or b"").decode("utf-8", "replace"))
    if b"kind" in raw and _starts_flow_mapping(raw):
        return _flow_kind(raw)
    return None


def _starts_flow_mapping(raw: bytes) -> bool:
    """Whether the first thing after comments, directives and `---` is a `{` (one pass, no pattern
    that could backtrack over blank lines)."""
    for line in raw.splitlines():
        text = line.strip()
        if not text or text.startswith((b"#", b"%")):
            continue
        if text.startswith(b"---"):
            text = text[3:].lstrip()
            if not text or text.startswith(b"#"):
                continue
        return text.startswith(b"{")
    return False


def _scalar(text: str) -> str:
    text = _PROPERTY.sub("", text.strip())
    if text[:1] in ("'", '"'):
        end = text.find(text[0], 1)
        return text[1:end] if end > 0 else text[1:]
    return re.split(r"\s+#", text, maxsplit=1)[0].strip()


def _flow_kind(raw: bytes) -> str | None:
    try:
        node = yaml.compose(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(node, yaml.MappingNode):
        return None
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "kind" and isinstance(value, yaml.ScalarNode):
            return value.value
    return None


def known_kind(value: str | None, kinds) -> bool:
    """Whether ``value`` names one of ``kinds``, or nearly (a different case, a typo): such a file is
    checked, so that the schema check reports the spelling instead of the file being passed over."""
    if not value:
        return False
    value = value.strip().lower()
    return value in kinds or bool(difflib.get_close_matches(value, list(kinds), n=1, cutoff=_NEAR))


def document_kinds() -> frozenset[str]:
    """The kinds perflint checks: those the schema allows and those any rule applies to."""
    from perflint.engine.registry import all_rules
    from perflint.engine.schema_check import schema

    kinds = set(schema().get("properties", {}).get("kind", {}).get("enum", ()))
    for rule in all_rules().values():
        kinds.update(rule.kinds)
    return frozenset(kinds)
