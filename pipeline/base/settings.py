"""Every config of a run read and checked once, into one typed Settings that is passed down.

The five YAML files in the config folder (``configs/`` by default) are each read once per run,
checked against their schemas (pipeline/base/schema.py; every problem of every file named at
once, exit 2), and turned into the settings each stage family takes. The Settings travels with
each package's task into the fence and to Dask workers, so no stage reads a config file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pipeline.base.config import config_digest, load_yaml
from pipeline.base.errors import ConfigError
from pipeline.base.gazetteer import Gazetteer, gazetteer_from
from pipeline.base.schema import SCHEMAS
from pipeline.base.slots import Slots


def settings_from(cls, config: dict):
    """A settings dataclass from a YAML mapping: its known keys, defaults for the rest."""
    fields = cls.__dataclass_fields__
    return cls(**{key: value for key, value in config.items() if key in fields})


@dataclass(frozen=True)
class InputLimits:
    max_file_mb: float = 500.0
    max_pages: int = 2000
    max_stream_mb: float = 256.0  # one stream, inflated
    max_inflated_mb: float = 2048.0  # all streams of a file, inflated
    max_image_megapixels: float = 150.0  # below Pillow's own refusal (179 MP)
    max_page_points: float = 14400.0  # the PDF spec's largest page (200 inches, 5 m)
    max_nesting: int = 100  # arrays and dictionaries inside each other
    settle_seconds: float = 120.0  # a cut-off file modified less than this ago is still arriving
    allow_empty_password: bool = True  # an owner password only: it restricts printing or copying, not reading
    allow_javascript: bool = False
    allow_embedded_files: bool = False

    @classmethod
    def from_config(cls, config: dict) -> InputLimits:
        return settings_from(cls, config)


@dataclass(frozen=True)
class OcrSettings:
    language: str = "dan"
    jobs: int = 0  # 0: every core
    rotate_pages: bool = False  # OCRmyPDF's OSD on every page (pages that read as noise are checked anyway)
    noise_below: float = 0.6  # a page less legible than this reads as noise (see pipeline.ocr.legibility)
    line_tolerance: float = 3.0  # points
    timeout: float = 180.0  # seconds per page
    pagesegmode: int = 6  # Tesseract --psm
    oversample: int = 0  # dpi: scans below it are enlarged before OCR (0: read at the scan's own)
    remove_rules: bool = True  # whiten ruling lines in the image Tesseract reads (pipeline.ocr.rules)
    keep_layer_quality: float = 0.95  # an OCR layer at least this Danish is kept, not re-OCR'd
    slots: Slots | None = None  # not in ocr.yaml: under --jobs, the run's page slots (pipeline/base/slots.py)

    @classmethod
    def from_config(cls, config: dict) -> OcrSettings:
        return settings_from(cls, config)


@dataclass(frozen=True)
class SecondLookSettings:
    below_confidence: float = 0.9  # cells read with less confidence than this are doubtful
    # pixels: each crop is read with its figures scaled to each of these heights; they must agree
    glyph_heights: tuple[int, ...] = (24, 30, 36)
    margin: float = 3.0  # points around the cell's box
    dash_means: int = 0
    jobs: int = 0  # Tesseract processes at once; 0: every core (the OCR stage's share under --jobs)

    @classmethod
    def from_config(cls, config: dict) -> SecondLookSettings:
        settings = settings_from(cls, config)
        return replace(settings, glyph_heights=tuple(settings.glyph_heights))


@dataclass(frozen=True)
class FenceLimits:
    memory_mb: float = 1536.0  # the package's processes together (PSS)
    address_space_mb: float = 4096.0  # each process's virtual address space
    cpu_seconds: float = 1800.0  # the child's own CPU time
    wall_seconds: float = 3600.0
    open_files: int = 1024
    recursion: int = 3000

    @classmethod
    def from_config(cls, config: dict) -> FenceLimits:
        return settings_from(cls, config)


@dataclass(frozen=True)
class Settings:
    """A run's configuration: what each stage family needs, read from one config folder."""

    config_dir: Path
    digest: str  # of every config file: outputs say which configuration made them
    tables: dict[str, Any]  # tables.yaml: the declared tables, their checks and stated values
    gazetteer: Gazetteer
    ocr: OcrSettings
    second_look: SecondLookSettings
    inputs: InputLimits
    fence: FenceLimits
    repair: dict[str, Any]  # repair.yaml: the word list, the confusion table, margins (pipeline/danish)

    def with_ocr_jobs(self, jobs: int | None, slots: Slots | None = None) -> Settings:
        """The settings of a package whose OCR gets ``jobs`` processes (None: as ocr.yaml says), its pages
        read in the run's ``slots`` (None: without waiting for one)."""
        if jobs is None:
            return self
        ocr = replace(self.ocr, jobs=jobs, slots=slots)
        return replace(self, ocr=ocr, second_look=replace(self.second_look, jobs=jobs))


def load_settings(config_dir: Path) -> Settings:
    """Read and check every config file of ``config_dir``: one ConfigError listing every file's problems."""
    if not config_dir.is_dir():
        raise ConfigError(f"{config_dir}: no such configuration folder")
    files, problems = {}, []
    for name in SCHEMAS:
        try:
            files[name] = load_yaml(config_dir / name)
        except ConfigError as error:
            problems.append(str(error))
    if problems:
        raise ConfigError("\n".join(problems))
    tables, ocr, inputs = files["tables.yaml"], files["ocr.yaml"], files["inputs.yaml"] or {}
    second_look = {**ocr.get("second_look", {}), "dash_means": tables.get("dash_means", 0), "jobs": ocr.get("jobs", 0)}
    return Settings(
        config_dir=config_dir,
        digest=config_digest(config_dir),
        tables=tables,
        gazetteer=gazetteer_from(files["gazetteer.yaml"], config_dir / "gazetteer.yaml"),
        ocr=OcrSettings.from_config(ocr),
        second_look=SecondLookSettings.from_config(second_look),
        inputs=InputLimits.from_config(inputs),
        fence=FenceLimits.from_config(inputs.get("fence") or {}),
        repair=files["repair.yaml"],
    )
