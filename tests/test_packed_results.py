"""Results that stay packed (from the cache or a worker) answer exactly like results made of objects:
the same findings, the same order when the checks across files add theirs, the same JSON."""
import json
import marshal

import pytest
from test_crossfile import DECL, SELF

from conftest import ROOT
from perflint.config.loader import load_config
from perflint.core.diagnostic import Diagnostic, Message, Related, Severity, Span
from perflint.engine import crossfile
from perflint.engine.runner import FileResult, lint_bytes
from perflint.output import json_format
from perflint.output.escape import json_text
from perflint.output.report import Report

FILES = {"2020/declaration.yaml": DECL.format(target="≥99%").replace("fiscal_year: 2021", "fiscal_year: 2020"),
         "2021/declaration.yaml": DECL.format(target="≥95%"),
         "2021/self-evaluation.yaml": SELF.format(target="≥90%",
                                                  comment="  # perflint: disable=selfeval-target-matches -- 已批复"),
         "bad.yaml": 'kind: declaration\nproject: {name: x}\nfiscal_year: "二〇\\u202e二一\\u0085\\x7f"\n'}


def linted():
    config = load_config(cwd=ROOT / "tests")
    return [lint_bytes(path, text.encode("utf-8"), config) for path, text in FILES.items()], config


def repacked(results):
    """The results as a worker sends them, and as the cache gives them back: packed."""
    return [FileResult.from_blobs(r.path, r.key, *r.blobs()) for r in results]


def reference_json(report) -> str:
    """The JSON contract as json.dumps writes it from Diagnostic.to_json."""
    payload = {"version": __import__("perflint").__version__, "files": [f.path for f in report.files],
               "diagnostics": [d.to_json(report.lang) for d in report.diagnostics], "summary": report.summary()}
    return json_text(json.dumps(payload, ensure_ascii=False)) + "\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_from_packed_rows_is_the_json_of_the_objects(lang):
    results, config = linted()
    results = crossfile.apply(results, config)
    packed = crossfile.apply(repacked(linted()[0]), config)
    assert all(r.packed for r in packed)
    text = json_format.render(Report(packed, lang=lang))
    assert all(r.packed for r in packed)  # rendered without making a single Diagnostic
    assert text == reference_json(Report(results, lang=lang)) == json_format.render(Report(results, lang=lang))
    payload = json.loads(text)
    assert any(d.get("related") for d in payload["diagnostics"]) and payload["summary"]["suppressed"] == 1
    assert "\u202e" not in text and "\\u202e" in text  # escaped like every other output


def test_a_packed_result_gives_back_the_same_findings_and_summary():
    results, _config = linted()
    for original, packed in zip(results, repacked(results), strict=True):
        assert packed.packed and packed.summary_digest == original.summary_digest
        assert packed.summary == original.summary and packed.meta == original.meta
        assert packed.rows == original.rows
        assert packed.diagnostics == original.diagnostics and not packed.packed
        back = FileResult.unpack(original.path, marshal.loads(marshal.dumps(original.pack())))
        assert back.diagnostics == original.diagnostics


def test_findings_added_to_a_packed_result_keep_the_order_of_objects():
    results, _config = linted()
    target = results[2]
    extra = [Diagnostic("yoy-budget-jump", Severity.WARNING, target.path, Span(line, col, line, col + 1), pointer,
                        Message("中", "en"), related=(Related("2021/declaration.yaml", Span(1, 1, 1, 2), "/x"),))
             for line, col, pointer in ((1, 1, "/a"), (12, 13, "/indicators/0/target"), (12, 13, "/a"), (999, 1, "/z"))]
    from perflint.engine.runner import _pack_rows

    objects, packed = results[2], repacked(results)[2]
    expected = sorted(objects.diagnostics + extra, key=Diagnostic.sort_key)
    objects.add_rows(_pack_rows(extra))
    packed.add_rows(_pack_rows(extra))
    assert packed.packed and packed.rows == objects.rows
    assert objects.diagnostics == expected == packed.diagnostics


def test_report_counts_read_from_rows_agree_with_the_objects():
    results, config = linted()
    for files in (crossfile.apply(results, config), crossfile.apply(repacked(linted()[0]), config)):
        report = Report(files)
        by_severity = {str(s): sum(1 for d in report.diagnostics if d.severity == s)
                       for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
        assert report.counts() == by_severity and report.summary()["suppressed"] == len(report.suppressed) == 1
        assert report.worst() == max(d.severity for d in report.diagnostics)
        assert report.internal_error() is False


def test_every_finding_of_a_result_is_in_its_file():
    """The packed rows leave the file out: a result's findings are all in the result's file."""
    results, config = linted()
    for r in crossfile.apply(results, config):
        assert {d.file for d in r.diagnostics} <= {r.path}
