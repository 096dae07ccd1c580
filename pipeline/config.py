"""Reading the YAML files in ``configs/``."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import ConfigError

DEFAULT_CONFIG_DIR = Path(__file__).resolve().parent.parent / "configs"


def load_yaml(path: Path) -> Any:
    """The file's content, checked against its schema (pipeline/schema.py): ConfigError naming line and key."""
    from pipeline.schema import check

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


def settings_from(cls, config: dict):
    """A settings dataclass from a YAML mapping: its known keys, defaults for the rest."""
    fields = cls.__dataclass_fields__
    return cls(**{key: value for key, value in config.items() if key in fields})
