"""Reading the YAML files in ``configs/``, and finding that folder."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from pipeline.base.errors import ConfigError
from pipeline.base.schema import check

CONFIG_ENV = "BILAG_CONFIG"


def _shipped_configs() -> Path:
    """The default configs: pipeline/configs/ in an installed wheel; in a checkout that is a link to configs/."""
    return (Path(__file__).resolve().parent.parent / "configs").resolve()


DEFAULT_CONFIG_DIR = _shipped_configs()


def config_dir(given: Path | None) -> Path:
    """The folder of configs a run reads: ``--config``, else ``$BILAG_CONFIG``, else the defaults shipped with bilag."""
    source = "--config"
    if given is None and os.environ.get(CONFIG_ENV):
        given, source = Path(os.environ[CONFIG_ENV]), f"${CONFIG_ENV}"
    if given is None:
        return DEFAULT_CONFIG_DIR
    if not given.is_dir():
        raise ConfigError(f"{given}: no such config folder (from {source})")
    return given


def write_default_configs(target: Path) -> list[Path]:
    """Copy the shipped configs into ``target`` to edit; never overwrites a file."""
    sources = sorted(DEFAULT_CONFIG_DIR.glob("*.yaml"))
    taken = [target / s.name for s in sources if (target / s.name).exists()]
    if taken:
        raise ConfigError(f"{taken[0]}: already exists (bilag init never overwrites a config)")
    target.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copyfile(source, target / source.name)) for source in sources]


def load_yaml(path: Path) -> Any:
    """The file's content, checked against its schema (pipeline/base/schema.py): ConfigError naming line and key."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{path}: not valid YAML: {error}") from None
    check(path, data, text)
    return data


def config_digest(config_dir: Path) -> str:
    """A hash of every config file, so outputs can say which configuration made them."""
    digest = hashlib.sha256()
    for path in sorted(config_dir.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
