"""Synthetic knowledge graphs of any size with the real graph's shape, deterministic by seed.

    .venv/bin/python bench/gen_graph.py 1000000 [--seed 1]     # writes build/bench/graphs/...

The default build (``build/current/policykg.nq``: ontology, curated, extracted and inferred
graphs) is the template. The ontology graph is kept once; the rest (the ABox: policies,
agencies, companies, dependencies, claims with their evidence and sentences, documents, and the
facts inferred from them) is copied as often as the size needs. In copy ``k``:

- every resource is renamed (``policy/geniac`` -> ``policy/geniac-c3``) and its labels get the
  copy's number, so each copy adds new policies, agencies, companies, claims and documents;
- countries, blocs and regions are *hubs*: a copy links its facts either to the real country or
  to one of a few invented variants of it (``country/jp-x2``, "Japan x2"), chosen by the seed, so
  the real countries accumulate facts as the graph grows, as they would in an observatory, and
  the number of countries grows too but stays small;
- ontology terms (classes, properties, layers, resources, schemes, types) are never renamed, so
  every named query means the same thing at every size;
- the last copy takes a seeded sample of the ABox's subjects (with all their triples) to land on
  the requested size (within a few triples); sizes below one copy are such a sample alone.

Inferred facts are copied with the facts they were inferred from, so the copy is as consistent
as the template. The output is N-Quads, sorted per copy, byte-identical for the same template,
size and seed.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEFAULT_OUT, REPO, current_release, options  # noqa: E402

ID = "https://w3id.org/policykg/id/"
ONTOLOGY_GRAPH = "<https://w3id.org/policykg/graph/ontology>"
HUB_KINDS = ("country", "bloc", "region")
LABELS = {"<http://www.w3.org/2000/01/rdf-schema#label>", "<http://www.w3.org/2004/02/skos/core#prefLabel>",
          "<http://www.w3.org/2004/02/skos/core#altLabel>"}
GRAPH_DIR = DEFAULT_OUT / "graphs"


@dataclass
class Template:
    ontology: list[str]  # N-Quads lines of the ontology graph
    abox: list[tuple[str, str, str, str]]  # (s, p, o, g) in N-Triples syntax
    kept: set[str]  # IRIs never renamed (defined in the ontology graph)
    digest: str


def load_template(release: Path | None = None) -> Template:
    """The default build's dataset, split into the ontology (kept) and the ABox (copied)."""
    import pyoxigraph as ox

    release = release or current_release()
    nq = release / "policykg.nq"
    if not nq.exists():
        raise SystemExit(f"{nq} not found: build the default graph first (`make run`)")
    data = nq.read_bytes()
    ontology, abox, kept = [], [], set()
    for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        s, p, o, g = str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)
        if g == ONTOLOGY_GRAPH:
            ontology.append(f"{s} {p} {o} {g} .")
            if isinstance(q.subject, ox.NamedNode):
                kept.add(s)
        else:
            abox.append((s, p, o, g))
    return Template(ontology, abox, kept, hashlib.sha256(data).hexdigest()[:12])


class _Copy:
    """The renaming of one copy ``k`` (k = 0 is the template itself)."""

    def __init__(self, tpl: Template, k: int, variants: int, rng: random.Random) -> None:
        self.k, self.tpl, self.variants, self.rng = k, tpl, variants, rng
        self.hub: dict[str, int] = {}  # hub IRI -> variant (0: the real one)

    def _variant(self, iri: str) -> int:
        if iri not in self.hub:
            self.hub[iri] = self.rng.randint(0, self.variants) if self.k and self.variants else 0
        return self.hub[iri]

    def term(self, t: str) -> str:
        if self.k == 0:
            return t
        if t.startswith("_:"):
            return f"{t}c{self.k}"
        if not t.startswith("<" + ID) or t in self.tpl.kept:
            return t
        if _is_hub(t):
            v = self._variant(t)
            return t if v == 0 else f"{t[:-1]}-x{v}>"
        return f"{t[:-1]}-c{self.k}>"

    def quad(self, s: str, p: str, o: str, g: str) -> str | None:
        """The quad in this copy, or None when it would repeat a real hub's own description."""
        if self.k and _is_hub(s) and not o.startswith(("<", "_:")):
            v = self._variant(s)
            if v == 0:
                return None  # the real country's literals are in copy 0 already
            if p in LABELS:
                o = _suffix(o, f" x{v}")
            return f"{self.term(s)} {p} {o} {g} ."
        if self.k and p in LABELS and o.startswith('"') and s not in self.tpl.kept:
            o = _suffix(o, f" {self.k}")
        return f"{self.term(s)} {p} {self.term(o)} {g} ."


