"""The small hand-made gazetteer the pipeline tests use (instead of the whole knowledge base), and
helpers to read entities and facts off a doc."""

from __future__ import annotations

from contextlib import contextmanager


def _patterns() -> list[dict[str, str]]:
    names = [
        ("Country", "country/jp", ["일본", "Japan"]),
        ("Country", "country/us", ["미국", "United States", "US", "美", "미"]),
        ("Country", "country/cn", ["중국", "China", "中", "중"]),
        ("Country", "country/fr", ["프랑스", "France"]),
        ("Country", "country/kr", ["한국", "South Korea", "Korea", "한"]),
        ("Country", "country/ca", ["캐나다", "Canada"]),
        ("Resource", "resource/cloud", ["클라우드", "cloud"]),
        ("Resource", "resource/gpu", ["GPU", "GPUs"]),
        ("Resource", "resource/ai-chip", ["반도체", "semiconductors", "chips", "칩"]),
        ("Resource", "resource/datacentre", ["데이터센터", "data centres", "data centers"]),
        ("Layer", "layer/model", ["모델·데이터", "Model and data layer"]),
        ("Layer", "element/ecosystem", ["AI 생태계", "AI ecosystem"]),
        ("Agency", "agency/kr-msit", ["과학기술정보통신부", "Ministry of Science and ICT"]),
        ("Policy", "policy/kr-ai-basic-act", ["AI 기본법", "인공지능 기본법", "AI Basic Act"]),
        ("Company", "company/nvidia", ["엔비디아", "Nvidia"]),
        ("Company", "company/huawei", ["화웨이", "Huawei"]),
        ("Company", "company/scale-ai", ["Scale AI"]),
    ]
    owners = {"agency/kr-msit": "country/kr"}  # the country of a government body (queries/lookup/owners.rq)
    pats = [{"label": label, "pattern": n, "id": i, **({"owner": owners[i]} if i in owners else {})}
            for label, i, ns in names for n in ns]
    return sorted(pats, key=lambda p: (p["pattern"], p["id"]))


PATTERNS = _patterns()


@contextmanager
def more_names(lang: str, extra: list[dict[str, str]]):
    """The pipeline of ``lang`` with ``extra`` patterns besides the small gazetteer; the other tests,
    which share the pipeline, get the small gazetteer back afterwards."""
    from ingest.nlp import pipeline

    try:
        yield pipeline(lang, PATTERNS + extra)
    finally:
        pipeline(lang, PATTERNS)


@contextmanager
def with_names(extra: list[dict[str, str]]):
    """Both pipelines with ``extra`` patterns besides the small gazetteer, as (ko, en); the pipelines
    are shared, so the small gazetteer comes back afterwards, whatever ran before or runs next."""
    from ingest.nlp import pipeline

    patterns = PATTERNS + extra
    try:
        yield pipeline("ko", patterns), pipeline("en", patterns)
    finally:
        pipeline("ko", PATTERNS)
        pipeline("en", PATTERNS)


def nlp_for(lang, ko, en):
    return ko if lang == "ko" else en


def ents(doc) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def facts(doc, relation: str | None = None) -> list[tuple]:
    """(relation, subject id, object id) of the doc's facts, optionally of one relation."""
    return [(f.relation, f.subject.id, f.object.id if f.object else None)
            for f in doc._.facts or [] if relation is None or f.relation == relation]


def last_doc(nlp, *segments):
    """The last of ``segments`` (``(kind, text)``, one document's segments in order) through ``nlp``."""
    nlp.get_pipe("policykg_relations").reset()
    docs = []
    for kind, text in segments:
        d = nlp.make_doc(text)
        d.user_data["segment"] = kind
        docs.append(d)
    return list(nlp.pipe(docs))[-1]
