"""perflint speed, measured against a bare libyaml parse of the same files in the same run.

    python bench/bench.py [--files 10000] [--out bench/out]

Generates N declarations from the bundled ones (names, amounts and years varied), then prints
ms per file for: a bare C-loader `yaml.compose`; perflint's full default rule set in-process;
the self-evaluations alone; the pass across files; the CLI cold with --jobs 1 and --jobs 2; the CLI warm
(cache); and one file end to end. Then the cost per file of finding the files (discovery reads each
one's top-level `kind:`) and of rendering each output format from the same results, beside the lint.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


_POOL = "东西南北中甲乙丙丁春夏秋冬金木水火土山河湖海松柏梅兰竹菊星月云霞江淮浦徐闵嘉奉崇杨宝"
_INDICATOR_NAME = re.compile(r"^(\s{4,}(?:- )?name: )(.+)$", re.M)


CORPORA = {
    "all": "declarations",  # the published forms (defect-laden) and the clean examples
    "clean": "declarations/examples",  # what a tree looks like once its findings are fixed
}


_YEAR = re.compile(r"^fiscal_year: (\d+)", re.M)
_UNIT = re.compile(r"^(department|declaring_unit): .*$", re.M)
_PROJECT_NAME = re.compile(r"^(\s+name: ).*$", re.M)  # the first name: is the project's


def generate(out: Path, count: int, corpus: str = "all", seed: int = 7) -> list[Path]:
    """Copies of the bundled declarations with project names, amounts and indicator names varied,
    so that per-name memoisation cannot make the corpus look more repetitive than real ones. Files
    come in pairs of one project (the same department and name), so that the checks across files
    have work: a self-evaluation and a declaration of one year, two declarations of consecutive
    years, or two files of one kind and year (duplicates)."""
    templates = sorted((ROOT / CORPORA[corpus]).rglob("*.yaml"))
    texts = [t.read_text(encoding="utf-8") for t in templates]
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    files = []
    previous = None  # (kind, year) of the first file of the pair
    for i in range(count):
        text = texts[i % len(texts)]
        group = i // 2
        kind = "self-evaluation" if "\nkind: self-evaluation\n" in text else "declaration"
        year = int(_YEAR.search(text).group(1)) if _YEAR.search(text) else 2024
        if i % 2 and previous:
            year = previous[1] + (1 if kind == previous[0] == "declaration" else 0)
            text = _YEAR.sub(f"fiscal_year: {year}", text, count=1)
        previous = (kind, year)
        text = _UNIT.sub(rf"\1: 第{group % 97}单位", text)
        text = _PROJECT_NAME.sub(rf"\g<1>第{group}号项目", text, count=1)
        text = text.replace("amount: ", f"amount: {rng.randint(1, 9)}", 1)
        text = _INDICATOR_NAME.sub(lambda m: m.group(1) + rng.choice(_POOL) + rng.choice(_POOL) + m.group(2), text)
        folder = out / f"unit{i % 50:02}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"decl{i:05}.yaml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def bare_parse(files: list[Path]) -> float:
    loader = yaml.CSafeLoader
    start = time.perf_counter()
    for f in files:
        yaml.compose(f.read_bytes().decode("utf-8"), Loader=loader)
    return time.perf_counter() - start


CORE_RULES = ("budget-sum", "output-quantified", "satisfaction-min", "baseline-required", "fiscal-year-dates")


def perflint_in_process(files: list[Path], select=None, across: list | None = None) -> float:
    """Seconds to lint ``files`` in-process; with ``across`` (a list), the seconds of the pass across
    files over the results are appended to it."""
    from perflint.config.loader import load_config
    from perflint.engine import crossfile
    from perflint.engine.batch import lint_files

    config = load_config(cli={"select": select}, cwd=ROOT)
    paths = [str(f) for f in files]
    gc.collect()
    gc.freeze()  # as `perflint check` does before a batch
    start = time.perf_counter()
    results = lint_files(paths, config, jobs=1, cache=None)
    elapsed = time.perf_counter() - start
    if across is not None:
        start = time.perf_counter()
        results = crossfile.apply(results, config)
        across.append(time.perf_counter() - start)
        ids = crossfile.rule_ids()
        across.append(sum(1 for r in results for d in r.diagnostics if d.rule in ids))
    return elapsed


def discovery_cost(folder: Path) -> tuple[float, int]:
    """Seconds to find the declarations under ``folder`` (walk, .gitignore, kind read from each file)."""
    from perflint.config.resolve import Configs
    from perflint.engine.discovery import discover

    start = time.perf_counter()
    selection = discover([str(folder)], Path.cwd(), Configs(None, {}, Path.cwd()))
    return time.perf_counter() - start, len(selection.files)


def output_costs(files: list[Path]) -> tuple[list[tuple[str, float]], int]:
    """Seconds to render each output format from the full catalogue's results on ``files``."""
    from perflint.config.loader import load_config
    from perflint.engine.batch import lint_files
    from perflint.output import FORMATS, renderer
    from perflint.output.report import Report

    results = lint_files([str(f) for f in files], load_config(cwd=ROOT), jobs=1, cache=None)
    report = Report(results, lang="zh", root=str(Path.cwd()))
    findings = len(report.diagnostics)  # computed once, as in a run, before any format
    gc.freeze()  # as `perflint check` does before rendering
    costs = []
    for name in FORMATS:
        render = renderer(name)
        start = time.perf_counter()
        render(report)
        costs.append((name, time.perf_counter() - start))
    return costs, findings


