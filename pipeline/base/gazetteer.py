"""The 98 municipalities and 5 regions, keyed by their official codes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.base.errors import ConfigError

# difflib ratios: "Røoinn Syddanmark" is 0.82 like "Region Syddanmark", 0.44 like the next region;
# "Region Midtjylland" is 0.83 like "Region Nordjylland", hence the margin over the runner-up.
REGION_LIKENESS = 0.8
REGION_MARGIN = 0.15


@dataclass(frozen=True)
class Kommune:
    kommunekode: int
    name: str  # official name
    region: str  # official region name
    spellings: tuple[str, ...]  # official name first, then other printed names


@dataclass(frozen=True)
class Gazetteer:
    kommuner: dict[int, Kommune]
    regions: tuple[str, ...]

    def kommune(self, kommunekode: int) -> Kommune | None:
        return self.kommuner.get(kommunekode)

    def all_names(self) -> list[str]:
        names = [name for kommune in self.kommuner.values() for name in kommune.spellings]
        return names + list(self.regions)

    def kommune_named(self, text: str) -> Kommune | None:
        """The municipality one of whose spellings ``text`` is (case ignored)."""
        wanted = text.strip().casefold()
        return next((k for k in self.kommuner.values() if wanted in (s.casefold() for s in k.spellings)), None)

    def region_named(self, text: str) -> str | None:
        """The official region whose name ``text`` is (case and spacing ignored, one or two misread letters allowed)."""
        from difflib import SequenceMatcher

        wanted = " ".join(text.split()).casefold()
        for region in self.regions:
            if region.casefold() == wanted:
                return region
        # An OCR'd "Røoinn Syddanmark": the one region it is close to, if only one.
        likeness = sorted(
            ((SequenceMatcher(None, r.casefold(), wanted).ratio(), r) for r in self.regions), reverse=True
        )
        (best, region), (runner_up, _) = likeness[0], likeness[1]
        return region if best >= REGION_LIKENESS and best - runner_up >= REGION_MARGIN else None


def gazetteer_from(data: dict, path: Path) -> Gazetteer:
    """The gazetteer of ``data`` (gazetteer.yaml as read from ``path``, named if it is malformed)."""
    try:
        regions = {int(code): entry["name"] for code, entry in data["regions"].items()}
        kommuner = {
            int(code): Kommune(
                kommunekode=int(code),
                name=entry["names"][0],
                region=regions[int(entry["region"])],
                spellings=tuple(entry["names"]),
            )
            for code, entry in data["kommuner"].items()
        }
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ConfigError(f"{path}: gazetteer entry is malformed ({error!r})") from None
    return Gazetteer(kommuner=kommuner, regions=tuple(regions.values()))
