"""Bytes → Document. Parses with libyaml's composer so every node keeps its marks.

Nothing here constructs Python objects from tags: the node tree is converted by hand, so
``!!python/…`` and custom tags are refused, aliases are expanded under a budget, and every
problem becomes a finding with a location instead of an exception.
"""
from __future__ import annotations

import datetime
import gc
import re
from decimal import Decimal, InvalidOperation

import yaml

from perflint.core.diagnostic import Finding, Span
from perflint.loading import messages as M
from perflint.loading.document import Document, LoadProblem
from perflint.loading.files import MAX_BYTES
from perflint.loading.sourcemap import SourceMap, join, node_span
from perflint.model import vocabulary as V

try:  # libyaml is 10-25× faster; the pure-Python loader is the fallback only where it is missing
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _SafeLoader

# The YAML 1.1 implicit types (int, float, bool, null, timestamp), keyed by first character.
_IMPLICIT = _SafeLoader.yaml_implicit_resolvers


_TAG = "tag:yaml.org,2002:"
_PLAIN = "tag:perflint,2026:plain"  # an untagged plain scalar, typed by the converter


class _Loader(_SafeLoader):
    """Composes without PyYAML's Python-level tag resolution: untagged plain scalars get a private tag
    and the converter resolves their implicit type itself, only for scalars whose first character
    can start one (most values here are Chinese text). An explicit tag (`!!str 2024`) is kept."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else _TAG + "str"
        return _TAG + ("seq" if kind is yaml.SequenceNode else "map")

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass

MAX_NODES = 100_000  # after alias expansion: bounds alias bombs in time and memory
MAX_DEPTH = 64
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary", "merge")
} | {"tag:perflint,2026:plain"}
_NESTING_CHARS = ("[", "{", "- ")




def _mark_span(mark, width: int = 1) -> Span:
    return Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 1 + width)


class _Budget(Exception):
    pass


def decode(raw: bytes, problems: list[LoadProblem]) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and (raw[0] == 0 or raw[1] == 0)):
        problems.append(_problem("yaml-encoding", "", M.UTF16, Span(1, 1, 1, 2)))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(_problem("yaml-bom", "", M.BOM, Span(1, 1, 1, 2)))
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        problems.append(_problem("yaml-encoding", "", M.not_utf8(exc.start), Span(line, col, line, col + 1)))
        return None


def _problem(rule, pointer, message, span=None, on_key=False, value=None) -> LoadProblem:
    return LoadProblem(rule, Finding(pointer, message, on_key=on_key, value=value), span)


def _parser_bounds_nesting() -> bool:
    """libyaml 0.2.5 and later refuse nesting deeper than 1,000 levels themselves."""
    try:
        yaml.compose("[" * 1100 + "]" * 1100, Loader=_Loader)
    except yaml.YAMLError as exc:
        return "nesting depth" in str(getattr(exc, "problem", exc))
    except RecursionError:
        return False
    return False


_BOUNDED = _parser_bounds_nesting()


def _nesting_too_deep(text: str) -> tuple[int, int] | None:
    """An older libyaml (or the pure-Python parser) recurses without a bound: find excessive nesting
    before it can overflow the stack. With a parser that bounds it, nothing to do (no second parse)."""
    if _BOUNDED or sum(text.count(c) for c in _NESTING_CHARS) < 2000:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1, event.start_mark.column + 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return None


def load(path: str, raw: bytes) -> Document:
    problems: list[LoadProblem] = []
    smap = SourceMap()
    if len(raw) > MAX_BYTES:
        problems.append(_problem("yaml-too-large", "", M.too_large(len(raw), MAX_BYTES), Span(1, 1, 1, 1)))
        return Document(path, "", None, smap, problems)
    text = decode(raw, problems)
    if text is None:
        return Document(path, "", None, smap, problems)
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        problems.append(_problem("yaml-empty", "", M.EMPTY, Span(1, 1, 1, 1)))
        return Document(path, text, None, smap, problems)
    # Composing creates no reference cycles, yet on a large file the collector would rescan the
    # growing node tree again and again (3.4 s instead of 0.4 s for 20,000 indicators).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _compose(path, text, problems, smap)
    finally:
        if collecting:
            gc.enable()


def _compose(path: str, text: str, problems: list[LoadProblem], smap: SourceMap) -> Document:
    try:
        deep = _nesting_too_deep(text)
        if deep:
            problems.append(_problem("yaml-too-complex", "", M.too_deep(MAX_DEPTH), Span(*deep, deep[0], deep[1] + 1)))
            return Document(path, text, None, smap, problems)
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem):  # newer libyaml bounds nesting itself
            mark = exc.problem_mark
            problems.append(_problem("yaml-too-complex", "", M.too_deep(MAX_DEPTH), _mark_span(mark) if mark else None))
            return Document(path, text, None, smap, problems)
        problems.append(_syntax_problem(text, exc))
        return Document(path, text, None, smap, problems)
    except yaml.YAMLError as exc:  # unmarked reader errors (control characters)
        problems.append(_problem("yaml-syntax", "", M.syntax(str(exc), None), Span(1, 1, 1, 1)))
        return Document(path, text, None, smap, problems)
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        problems.append(_problem("yaml-empty", "", M.EMPTY, Span(1, 1, 1, 1)))
        return Document(path, text, None, smap, problems)
    if len(nodes) > 1:
        problems.append(_problem("yaml-multi-document", "", M.multi_doc(len(nodes)), node_span(nodes[1])))
    smap.root = nodes[0]
    converter = _Converter(problems)
    before = len(problems)
    try:
        data = converter.convert(nodes[0], "", None, 0)
    except _Budget as exc:
        problems.append(_problem("yaml-too-complex", "", exc.args[0], exc.args[1]))
        return Document(path, text, None, smap, problems)
    if data is None and len(problems) == before:
        # `---` alone, after a `%YAML` directive or not, or a bare `~`: a document with nothing in it
        problems.insert(0, _problem("yaml-empty", "", M.EMPTY, node_span(nodes[0])))
    return Document(path, text, data, smap, problems, converter.scalars)


def _syntax_problem(text: str, exc: yaml.MarkedYAMLError) -> LoadProblem:
    mark = exc.problem_mark or exc.context_mark
    lines = text.splitlines()
    line_text = lines[mark.line] if mark and mark.line < len(lines) else ""
    char = line_text[mark.column] if mark and mark.column < len(line_text) else ""
    span = _mark_span(mark) if mark else Span(1, 1, 1, 1)
    if char == "\t" or (line_text[: mark.column + 1].strip(" ") == "\t" if mark else False):
        return _problem("yaml-tab", "", M.TAB, span)
    hint = _INDICATOR_START.search(line_text)
    if hint and mark and hint.start(1) <= mark.column:
        # point at the character that made the value special, where the fix goes
        span = Span(mark.line + 1, hint.start(1) + 1, mark.line + 1, hint.start(1) + 2)
        return _problem("yaml-syntax", "", M.syntax(exc.problem or "", M.quote_hint(hint.group(1))), span)
    return _problem("yaml-syntax", "", M.syntax(exc.problem or exc.context or "", None), span)


_INDICATOR_START = re.compile(r":\s+([>|%@`!&*])")


class _Converter:
    """Composed nodes → plain Python data with exact numbers.

    A node's JSON Pointer is built only when something needs it (a collection's children, a typed
    scalar, a problem): most nodes are text scalars, and building pointers for them cost more than
    the rest of the conversion."""

    def __init__(self, problems: list[LoadProblem]):
        self.problems = problems
        self.count = 0
        self.scalars: dict[str, tuple[str, str]] = {}  # pointer → (tag, raw) of non-str plain scalars

    def convert(self, node, parent: str, token, depth: int):
        self.count += 1
        if self.count > MAX_NODES:
            raise _Budget(M.too_many_nodes(MAX_NODES), node_span(node))
        tag = node.tag
        if tag == _PLAIN:  # the common case first: untagged text
            raw = node.value
            resolvers = _IMPLICIT.get(raw[:1])
            return self._implicit(raw, resolvers, parent, token) if resolvers else raw
        if depth > MAX_DEPTH:
            raise _Budget(M.too_deep(MAX_DEPTH), node_span(node))
        pointer = parent if token is None else join(parent, token)
        if tag not in _STANDARD_TAGS and tag not in ("!", "?"):
            self.problems.append(_problem("yaml-tag", pointer, M.custom_tag(tag), node_span(node)))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, pointer, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, pointer, i, depth + 1) for i, item in enumerate(node.value)]
        if tag in (_TAG + "str", "!"):
            return node.value
        return self._typed(tag[len(_TAG):], node.value, pointer)  # an explicit standard tag: `!!int 5`

    def _implicit(self, raw, resolvers, parent, token):
        for implicit_tag, regexp in resolvers:
            if regexp.match(raw):
                return self._typed(implicit_tag[len(_TAG):], raw, join(parent, token))
        return raw

    def _mapping(self, node, pointer, depth):
        out: dict = {}
        first_keys: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key == "<<" and key_node.tag in (_TAG + "merge", _PLAIN):
                self.problems.append(_problem("yaml-tag", pointer, M.MERGE_KEY, node_span(key_node)))
                continue
            if key is None:
                self.problems.append(_problem("yaml-syntax", pointer, M.complex_key(), node_span(key_node)))
                continue
            if key in first_keys:
                first = first_keys[key].start_mark.line + 1
                self.problems.append(_problem("yaml-duplicate-key", join(pointer, key), M.duplicate_key(key, first),
                                              node_span(key_node), value=key))
                continue
            first_keys[key] = key_node
            out[key] = self.convert(value_node, pointer, key, depth + 1)
        return out

    def _typed(self, kind, raw, pointer):
        if kind == "null":
            return None
        self.scalars[pointer] = (kind, raw)
        if kind == "bool":
            return raw.lower() in V.YAML_TRUE
        if kind == "int":
            return _parse_int(raw)
        if kind == "float":
            try:
                number = Decimal(raw.replace("_", ""))
            except InvalidOperation:  # .inf / .nan
                return raw
            # 1.0e+999999999 is no amount; kept as text, it cannot overflow the rules' arithmetic
            return number if not number or abs(number.adjusted()) <= 999 else raw
        if kind == "timestamp":
            try:
                return datetime.date.fromisoformat(raw).isoformat()
            except ValueError:
                return raw
        return raw


_TOO_BIG = 10 ** 1000  # as for floats: no amount or count has a thousand digits


def _parse_int(raw: str):
    """The int a YAML 1.1 integer stands for; its text when it has a thousand digits or more, so
    that no rule or output turns it back into text (Python refuses past 4,300 digits) or multiplies it."""
    text = raw.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("+-")
    if len(body) > 4000:
        return raw  # int() would refuse or take long; 0x/0b with this many digits is as big
    try:
        if body.startswith("0x"):
            number = sign * int(body[2:], 16)
        elif body.startswith("0b"):
            number = sign * int(body[2:], 2)
        elif len(body) > 1 and body.startswith("0") and body.isdigit():
            number = sign * int(body, 8)  # YAML 1.1 octal: reported as a coercion
        else:
            number = int(text)
    except ValueError:
        return raw
    return raw if abs(number) >= _TOO_BIG else number