def big_document(out: Path, indicators: int = 10_000) -> Path:
    """One declaration with ``indicators`` indicators of every kind the pairwise rules compare
    (quantities, benefits in people, unit costs, long names): linear rules keep it cheap."""
    kinds = [
        "{{level1: 产出指标, level2: 数量指标, name: 培训人数{i}, target: '≥{i}人'}}",
        "{{level1: 效益指标, level2: 社会效益指标, name: 解决就业人数{i}, target: '={i}(人)'}}",
        "{{level1: 成本指标, level2: 经济成本指标, name: 人均培训成本{i}, target: '≤800元/人'}}",
        "{{level1: 产出指标, level2: 质量指标, name: 验收通过率{i}验收通过率, target: '≥95%'}}",
        "{{level1: 满意度指标, level2: 服务对象满意度指标, name: 学员满意度{i}, target: '≥90%'}}",
    ]
    rows = "".join(f"  - {kinds[i % len(kinds)].format(i=i + 2)}\n" for i in range(indicators))
    text = (f"kind: declaration\nfiscal_year: 2024\nproject: {{name: 大表}}\nbudget: {{unit: 元, annual: 5000000}}\n"
            f"indicators:\n{rows}")
    path = out / "big" / "big.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def cli(args: list[str], cwd: Path, expect_files: int) -> float:
    start = time.perf_counter()
    env = {**os.environ, "PERFLINT_CACHE_DIR": str(cwd / "cache")}
    proc = subprocess.run([sys.executable, "-m", "perflint", "check", "--format", "json", *args],
                          cwd=cwd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1) or json.loads(proc.stdout)["summary"]["files"] != expect_files:
        raise SystemExit(f"perflint failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="all",
                        help="all: copies of every bundled declaration; clean: of the clean examples only")
    args = parser.parse_args()
    files = generate(args.out / "gen", args.files, args.corpus)
    n = len(files)
    print(f"{n} generated declarations ({args.corpus}), {sum(f.stat().st_size for f in files) / n / 1024:.1f} KiB each on average;"
          f" {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    bare_parse(files[:200]), perflint_in_process(files[:200])  # warm the OS page cache and imports
    bare = bare_parse(files)
    across: list = []
    full = perflint_in_process(files, across=across)
    ms = lambda seconds: seconds / n * 1000  # noqa: E731
    rows = [("bare yaml.compose (CSafeLoader)", bare, None)]
    core = perflint_in_process(files, CORE_RULES)
    rows.append(("perflint, the five core rules, in-process", core, f"{core / bare:.2f}× bare (target ≤ 2×)"))
    rows.append(("perflint, full default catalogue, in-process", full, f"{full / bare:.2f}× bare"))
    rows.append(("pass across files (index + rules)", across[0], f"{across[1]} findings across files; per file of the run"))
    selfevals = [f for f in files if "\nkind: self-evaluation\n" in f.read_text(encoding="utf-8")]
    if selfevals:
        se_bare, se_full = bare_parse(selfevals), perflint_in_process(selfevals)
        se = len(selfevals) / n
        rows.append((f"self-evaluations only ({len(selfevals)}): bare", se_bare / se, "per self-evaluation"))
        rows.append(("self-evaluations only: full catalogue", se_full / se, f"{se_full / se_bare:.2f}× bare, per self-evaluation"))
    cwd = args.out
    j1 = cli(["--no-cache", "--jobs", "1", "gen"], cwd, n)
    j2 = cli(["--no-cache", "--jobs", "2", "gen"], cwd, n)
    shutil.rmtree(cwd / "cache", ignore_errors=True)
    cold = cli(["--jobs", "2", "gen"], cwd, n)
    warm = cli(["--jobs", "2", "gen"], cwd, n)
    rows.append(("CLI cold, --jobs 1", j1, f"{j1 / bare:.2f}× bare"))
    rows.append(("CLI cold, --jobs 2", j2, f"{j1 / j2:.2f}× faster than --jobs 1 (target ≥ 1.7×)"))
    rows.append(("CLI cold with cache writes, --jobs 2", cold, None))
    rows.append(("CLI warm (cache)", warm, f"{warm / j1 * 100:.1f}% of cold --jobs 1 (target ≤ 5%)"))
    one = statistics.median(cli(["--no-cache", str(files[0].relative_to(cwd))], cwd, 1) for _ in range(7))
    print(f"{'measurement':<40} {'total s':>9} {'ms/file':>9}  note")
    for name, seconds, note in rows:
        print(f"{name:<40} {seconds:>9.2f} {ms(seconds):>9.3f}  {note or ''}")
    print(f"{'perflint check one.yaml (wall, median of 7)':<40} {one:>9.3f} {'':>9}  target < 0.200 s")
    found, count = discovery_cost(args.out / "gen")
    assert count == n, f"discovery found {count} of {n} declarations"
    print(f"{'discovery (walk, .gitignore, kind: read)':<40} {found:>9.2f} {ms(found):>9.3f}  {found / full * 100:.1f}% of the lint")
    big = [big_document(args.out)]
    big_bare, big_lint = bare_parse(big), perflint_in_process(big)
    print(f"{'one 10,000-indicator document':<40} {big_lint:>9.3f} {'':>9}  {big_lint / big_bare:.1f}× its bare parse "
          f"({big_bare:.3f} s, {big[0].stat().st_size / 1024:.0f} KiB)")
    costs, findings = output_costs(files)
    print(f"\noutput formats on the same results ({findings / n:.1f} findings per file), "
          f"beside the full catalogue in-process ({ms(full):.3f} ms/file):")
    for name, seconds in costs:
        print(f"  {'--format ' + name:<38} {seconds:>9.2f} {ms(seconds):>9.3f}  {seconds / full * 100:.0f}% of the lint")


if __name__ == "__main__":
    main()
