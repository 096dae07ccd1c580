"""The ``bilag`` command. Exit codes are decided here, and only here:

0  every package published and valid
1  every package published, but validation found problems in at least one
2  usage or configuration error (nothing was processed)
3  at least one input could not be read (the others were still processed)
4  a program the run needs is missing (Tesseract with its Danish model, Ghostscript)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pipeline import __version__
from pipeline.config import DEFAULT_CONFIG_DIR
from pipeline.errors import BilagError, ConfigError, InputError, MissingToolError, UsageError

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INPUT, EXIT_TOOL = 0, 1, 2, 3, 4
EXIT_CODES = {UsageError: EXIT_USAGE, ConfigError: EXIT_USAGE, InputError: EXIT_INPUT, MissingToolError: EXIT_TOOL}


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "command"):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.command(args)
    except BilagError as error:
        print(f"bilag: error: {error}", file=sys.stderr)
        return EXIT_CODES.get(type(error), EXIT_USAGE)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bilag",
        description="Danish municipal meeting packages (PDF) to tidy, validated CSVs.",
        epilog=__doc__.split("\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"bilag {__version__}")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG_DIR, help="folder of YAML configs")
    commands = parser.add_subparsers()

    run = commands.add_parser("run", help="process every package in RAW_DIR")
    run.add_argument("raw_dir", nargs="?", type=Path, default=Path("raw"), help="default: raw/")
    run.add_argument("--out", type=Path, default=Path("processed"), help="default: processed/")
    run.set_defaults(command=_run)

    repair = commands.add_parser("repair-text", help="repair OCR-mangled Danish text from stdin to stdout")
    repair.add_argument("--log", type=Path, help="write the changes (CSV) to this file")
    repair.set_defaults(command=_repair_text)

    sample = commands.add_parser("make-sample", help="build the sample meeting package PDF")
    sample.add_argument("target", nargs="?", type=Path, default=Path("raw/kkr-hovedstaden-2025-06.pdf"))
    sample.set_defaults(command=_make_sample)
    return parser


def _run(args: argparse.Namespace) -> int:
    from pipeline.run import PackageResult, run

    started = time.perf_counter()

    def report(result: PackageResult) -> None:
        if result.status == "unreadable":
            print(f"{result.package}: not processed: {result.message}", file=sys.stderr)
            return
        verdict = "valid" if result.status == "valid" else f"NOT valid, {len(result.findings)} problem(s)"
        print(f"{result.package}: {result.pages} pages, published to {result.output}: {verdict}")
        for finding in result.findings:
            print(f"  - [{finding.slug}] {finding.message}")
        for note in result.corrections:
            print(f"  ~ {note}")

    results = run(args.raw_dir, args.out, args.config, report)
    counts = {s: sum(1 for r in results if r.status == s) for s in ("valid", "invalid", "unreadable")}
    print(
        f"{len(results)} package(s): {counts['valid']} valid, {counts['invalid']} not valid, "
        f"{counts['unreadable']} unreadable ({time.perf_counter() - started:.1f} s)"
    )
    if not results:
        print(f"bilag: no packages (PDFs or folders of PDFs) in {args.raw_dir}", file=sys.stderr)
    if counts["unreadable"]:
        return EXIT_INPUT
    return EXIT_INVALID if counts["invalid"] else EXIT_OK


def _repair_text(args: argparse.Namespace) -> int:
    import csv

    from pipeline.repair import load_repairer

    repairer = load_repairer(args.config)
    lines = sys.stdin.read().split("\n")
    repaired, changes = repairer.repair_lines(lines)
    sys.stdout.write("\n".join(repaired))
    if args.log:
        with args.log.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["line", "original", "replacement", "rule", "confidence", "applied"])
            writer.writerows(
                [c.line, c.original, c.replacement, c.rule, c.confidence, str(c.applied).lower()] for c in changes
            )
    return EXIT_OK


def _make_sample(args: argparse.Namespace) -> int:
    from pipeline.fixtures.sample import build_sample

    print(f"wrote {build_sample(args.target)}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
