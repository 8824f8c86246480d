"""The bilingual alias index: every label and alias of the knowledge base's named entities.

Entries come from the named query ``queries/lookup/gazetteer.rq`` run over the ontology and the
curated graph, so recognition patterns are built from the ontology's own labels in both
languages; a Korean and an English name of one entity point to the same id, which links the
mentions to one node. :func:`patterns` turns the entries into spaCy ``SpanRuler`` pattern dicts
(``{"label": type, "pattern": name, "id": kind/slug}``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

# the entity type a mention gets, by the class of its entity
TYPE_OF_CLASS = {
    "Country": "Country", "SupranationalBloc": "Bloc", "GovernmentAgency": "Agency", "Company": "Company",
    "ResearchOrganisation": "Organisation", "ActorGroup": "Group", "Region": "Region",
    "Policy": "Policy", "LawOrRegulation": "Policy", "StrategyOrPlan": "Policy", "ProgrammeOrProject": "Policy",
    "InvestmentOrFund": "Policy", "Initiative": "Policy", "AIModel": "Model", "Product": "Product",
    "InfrastructureAsset": "Asset", "Supercomputer": "Asset", "DataCentre": "Asset", "AIFactory": "Asset",
    "Layer": "Layer", "Resource": "Resource",
}
ACTOR_TYPES = frozenset({"Country", "Bloc", "Agency", "Company", "Organisation", "Group"})
POLITY_TYPES = frozenset({"Country", "Bloc"})
ORG_TYPES = frozenset({"Agency", "Company", "Organisation", "Group"})
STACK_TYPES = frozenset({"Layer", "Resource"})
# the objects of the stack relations (dependsOn, controls, strengthens): the layers of the default
# four-layer stack and the resources, which belong to layers of every scheme (pko:belongsToLayer),
# so queries on another scheme still reach them; a concept of another scheme ("AI 생태계", one of
# the seven elements) stays a mention, not the object of a fact
STACK_OBJECT_KINDS = ("layer/", "resource/")


def stack_object(span) -> bool:
    """Whether a recognised name can be the object of a stack relation (see :data:`STACK_OBJECT_KINDS`)."""
    return span.label_ in STACK_TYPES and span.kb_id_.startswith(STACK_OBJECT_KINDS)

# when one name belongs to several entities: the more specific type wins, then the default scheme
_TYPE_RANK = {"Resource": 0, "Layer": 1, "Policy": 2, "Agency": 3, "Company": 4, "Country": 5, "Bloc": 6}
_SCHEME_RANK = {"stack4": 0, "elements7": 1, "chain4": 2}
_GOVERNMENT = {"정부", "government", "Government", "행정부", "당국"}
_HANGUL1 = re.compile(r"^[\uac00-\ud7a3]$")
# a Latin/digit name followed by Korean words: "GENIAC 프로젝트", "CADA 제정안", "GENIAC 1차 사이클"
_GENERIC_TAIL = re.compile(r"^([A-Za-z0-9][\w&.\- ]*?[A-Za-z0-9])(?: [0-9]*[가-힣]+)+$")


@dataclass(frozen=True)
class Entry:
    """One name of one entity."""

    id: str
    type: str
    name: str
    scheme: str = ""
    ambiguous: bool = False  # usually means something else in running text (pko:ambiguousName)

    @property
    def abbreviation(self) -> bool:
        """A one-syllable Hangul abbreviation (미, 중, 일...): only valid in pairs such as 미·중."""
        return bool(_HANGUL1.match(self.name))


def entries_from_rows(rows: Iterable[tuple[str, str, str, str, bool]]) -> list[Entry]:
    """Entries from (entity IRI, class IRI, label, scheme IRI or '', ambiguous) rows of ``gazetteer.rq``."""
    from kg import iris

    out: dict[tuple[str, str], Entry] = {}
    for ent, cls, label, scheme, ambiguous in rows:
        eid = iris.local_id(ent)
        typ = TYPE_OF_CLASS.get(cls.rsplit("#", 1)[-1])
        name = " ".join(label.split())
        if not eid or not typ or not name:
            continue
        key = (eid, name)
        sch = scheme.rsplit("/", 1)[-1] if scheme else ""
        if key not in out or _TYPE_RANK.get(typ, 9) < _TYPE_RANK.get(out[key].type, 9):
            out[key] = Entry(eid, typ, name, sch, ambiguous)
    return sorted(out.values(), key=lambda e: (e.name, e.id))


def load_entries(store) -> list[Entry]:
    """Entries from a pyoxigraph store holding the ontology and curated graphs."""
    from kg.queries import Engine

    res = Engine(store).run_named("gazetteer")
    rows = [(r[0].value, r[1].value, r[2].value, r[3].value if r[3] is not None else "",
             r[4] is not None and r[4].value == "true") for r in res.rows]
    return entries_from_rows(rows)


def load_owners(store) -> dict[str, str]:
    """The country or bloc of each policy, agency and group that has exactly one (``owners.rq``)."""
    from kg import iris
    from kg.queries import Engine

    found: dict[str, set[str]] = {}
    for r in Engine(store).run_named("owners").rows:
        found.setdefault(iris.local_id(r[0].value), set()).add(iris.local_id(r[1].value))
    return {e: next(iter(o)) for e, o in found.items() if len(o) == 1}


def case_sensitive(name: str) -> bool:
    """Whether a name only matches as written: acronyms (``EU``, ``AI``, ``Xi``) and capitalised
    single words (``Large``, a model's short name, must not match "large"); names of several words
    match in any case ("Foundation model", "foundation model").

    >>> [case_sensitive(n) for n in ("EU", "Xi", "Large", "foundation model", "AI Action Plan", "클라우드")]
    [True, True, True, False, False, False]
    """
    return name.isupper() or len(name) <= 3 and any(c.isupper() for c in name) \
        or " " not in name and name[:1].isupper()


def match_key(name: str) -> str:
    """The form under which a name matches text: lowered, except case-sensitive names."""
    return name if case_sensitive(name) else name.lower()


def rank(entry: Entry) -> tuple[int, int, str]:
    """Sort key choosing among entities that share a name."""
    return _TYPE_RANK.get(entry.type, 9), _SCHEME_RANK.get(entry.scheme, 9), entry.id


def patterns(entries: Iterable[Entry], owners: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """SpanRuler-format patterns: the best entity for each name (see :func:`rank`). With
    ``owners`` (:func:`load_owners`), a policy, agency or group pattern carries its ``owner``, and a name
    that several policies share lists the ``others`` with their owners, so the extractor can link
    it by the countries around it (:mod:`ingest.mentions`).

    >>> patterns([Entry("layer/model", "Layer", "데이터", "stack4"), Entry("resource/data", "Resource", "데이터")])
    [{'label': 'Resource', 'pattern': '데이터', 'id': 'resource/data'}]

    Names that differ only in case match the same text, so one entity takes them:

    >>> patterns([Entry("chain/foundation", "Layer", "Foundation model", "chain4"),
    ...           Entry("resource/foundation-model", "Resource", "foundation model")])
    [{'label': 'Resource', 'pattern': 'foundation model', 'id': 'resource/foundation-model'}]

    A name that is another name of the same entity plus Korean common words ("GENIAC 프로젝트",
    "CADA 제정안") is left out: the core name matches, and the words after it are not part of it.

    >>> [p["pattern"] for p in patterns([Entry("policy/g", "Policy", "GENIAC"), Entry("policy/g", "Policy", "GENIAC 프로젝트")])]
    ['GENIAC']

    A country before a government word or another name ("영국 정부", "美 Palantir") is left out too,
    except in a policy's name: "UK National AI Strategy" is the UK's, where "National AI Strategy"
    alone is any country's.

    >>> sorted(p["pattern"] for p in patterns([Entry("country/gb", "Country", "UK"),
    ...     Entry("company/p", "Company", "Palantir"), Entry("company/p", "Company", "UK Palantir"),
    ...     Entry("policy/kr", "Policy", "National AI Strategy"), Entry("policy/uk", "Policy", "UK National AI Strategy")]))
    ['National AI Strategy', 'Palantir', 'UK', 'UK National AI Strategy']
    """
    best: dict[str, Entry] = {}
    shared: dict[tuple[str, str], set[str]] = {}
    entries = list(entries)
    countries = {e.name for e in entries if e.type == "Country"}
    names = {e.name for e in entries}
    own = {(e.id, e.name) for e in entries}
    for e in entries:
        head = e.name.split(" ", 1)
        if e.type not in ("Country", "Policy") and len(head) == 2 and head[0] in countries and (
                head[1] in _GOVERNMENT or head[1] in names):
            continue  # "영국 정부", "美 Palantir": the country and the other name match on their own
        core = _GENERIC_TAIL.match(e.name)
        if core and (e.id, core.group(1)) in own:
            continue
        key = match_key(e.name)  # "Foundation model" and "foundation model" match the same text
        shared.setdefault((key, e.type), set()).add(e.id)
        if key not in best or rank(e) < rank(best[key]):
            best[key] = e
    owners = owners or {}
    out = []
    for e in sorted(best.values(), key=lambda e: e.name):
        p: dict[str, Any] = {"label": e.type, "pattern": e.name, "id": e.id}
        if e.ambiguous:
            p["ambiguous"] = True
        if e.id in owners:
            p["owner"] = owners[e.id]
        others = sorted(i for i in shared[(match_key(e.name), e.type)] if i != e.id and i in owners)
        if e.type == "Policy" and others:
            p["others"] = [[i, owners[i]] for i in others]
        out.append(p)
    return out
