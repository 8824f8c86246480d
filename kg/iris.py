"""Every IRI policykg mints is minted here.

Scheme (see ontology/README.md):

- ontology terms: ``{BASE}ontology#{LocalName}``
- named resources: ``{BASE}id/{kind}/{slug}``, e.g. ``id/country/jp``, ``id/layer/cloud``
- nodes that exist only as part of a fact (evidence, claims, dependencies, involvements...):
  ``{BASE}id/{kind}/{hash}`` where the hash is taken over the node's defining content, so the
  same input always gives the same IRI and builds are deterministic.
- named graphs: ``{BASE}graph/{ontology|curated|extracted|inferred}``

>>> entity("country/jp")
rdflib.term.URIRef('https://w3id.org/policykg/id/country/jp')
>>> content_node("evidence", "kiep", "10-12", "quote") == content_node("evidence", "kiep", "10-12", "quote")
True
"""

from __future__ import annotations

import hashlib
import re

BASE = "https://w3id.org/policykg/"
ID_BASE = BASE + "id/"  # plain strings: the query path (`policykg query`) does not load rdflib
GRAPH_NAMES = ("ontology", "curated", "extracted", "inferred")

# rdflib namespaces, made on first use (PEP 562), so importing this module stays cheap
_NAMESPACES = {
    "PKO": BASE + "ontology#", "ID": ID_BASE, "GRAPH": BASE + "graph/",
    "SKOS": "http://www.w3.org/2004/02/skos/core#", "PROV": "http://www.w3.org/ns/prov#",
    "DCTERMS": "http://purl.org/dc/terms/", "ORG": "http://www.w3.org/ns/org#", "OA": "http://www.w3.org/ns/oa#",
}
_PREFIXES = {"pko": "PKO", "skos": "SKOS", "prov": "PROV", "dcterms": "DCTERMS", "org": "ORG", "oa": "OA"}


def __getattr__(name: str):
    from rdflib import Namespace

    if name in _NAMESPACES:
        value = Namespace(_NAMESPACES[name])
    elif name == "PREFIXES":
        value = {p: __getattr__(n) for p, n in _PREFIXES.items()}
    elif name == "UNION_GRAPH":
        # on an external store, a copy of the four graphs' union (Virtuoso 7.2 answers wrongly with
        # several graphs as the default graph; kg/remote.py)
        value = __getattr__("GRAPH")["all"]
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


_ID_RE = re.compile(r"^[a-z]+(?:-[a-z]+)*/[a-z0-9]+(?:[-.][a-z0-9]+)*$")


def is_valid_id(local_id: str) -> bool:
    """True for ``kind/slug`` ids such as ``company/nvidia`` or ``layer/cloud``."""
    return bool(_ID_RE.match(local_id))


def entity(local_id: str) -> URIRef:
    """The IRI of a named resource from its ``kind/slug`` id."""
    if not is_valid_id(local_id):
        raise ValueError(
            f"{local_id!r} is not a valid id: use kind/slug with lowercase letters, digits and '-'"
        )
    return __getattr__("ID")[local_id]


def local_id(iri: str) -> str | None:
    """The ``kind/slug`` id of a policykg resource IRI, or None for other IRIs."""
    s = str(iri)
    return s[len(ID_BASE):] if s.startswith(ID_BASE) else None


def rebase(iri: str, base: str) -> str:
    """``iri`` moved from the default base to ``base`` (other IRIs unchanged), for publishing
    the graph under another base IRI.

    >>> rebase("https://w3id.org/policykg/id/country/jp", "https://kg.example.org/")
    'https://kg.example.org/id/country/jp'
    >>> rebase("http://www.wikidata.org/entity/Q17", "https://kg.example.org/")
    'http://www.wikidata.org/entity/Q17'
    """
    return base + iri[len(BASE):] if base != BASE and iri.startswith(BASE) else iri


def check_base(base: str) -> str:
    """A base IRI given by a user, checked: absolute http(s), ending in ``/``."""
    import urllib.parse

    u = urllib.parse.urlsplit(base)
    if u.scheme not in ("http", "https") or not u.netloc or not base.endswith("/") or u.query or u.fragment:
        raise ValueError(f"base IRI {base!r}: give an absolute http(s) IRI ending in '/', "
                         f"e.g. https://kg.example.org/policykg/")
    return base


def graph(name: str) -> URIRef:
    """The IRI of one of the named graphs."""
    if name not in GRAPH_NAMES:
        raise ValueError(f"unknown graph {name!r}; one of {', '.join(GRAPH_NAMES)}")
    return __getattr__("GRAPH")[name]


def content_node(kind: str, *parts: object) -> URIRef:
    """A deterministic IRI for a node defined by its content (evidence, claim, dependency...)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]
    return __getattr__("ID")[f"{kind}/{digest}"]


def document(doc_id: str) -> URIRef:
    """The IRI of a source document."""
    return entity(f"doc/{doc_id}")


# the kind (first part of an id) of a candidate entity, by its type
CANDIDATE_KINDS = {"Policy": "policy", "Agency": "agency", "Organisation": "org", "Company": "company",
                   "Country": "country", "Bloc": "bloc", "Group": "group"}


def candidate(entity_type: str, name: str) -> str:
    """The id of a name not yet in the knowledge base, found by extraction (``policy/cand-…``).

    The same name (whitespace and case ignored) always gives the same id, in every document.

    >>> candidate("Policy", "AI  Action Plan") == candidate("Policy", "ai action plan")
    True
    """
    kind = CANDIDATE_KINDS.get(entity_type, "org")
    key = " ".join(name.split()).casefold()
    return f"{kind}/cand-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:12]}"
