"""JUnit XML for CI test-report views: a test suite per file, a test case per finding.

A finding at or above `--fail-on` (what makes the run fail) is a failing test case; one below it
passes, its message in system-out, so that the report's failures are the run's. A file without
findings gets one passing test case, so every checked file shows up; a suppressed finding is a
skipped test case carrying its justification.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from perflint.output.common import related_lines
from perflint.output.escape import visible

# visible() also removes every character XML 1.0 cannot carry at all, even escaped
_clean = visible


def render(report) -> str:
    root = ET.Element("testsuites", name="perflint")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for f in report.files:
        suite = ET.SubElement(root, "testsuite", name=_clean(f.path))
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        for d in f.diagnostics:
            case = _case(suite, d, f.path)
            counts["tests"] += 1
            message = _clean(d.message.text(report.lang))
            line = f"{_clean(d.file)}:{d.line}:{d.column}: {d.severity} [{d.rule}] {message}"
            if d.suppressed:
                ET.SubElement(case, "skipped", message=_clean(d.suppressed))
                counts["skipped"] += 1
            elif d.severity >= report.fail_on:
                failure = ET.SubElement(case, "failure", message=message, type=d.rule)
                failure.text = "\n".join([line, *related_lines(d, report.lang)])
                counts["failures"] += 1
            else:  # reported, but not what fails the run
                ET.SubElement(case, "system-out").text = line
        if not f.active:
            ET.SubElement(suite, "testcase", name="perflint", classname=_clean(f.path), time="0")
            counts["tests"] += 1
        suite.attrib.update({k: str(v) for k, v in counts.items()}, errors="0", time="0")
        for k in totals:
            totals[k] += counts[k]
    root.attrib.update({k: str(v) for k, v in totals.items()}, errors="0", time="0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _case(suite, d, path: str):
    where = d.pointer or f"{d.line}:{d.column}"
    return ET.SubElement(suite, "testcase", name=_clean(f"{d.rule} {where}"), classname=_clean(path), time="0")
