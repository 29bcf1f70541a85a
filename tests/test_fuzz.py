"""Issue 9: the bundled declarations, mutated every way a pull request could, never make perflint
fail: no traceback or internal error, exit 0 or 1, valid JSON, and a finding for every file that
is not a readable declaration. Bounded (about a minute at most): PERFLINT_FUZZ_EXAMPLES raises it."""
import json
import os

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DECLARATIONS
from perflint.cli.main import cli

SOURCES = [p.read_bytes() for p in sorted(DECLARATIONS.rglob("*.yaml"))]
TOKENS = [b"&a ", b"*a", b"!!python/object:os.system ", b"!x ", b"<<: *a\n", b"%YAML 1.2\n---\n", b"---\n", b"...\n",
          b"{", b"}", b"[", b"]", b": ", b"- ", b"? ", b"#", b"'", b'"', b"|\n", b">-\n", b"\t", b"\x00", b"\xef\xbb\xbf",
          b"\xff\xfe", b"\r", b"\x1b[31m", "\u202e".encode(), "\u2028".encode(), b"~", b"null", b"1e999", b".nan",
          b"0x1F", b"012", b"2024-13-45", b"yes", b"-1", b"9" * 60, b"\xe4\xb8", "≧".encode(), "１２，３４５".encode(),
          b"  ", b"\n", b"# perflint: disable=", b"::error::x", b"##[error]x"]


@st.composite
def mutated(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(SOURCES)))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["insert", "delete", "replace", "splice", "repeat", "cut"]))
        if op == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif op == "replace":
            data[at:at + 1] = bytes([draw(st.integers(0, 255))])
        elif op == "splice":
            other = draw(st.sampled_from(SOURCES))
            start = draw(st.integers(0, len(other)))
            data[at:at] = other[start:start + draw(st.integers(1, 400))]
        elif op == "repeat":
            data[at:at] = bytes(data[at:at + draw(st.integers(1, 60))]) * draw(st.integers(2, 50))
        else:
            del data[at:]
    return bytes(data)


def is_declaration(raw: bytes) -> bool:
    """Readable at all: UTF-8, one parseable document whose top level is a mapping."""
    try:
        nodes = list(yaml.compose_all(raw.decode("utf-8"), Loader=yaml.CSafeLoader))
    except (UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return False
    return bool(nodes) and isinstance(nodes[0], yaml.MappingNode) and "\ufeff" not in raw.decode("utf-8")[:1]


EXAMPLES = int(os.environ.get("PERFLINT_FUZZ_EXAMPLES", "300"))


@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=bool(os.environ.get("CI")),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(files=st.lists(mutated(), min_size=1, max_size=3))
def test_mutated_declarations(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("fuzz")
    names = []
    for i, raw in enumerate(files):
        (folder / f"f{i}.yaml").write_bytes(raw)
        names.append(f"f{i}.yaml")
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(cli, ["check", "--no-cache", "--jobs", "1", "--format", "json", "--lang", "en", *names])
    finally:
        os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.output
    payload = json.loads(result.stdout)
    assert payload["files"] == names
    rules = {(d["file"], d["rule"]) for d in payload["diagnostics"]}
    assert not [r for r in rules if r[1] == "internal-error"], payload["diagnostics"]
    for name, raw in zip(names, files, strict=True):
        if not is_declaration(raw):
            assert any(f == name for f, _ in rules), (name, raw[:300])