def _suffix(literal: str, extra: str) -> str:
    """``"Japan"@en`` + `` x2`` -> ``"Japan x2"@en`` (N-Triples literal syntax)."""
    end = literal.rindex('"')
    return literal[:end] + extra + literal[end:]


def generate(triples: int, seed: int = 1, out: Path | None = None, template: Template | None = None) -> Path:
    """Write (or reuse) an N-Quads file of about ``triples`` quads; return its path."""
    tpl = template or load_template()
    out = out or GRAPH_DIR
    path = out / f"g{triples}-s{seed}-{tpl.digest}.nq"
    if path.exists():
        return path
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("g*-s*-*.*"):  # made from an older build
        if not stale.name.split(".")[0].endswith(tpl.digest):
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    rng = random.Random(seed)
    budget = triples - len(tpl.ontology)
    if budget <= 0:
        raise SystemExit(f"{triples} triples is less than the ontology alone ({len(tpl.ontology)})")
    full, rest = divmod(budget, len(tpl.abox))
    variants = min(5, (full + 1) // 4)
    by_subject: dict[str, list[int]] = {}
    for i, (s, *_r) in enumerate(tpl.abox):
        by_subject.setdefault(s, []).append(i)
    order = sorted(by_subject)
    rng.shuffle(order)
    tmp = path.with_suffix(".tmp")
    written = len(tpl.ontology)
    shared: set[str] = set()
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(tpl.ontology) + "\n")
        for k in range(full + (1 if rest else 0)):
            if k < full:
                idx = range(len(tpl.abox))
            else:  # the last, partial copy: a seeded sample of subjects with all their triples
                idx, n = [], 0
                for s in order:
                    if n >= rest:
                        break
                    idx += by_subject[s]
                    n += len(by_subject[s])
            copy = _Copy(tpl, k, variants, random.Random(f"{seed}-{k}"))
            lines = []
            for i in idx:
                subj = tpl.abox[i][0]
                line = copy.quad(*tpl.abox[i])
                if line is None:
                    continue
                if subj in tpl.kept or _is_hub(subj):  # shared by the copies: write once
                    if line in shared:
                        continue
                    shared.add(line)
                lines.append(line)
            lines.sort()
            f.write("\n".join(lines) + "\n")
            written += len(lines)
    os.replace(tmp, path)
    path.with_suffix(".json").write_text(json.dumps(
        {"requested": triples, "quads": written, "seed": seed, "template": tpl.digest, "copies": full,
         "partial_copy_quads": rest, "hub_variants": variants}, indent=2), encoding="utf-8")
    return path


def _is_hub(t: str) -> bool:
    return t.startswith("<" + ID) and t[len(ID) + 1:].split("/", 1)[0] in HUB_KINDS


def info(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def store_for(path: Path):
    """A persistent pyoxigraph store of the generated file (built once, next to it), read-only."""
    import pyoxigraph as ox

    folder = path.with_suffix(".store")
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        t = time.perf_counter()
        store = ox.Store(str(folder))
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        store.optimize()
        del store
        (folder / ".complete").write_text(f"{time.perf_counter() - t:.2f}", encoding="utf-8")
    return ox.Store.read_only(str(folder))


def load_seconds(path: Path) -> float:
    """How long the bulk load of :func:`store_for` took when it built the store."""
    return float((path.with_suffix(".store") / ".complete").read_text(encoding="utf-8"))


def main() -> int:
    def extra(ap):
        ap.add_argument("triples", type=int, nargs="+", help="sizes, e.g. 10000 100000 1000000")
        ap.add_argument("--seed", type=int, default=1)

    args = options(__doc__, extra=extra)
    tpl = load_template()
    for n in args.triples:
        path = generate(n, args.seed, template=tpl)
        print(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: {info(path)['quads']:,} quads")
    return 0


if __name__ == "__main__":
    sys.exit(main())
