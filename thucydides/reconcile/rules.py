"""The reconcile rules, read once from the TOML data files beside this module."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from thucydides.errors import ConfigError

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class MergeRules:
    precedence: tuple[str, ...]
    family_of: dict[str, str]
    window_days: dict[int, int]
    slack_days: dict[str, int]
    undated_days_before_published: int
    event_type_of: dict[str, str]

    def family(self, sub_event_type: str) -> str:
        return self.family_of.get(sub_event_type, sub_event_type)

    def rank(self, sub_event_type: str) -> int:
        """Position in ACLED's precedence (lower wins); unknown types rank last."""
        try:
            return self.precedence.index(sub_event_type)
        except ValueError:
            return len(self.precedence)


@dataclass(frozen=True, slots=True)
class ActorRules:
    generic_words: frozenset[str]
    kind_of_inter: dict[int, str]
    interchangeable_kinds: frozenset[str]


def _read(name: str) -> dict:
    path = DATA_DIR / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read reconcile rules {path}: {error}", "reinstall Thucydides or fix the file") from None


@functools.cache
def merge_rules() -> MergeRules:
    data = _read("merge.toml")
    family_of = {sub: family for family, subs in data["families"].items() for sub in subs}
    return MergeRules(
        precedence=tuple(data["precedence"]),
        family_of=family_of,
        window_days={int(k): int(v) for k, v in data["date_window_days"].items()},
        slack_days={k: int(v) for k, v in data["date_slack_days"].items()},
        undated_days_before_published=int(data["undated"]["days_before_published"]),
        event_type_of={sub: kind for kind, subs in data["event_types"].items() for sub in subs},
    )


@functools.cache
def actor_rules() -> ActorRules:
    data = _read("actors.toml")
    return ActorRules(
        generic_words=frozenset(word.lower() for word in data["generic_words"]),
        kind_of_inter={int(k): v for k, v in data["kinds"].items()},
        interchangeable_kinds=frozenset(data["interchangeable"]["kinds"]),
    )
