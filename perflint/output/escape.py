"""One escaping function for every human-facing output, and its variants per medium.

Everything a report shows comes from the linted tree (values, names, file names): a pull request
controls it. Shown raw, a newline starts a GitHub workflow command (`::error …`), ESC and OSC
sequences drive the terminal, bidi overrides reorder what a reviewer reads and U+2028 breaks lines
in editors. ``visible`` turns each such character into a visible escape (``\\n``, ``\\x1b``,
``\\u202e``), so the text stays readable and says exactly what the file holds.
"""
from __future__ import annotations

import re

# C0 and C1 controls, DEL, line and paragraph separators, bidi controls (embeddings, overrides,
# isolates, marks), zero-width and invisible formatting characters, the BOM, lone surrogates
# (file names that are not UTF-8, kept by Python as surrogate escapes) and non-characters.
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb\ud800-\udfff\ufffe\uffff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# GitHub Actions runs `##[command]` found anywhere in a log line (its legacy syntax) and
# `::command::` at the start of a line after any whitespace; Azure Pipelines runs `##vso[command]`
# anywhere in a line, TeamCity `##teamcity[message]`: `##`, a word, `[` is broken wherever it is.
_LEGACY_COMMAND = re.compile(r"(##\w*)\[")


def _escape_char(m: re.Match) -> str:
    ch = m.group()
    named = _NAMED.get(ch)
    if named:
        return named
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text) -> str:
    """``text`` on one line, with every control, bidi, separator and invisible character shown as an
    escape, and the workflow-command syntax of GitHub Actions broken wherever it appears."""
    text = _INVISIBLE.sub(_escape_char, str(text))
    if "##" in text:
        text = _LEGACY_COMMAND.sub(r"\1\\[", text)
    return text


def line_start(path) -> str:
    """``visible`` for a file name that begins an output line: it can never start a workflow command
    (which GitHub looks for after any leading whitespace); `./` keeps it the same path."""
    text = visible(path)
    if text[:1].isspace() or text.startswith("::"):
        return "./" + text
    return text


def display_path(path: str) -> str:
    """A file name as it can be shown and stored as UTF-8: bytes that are not UTF-8 (surrogate
    escapes) become ``\\xNN``, and so does everything ``visible`` escapes."""
    return visible(path)


# Characters that could start emphasis, code, links, HTML, a table cell, math, a mention or an issue link.
_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]<>|~@#&$!])")


def markdown(text) -> str:
    """Input text as literal Markdown on one line, safe inside a table cell."""
    return _MARKDOWN_ACTIVE.sub(r"\\\1", visible(text))


def workflow_data(text) -> str:
    """The message part of a GitHub workflow command (after `::`): visible, then percent-encoded."""
    return visible(text).replace("%", "%25")


def workflow_property(text) -> str:
    """A property value of a GitHub workflow command (`file=…,title=…`)."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


# In serialised JSON, `[` after `##` (and a word) is always inside a string: `\\u005b` reads back as the same
# text but can no longer be a workflow command when the JSON is printed into a CI log.
def json_text(serialised: str) -> str:
    """Make serialised JSON (``ensure_ascii=False``) safe to print: lossless, still valid JSON."""
    if "##" in serialised:
        serialised = _LEGACY_COMMAND.sub(r"\1\\u005b", serialised)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", serialised)


# json.dumps escapes C0 controls itself; these it leaves raw (and a lone surrogate cannot be UTF-8).
_JSON_RAW = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")
