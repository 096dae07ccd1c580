"""The ``bilag`` command. Exit codes are decided here, and only here:

0  every package published and valid (or already up to date)
1  every package published, but validation found problems in at least one
2  usage or configuration error (nothing was processed)
3  at least one input was refused and quarantined (the others were still processed)
4  the machine cannot do the run: a program, model or word list is missing (bilag doctor
   says which), or the output folder is read-only or full
5  another bilag run holds the lock on the output folder (nothing was done)
6  bilag itself failed on at least one package (a bug: the others were still processed)

The highest applicable code wins, in the order 6, 3, 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

from pipeline import __version__
from pipeline.base.config import CONFIG_ENV, config_dir, write_default_configs
from pipeline.base.errors import BilagError, BusyError, ConfigError, DiskError, InputError, MissingToolError, UsageError
from pipeline.base.settings import load_settings

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INPUT, EXIT_TOOL, EXIT_BUSY, EXIT_FAILED = 0, 1, 2, 3, 4, 5, 6
EXIT_CODES = {
    UsageError: EXIT_USAGE,
    ConfigError: EXIT_USAGE,
    InputError: EXIT_INPUT,
    MissingToolError: EXIT_TOOL,
    DiskError: EXIT_TOOL,
    BusyError: EXIT_BUSY,
}


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "command"):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        with _log_to(getattr(args, "log_file", None)):
            return _command(args)
    except BilagError as error:  # the log file itself cannot be written
        print(f"bilag: error: {error}", file=sys.stderr)
        return EXIT_USAGE


def _command(args: argparse.Namespace) -> int:
    try:
        args.config = config_dir(getattr(args, "config", None))
        return args.command(args)
    except BilagError as error:
        if getattr(args, "log_format", "text") == "json":
            from pipeline.running.progress import JsonReporter

            JsonReporter().error(str(error))
        print(f"bilag: error: {error}", file=sys.stderr)
        return EXIT_CODES.get(type(error), EXIT_USAGE)


@contextmanager
def _log_to(path: Path | None) -> Iterator[None]:
    """``--log-file``: everything bilag prints (results and log lines) is appended to the file instead."""
    if path is None:
        yield
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a", encoding="utf-8", buffering=1)
    except OSError as error:
        raise UsageError(f"{path}: cannot write the log file ({error.strerror})") from None
    with handle, redirect_stdout(handle), redirect_stderr(handle):
        yield


def _global_options(suppress: bool) -> argparse.ArgumentParser:
    """Options accepted before or after the command (after it, they must not reset what came before)."""
    default = argparse.SUPPRESS if suppress else None
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--config", type=Path, default=default, metavar="DIR",
        help=f"folder of YAML configs (default: ${CONFIG_ENV}, else the ones shipped with bilag; see bilag init)",
    )  # fmt: skip
    options.add_argument(
        "--log-file", type=Path, default=default, metavar="FILE",
        help="append everything bilag prints to FILE (its folder is created), e.g. from cron",
    )  # fmt: skip
    return options


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bilag",
        description="Danish municipal meeting packages (PDF) to tidy, validated CSVs.",
        epilog=__doc__.split("\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_global_options(suppress=False)],
    )
    parser.add_argument("-V", "--version", action="version", version=f"bilag {__version__}")
    commands = parser.add_subparsers()
    common = [_global_options(suppress=True)]

    run = commands.add_parser("run", parents=common, help="process every package in RAW (a folder), or one PDF")
    run.add_argument(
        "raw_dir", nargs="?", type=Path, default=Path("raw"), metavar="RAW",
        help="a folder of packages (default: raw/), or one PDF in such a folder",
    )  # fmt: skip
    run.add_argument("--out", type=Path, default=Path("processed"), help="default: processed/")
    run.add_argument("--force", action="store_true", help="process every package again, changed or not")
    run.add_argument(
        "--wait", type=float, default=0.0, metavar="SECONDS",
        help="if another run holds the lock, wait this long for it (default: exit at once, code 5)",
    )  # fmt: skip
    run.add_argument(
        "--jobs", type=int, metavar="N",
        help="N processes in all: packages in parallel, and a lone package's OCR pages (0: every core; "
        "default: one package at a time, its OCR on every core)",
    )  # fmt: skip
    run.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="process the packages on this Dask cluster (tcp://HOST:8786); raw/ and processed/ must be "
        "on a filesystem every worker shares, at the same paths",
    )  # fmt: skip
    run.add_argument(
        "--scheduler-timeout", type=float, default=10.0, metavar="SECONDS",
        help="how long to try to reach the Dask scheduler before giving up (default: 10)",
    )  # fmt: skip
    run.add_argument(
        "--log-format", choices=("text", "json"), default="text",
        help="text: a progress bar on a terminal, plain lines otherwise; json: one JSON object per event",
    )  # fmt: skip
    run.set_defaults(command=_run)

    status = commands.add_parser(
        "status", parents=common, help="list the packages and their state (published, quarantined, ...)"
    )
    status.add_argument("raw_dir", nargs="?", type=Path, default=Path("raw"), help="default: raw/")
    status.add_argument("--out", type=Path, default=Path("processed"), help="default: processed/")
    status.add_argument("--json", action="store_true", help="as JSON")
    status.set_defaults(command=_status)

    repair = commands.add_parser(
        "repair-text", parents=common, help="repair OCR-mangled Danish text from stdin to stdout"
    )
    repair.add_argument("--log", type=Path, help="write the changes (CSV) to this file")
    repair.set_defaults(command=_repair_text)

    _add_doctor(commands, common)

    sample = commands.add_parser("make-sample", parents=common, help="build the sample meeting package PDF")
    sample.add_argument("target", nargs="?", type=Path, default=Path("raw/kkr-hovedstaden-2025-06.pdf"))
    sample.set_defaults(command=_make_sample)

    init = commands.add_parser("init", parents=common, help="write an editable copy of the default configs to DIR")
    init.add_argument("target", type=Path, metavar="DIR")
    init.set_defaults(command=_init)

    export = commands.add_parser("export", parents=common, help="a published package's tables as one Excel workbook")
    export.add_argument("package", type=Path, metavar="PKG", help="a published package folder (processed/<id>)")
    export.add_argument("--xlsx", type=Path, required=True, metavar="FILE", help="the workbook to write")
    export.set_defaults(command=_export)
    return parser


def _run(args: argparse.Namespace) -> int:
    from pipeline.run import run
    from pipeline.running.progress import Summary, reporter
    from pipeline.running.schedule import Scheduler

    started = time.perf_counter()
    progress = reporter(args.log_format)
    try:
        if args.jobs is not None and args.jobs < 0:
            raise UsageError(f"--jobs {args.jobs}: give a number of processes (0: every core)")
        if args.scheduler_timeout <= 0:
            raise UsageError(f"--scheduler-timeout {args.scheduler_timeout:g}: give a number of seconds above 0")
        results = run(
            args.raw_dir, args.out, load_settings(args.config), progress,
            force=args.force, wait=args.wait, jobs=args.jobs,
            scheduler=Scheduler(args.scheduler, args.scheduler_timeout) if args.scheduler else None,
        )  # fmt: skip
        summary = Summary()
        summary.add(results, time.perf_counter() - started)
        progress.summary(summary)
    finally:
        progress.close()
    if not results and args.log_format == "text":
        print(f"bilag: no packages (PDFs or folders of PDFs) in {args.raw_dir}", file=sys.stderr)
    statuses = {r.status for r in results}
    if "failed" in statuses:
        return EXIT_FAILED
    if "quarantined" in statuses:
        return EXIT_INPUT
    return EXIT_INVALID if "invalid" in statuses else EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from pipeline.intake.ingest import find_packages
    from pipeline.running.status import package_states, render

    if not args.raw_dir.is_dir():
        raise UsageError(f"{args.raw_dir}: no such folder")
    states = package_states(args.raw_dir, args.out, find_packages)
    print(render(states, as_json=args.json))
    return EXIT_OK


def _repair_text(args: argparse.Namespace) -> int:
    import csv

    from pipeline.danish.repair import load_repairer, repair_text

    repairer = load_repairer(load_settings(args.config))
    lines = sys.stdin.read().split("\n")
    repaired, changes = repair_text(lines, repairer)
    sys.stdout.write("\n".join(repaired))
    if args.log:
        with args.log.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["line", "original", "replacement", "rule", "confidence", "applied"])
            writer.writerows(
                [c.line, c.original, c.replacement, c.rule, c.confidence, str(c.applied).lower()] for c in changes
            )
    return EXIT_OK


def _add_doctor(commands, common: list) -> None:
    doctor = commands.add_parser(
        "doctor", parents=common, help="check that this machine has what a run needs (Tesseract, ...)"
    )
    doctor.add_argument("--out", type=Path, default=Path("processed"), help="the output folder to check")
    doctor.set_defaults(command=_doctor)


def _doctor(args: argparse.Namespace) -> int:
    """One line per program, model and file a run needs, saying how to fix what is missing; exit 4 if any is."""
    from pipeline.base.doctor import environment, output_folder

    checks = [*environment(load_settings(args.config)), output_folder(args.out)]
    for check in checks:
        print(check.line())
    missing = sum(1 for check in checks if check.problem)
    if missing:
        print(f"{missing} missing: bilag run stops with exit 4 until each is fixed as said above")
    return EXIT_TOOL if missing else EXIT_OK


def _make_sample(args: argparse.Namespace) -> int:
    from pipeline.fixtures.sample import SHIPPED_SAMPLE, build_sample

    print(f"wrote {build_sample(args.target, options=SHIPPED_SAMPLE)}")
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    written = write_default_configs(args.target)
    print(f"wrote {len(written)} configs to {args.target}; use them with --config {args.target} or ${CONFIG_ENV}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from pipeline.publish.export import export_xlsx

    print(f"wrote {export_xlsx(args.package, args.xlsx)}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
