"""Reading the project's hand-written YAML (curated facts, gold annotations) with the source line
of every mapping, and catching the pitfall of YAML flow mappings that hand-written files fall into."""

from __future__ import annotations

from typing import Any, Iterable

import yaml


class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A YAML loader that records the source line of each mapping under ``__line__``
    (libyaml's parser when PyYAML has it: 4x faster than the pure-Python one on kg/curated)."""


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# keep dates such as 2025-04 or 2025-04-01 as plain strings
LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_values(item: Any, line: Any = "?", optional: Iterable[str] = ()) -> list[tuple[Any, str]]:
    """The keys without a value in an entry, nested mappings included, with their line (``__line__``
    where the loader recorded it): what a flow mapping makes of ``{en: Ministry of Economy, Trade
    and Industry}`` ("Trade and Industry" becomes a key, and ``en`` loses it). Keys in
    ``optional`` may be null.

    >>> split_values(yaml.safe_load("{en: Ministry of Economy, Trade and Industry, id: null}"), optional={"id"})
    [('?', 'Trade and Industry')]
    """
    out: list[tuple[Any, str]] = []
    if isinstance(item, dict):
        line = item.get("__line__", line)
        for k, v in item.items():
            if v is None and k not in optional:
                out.append((line, str(k)))
            elif v is not None:
                out.extend(split_values(v, line, optional))
    elif isinstance(item, list):
        for v in item:
            out.extend(split_values(v, line, optional))
    return out
