"""Imported declarations as YAML people edit, written with ruamel.yaml: the schema modeline, keys in
the order of the format, each value's source cell as a comment, long texts as blocks.

Text is quoted wherever a YAML 1.1 reader (PyYAML, which perflint and most tools use) would read it
as something else — ``yes``, ``2019-1-1``, ``1:30`` — and the file is read back and compared before
it is written: what is written reads as exactly the data imported.
"""
from __future__ import annotations

import datetime
import io
import re
from decimal import Decimal

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import LiteralScalarString

from perflint.forms import fields as F

_BREAKS = re.compile(r"[\r\n\x85\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PLAIN_RESOLVER = yaml.resolver.Resolver()


class WriteError(ValueError):
    pass


def comment_text(text: str) -> str:
    """One line of comment, whatever the text: a sheet name or a cell's content cannot start a key."""
    return _CONTROL.sub(" ", _BREAKS.sub(" ⏎ ", str(text))).strip()


class _Representer(RoundTripRepresenter):
    pass


def _str(representer, data: str):
    if "\n" in data:  # a block where the emitter allows one (it falls back to quotes where not)
        return representer.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    if data and _PLAIN_RESOLVER.resolve(yaml.ScalarNode, data, (True, False)) != "tag:yaml.org,2002:str":
        return representer.represent_scalar("tag:yaml.org,2002:str", data, style="'")
    return representer.represent_str(data)


def _decimal(representer, data: Decimal):
    text = format(data, "f")
    if "." not in text:
        text += ".0"
    return representer.represent_scalar("tag:yaml.org,2002:float", text)


_Representer.add_representer(str, _str)
_Representer.add_representer(LiteralScalarString, _str)
_Representer.add_representer(Decimal, _decimal)


def _yaml() -> YAML:
    y = YAML()
    y.Representer = _Representer
    y.width = 4096  # one value per line, as the bundled declarations are written
    y.indent(mapping=2, sequence=4, offset=2)
    y.allow_unicode = True
    return y


def to_yaml(data: dict, sources: dict[str, str], header: list[str], footer: list[str], modeline: str) -> str:
    """The YAML text. ``sources`` maps pointers to their cells (comments); ``header`` and ``footer``
    are comment lines (what was read from where, what could not be placed)."""
    tree = _commented(data, "", sources)
    lines = [f"# yaml-language-server: $schema={modeline}"] + [f"# {comment_text(h)}" for h in header]
    tree.yaml_set_start_comment("\n".join(line[2:] for line in lines))
    out = io.StringIO()
    _yaml().dump(tree, out)
    text = out.getvalue()
    if footer:
        text += "".join(f"# {comment_text(f)}\n" for f in footer)
    check(text, data)
    return text


def _commented(node, pointer: str, sources):
    if isinstance(node, dict):
        out = CommentedMap()
        parent = F.pattern_of(pointer)
        for key in sorted(node, key=lambda k: F.order_key(parent, k)):
            child = f"{pointer}/{_escape(key)}"
            out[key] = _commented(node[key], child, sources)
            where = sources.get(child)
            if where and not isinstance(node[key], (dict, list)):
                out.yaml_add_eol_comment(comment_text(where), key)
        return out
    if isinstance(node, list):
        seq = CommentedSeq()
        for i, item in enumerate(node):
            seq.append(_commented(item, f"{pointer}/{i}", sources))
        return seq
    return node


def _escape(token) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def check(text: str, data: dict) -> None:
    """The text must read back as ``data`` (under yaml.safe_load, as other tools read it)."""
    try:
        back = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # safe_load, in C
    except yaml.YAMLError as exc:
        raise WriteError(f"the YAML written does not read back: {exc}") from None
    if _plain(back) != _plain(data):
        raise WriteError("the YAML written does not read back as the data imported")


def _plain(node):
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, Decimal):
        return float(node)
    if isinstance(node, datetime.datetime) or isinstance(node, datetime.date):
        return node
    return node
