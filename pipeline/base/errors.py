"""The exceptions a run can fail with. The CLI maps each to an exit code.

Data problems (a total that does not add up) are not exceptions: they are findings
in the validation report.
"""

from __future__ import annotations


class BilagError(Exception):
    """Base class: a failure of the run, with a message a user can act on."""


class ConfigError(BilagError):
    """A configuration file or a required data file is missing or invalid."""


class UsageError(BilagError):
    """The command line asks for something impossible (e.g. a missing folder)."""


class InputError(BilagError):
    """An input file cannot be read: broken, encrypted, empty or not a PDF."""


class MissingToolError(BilagError):
    """A program the run needs is not installed (Tesseract, its Danish model, Ghostscript)."""


class BusyError(BilagError):
    """Another run holds the lock on the output folder."""


class StillArrivingError(InputError):
    """An input looks cut off but was modified moments ago: it is probably still being copied in."""


class DiskError(BilagError):
    """The output folder cannot be written: read-only, full, or over quota. The machine's fault, not the input's."""
