"""The ``policykg_cues`` component: names not yet in the knowledge base, found by their form.

Titles in 「」/『』 or quotes ending in a policy word, English capitalised phrases ending in Act,
Strategy, Plan..., organisation names ending in 부, 청, 위원회, 연구원, Ministry, Agency, Office...,
and Korean law titles written without brackets ("…에 관한 법률"). They become entities with an
empty ``kb_id_``, typed by the cue, and are minted as proposed candidates; a cue name that is a
known name written differently (spacing, brackets) is linked to it. Runs after the gazetteer of
:mod:`ingest.nlp`.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .english_names import NOT_COMPANY_WORDS, introduced_names, official_title
from .korean_names import KO_SHORT_TITLE, korean_companies, korean_law_titles, korean_listed_with
from .lexicon import DEMONYMS
from .mentions import BODY_TYPES, BRACKET_AFTER, takes_bracketed_name
from .nlp import doc_text, known_names, name_key

_POLICY_HEADS_KO = {
    "법": "LawOrRegulation", "법률": "LawOrRegulation", "법안": "LawOrRegulation", "규정": "LawOrRegulation",
    "령": "LawOrRegulation", "지침": "LawOrRegulation", "가이드라인": "LawOrRegulation",
    "전략": "StrategyOrPlan", "계획": "StrategyOrPlan", "로드맵": "StrategyOrPlan", "방안": "StrategyOrPlan",
    "정책": "StrategyOrPlan", "구상": "StrategyOrPlan", "비전": "StrategyOrPlan", "과제": "StrategyOrPlan",
    "프로젝트": "ProgrammeOrProject", "사업": "ProgrammeOrProject", "프로그램": "ProgrammeOrProject",
    "펀드": "InvestmentOrFund", "기금": "InvestmentOrFund",
    "이니셔티브": "Initiative", "선언": "Initiative", "파트너십": "Initiative", "협정": "Initiative",
}
_POLICY_HEADS_EN = {
    "Act": "LawOrRegulation", "Law": "LawOrRegulation", "Regulation": "LawOrRegulation", "Directive": "LawOrRegulation",
    "Order": "LawOrRegulation", "Bill": "LawOrRegulation", "Rule": "LawOrRegulation",
    "Strategy": "StrategyOrPlan", "Plan": "StrategyOrPlan", "Roadmap": "StrategyOrPlan", "Framework": "StrategyOrPlan",
    "Agenda": "StrategyOrPlan", "Vision": "StrategyOrPlan",
    "Programme": "ProgrammeOrProject", "Program": "ProgrammeOrProject", "Project": "ProgrammeOrProject",
    "Package": "ProgrammeOrProject", "Scheme": "ProgrammeOrProject", "Pilot": "ProgrammeOrProject",
    "Mission": "ProgrammeOrProject",
    "Fund": "InvestmentOrFund", "Facility": "InvestmentOrFund",
    "Initiative": "Initiative", "Declaration": "Initiative", "Partnership": "Initiative",
    "Blueprint": "StrategyOrPlan", "Masterplan": "StrategyOrPlan", "Guide": "LawOrRegulation",
    "Convention": "LawOrRegulation", "Treaty": "LawOrRegulation", "Compact": "Initiative", "Charter": "Initiative",
    "Pact": "Initiative", "Accord": "Initiative", "Fellowship": "ProgrammeOrProject", "Corridor": "ProgrammeOrProject",
    "Commons": "ProgrammeOrProject",
}
_ORG_HEADS_KO = {"부": "Agency", "청": "Agency", "처": "Agency", "위원회": "Agency", "연구원": "Agency",
                 "연구소": "Agency", "진흥원": "Agency", "공사": "Agency", "공단": "Agency", "재단": "Organisation",
                 "협회": "Organisation", "대학교": "Organisation", "대학": "Organisation",
                 # local governments: "울산광역시", "서울특별시", "제주특별자치도"
                 "광역시": "Agency", "특별시": "Agency", "특별자치시": "Agency", "특별자치도": "Agency"}
_ORG_HEADS_EN = {"Ministry": "Agency", "Agency": "Agency", "Office": "Agency", "Department": "Agency",
                 "Commission": "Agency", "Council": "Agency", "Authority": "Agency", "Bureau": "Agency",
                 "Committee": "Agency", "Institute": "Agency", "Unit": "Agency", "Division": "Agency",
                 "Directorate": "Agency", "Secretariat": "Agency", "Taskforce": "Agency", "Centre": "Agency",
                 "Center": "Agency",
                 "University": "Organisation", "Foundation": "Organisation", "Association": "Organisation",
                 "Bank": "Organisation", "Alliance": "Organisation", "Corporation": "Organisation",
                 "Parliament": "Agency", "Assembly": "Agency", "Yuan": "Agency", "Cabinet": "Agency",
                 # (after the heads above: "African Union Commission" is a body, "African Union" a bloc)
                 "Union": "Bloc", "Community": "Bloc", "League": "Bloc", "Organization": "Organisation",
                 "Organisation": "Organisation"}
# common words that end like an organisation name but are not one (요청, 신청, 전부, 일부 as words of
# their own: "국가연구혁신청", "행정안전부" are agencies)
_NOT_ORGS = re.compile(
    r"(?:정부|(?:^|\s)일부|(?:^|\s)전부|내부|외부|세부|본부|여부|대부분|부분|간부|흉부|국부|(?:^|\s)요청|(?:^|\s)신청|청취|대처|조처|출처|"
    r"근처|텍처|곳곳|공사비|공사장|재단법인|협회장|대학원|대학생|연구원들|위원회의|(?<!과)학부)$")

# "a programme called Chip Nusantara", "the initiative, dubbed 'Digital Sky'": the kind of policy, then
# its name as the text calls it
EN_KINDS = {"programme": "ProgrammeOrProject", "program": "ProgrammeOrProject", "project": "ProgrammeOrProject",
             "scheme": "ProgrammeOrProject", "mission": "ProgrammeOrProject", "plan": "StrategyOrPlan",
             "strategy": "StrategyOrPlan", "roadmap": "StrategyOrPlan", "framework": "StrategyOrPlan",
             "initiative": "Initiative", "partnership": "Initiative", "fund": "InvestmentOrFund",
             "law": "LawOrRegulation", "act": "LawOrRegulation", "bill": "LawOrRegulation", "regulation": "LawOrRegulation",
             "blueprint": "StrategyOrPlan", "masterplan": "StrategyOrPlan", "compact": "Initiative", "charter": "Initiative",
             "pact": "Initiative", "convention": "LawOrRegulation", "treaty": "LawOrRegulation"}
_EN_CALLED = re.compile(rf"\b(?i:({'|'.join(EN_KINDS)})),?\s+(?:called|named|dubbed|known as|titled|entitled)\s+"
                        r"[‘“\"']?(?:the\s+)?([A-Z][\w&'’+-]*(?:\s+(?:(?:of|and|for|on|the|in|to)\s+)*[A-Z][\w&'’+-]*"
                        r"|\s+\d{4})*)")
# a name set beside its kind word: "The programme, Qatar Compute 2030 (QC2030), will be overseen by …"
_EN_APPOSITIVE = re.compile(rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:new\s+|national\s+|flagship\s+)?(?i:({'|'.join(EN_KINDS)})),"
                            r"\s+((?:[A-Z][\w&'’+-]*|\d{4})(?:\s+(?:[A-Z][\w&'’+-]*|\d{4}|of|and|for|&))*)"
                            r"(?=\s*[,(]|\s+(?:is|was|will|has|had|which|that)\b)")
# a quoted name that a kind word names as a policy, before or after it: "a compute roadmap, “Compute for a
# Sovereign Britain”", "the “East Data, West Computing” programme"
_EN_KIND = rf"(?i:({'|'.join(EN_KINDS)})s?)"
_EN_QUOTED_KIND = re.compile(rf"\b{_EN_KIND},?\s+[‘“\"]([A-Z][^’”\"\n]{{1,80}})[’”\"]"
                             rf"|[‘“\"]([A-Z][^’”\"\n]{{1,80}})[’”\"]\s+{_EN_KIND}\b")
# a capitalised name that a kind word after it names as a policy: "the Swiss Government Cloud programme",
# "Japan's GENIAC project", "the Talento IA programme" (the kind word is no part of the name)
_EN_NAMED_KIND = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[A-Z][\w-]*['’]s)\s+((?:[A-Z](?:[\w&'’+-]|\.(?=\w))*|\d{4})"
                            r"(?:\s+(?:[A-Z](?:[\w&'’+-]|\.(?=\w))*|\d{4}|of|and|for|to|&))*?)\s+"
                            r"(programme|program|project|initiative|scheme|mission|fund|strategy|plan|roadmap)\b")
# the cues whose names are one name over the known names inside them: titles in 「」, "called X", a
# quoted name a kind word names, a Korean law's title
_ONE_NAME_RULES = ("cue.title", "cue.en-called", "cue.en-quoted-kind", "cue.ko-law")
_EN_TITLE_SMALL = {"of", "and", "for", "a", "an", "the", "on", "in", "to", "de", "la", "with", "&", "by"}
_TITLE = re.compile(r"[「『]([^」』\n]{2,80})[」』]")
_QUOTED = re.compile(r"[‘“\"']([^’”\"'\n]{2,160})[’”\"']")
_EN_NAME_WORD = r"[A-Z](?:[\w&'’-]|\.(?=\w))*(?:(?<=\b[A-Z])\.)?"  # ("U.S.", not "No." of "No. The …")
_EN_NAME = rf"(?:{_EN_NAME_WORD}|\d{{4}}|of|and|for|on|the|in|to|de|la|&)"
_EN_POLICY = re.compile(rf"\b((?:{_EN_NAME_WORD})(?:\s+{_EN_NAME})*?\s+(?:{'|'.join(_POLICY_HEADS_EN)}))\b")
# a policy named as one ("National AI Policy", "AI Development Policy to 2030"; not a heading's "China's
# AI Policy Trends and Sovereign AI Policy")
_EN_NAMED_POLICY = re.compile(r"\b((?:National(?:\s+[A-Z][\w-]*){1,3}\s+Policy)(?:\s+(?:to\s+)?(?:19|20)\d{2})?"
                              r"|(?:[A-Z][\w-]*\s+){1,3}Policy\s+(?:to\s+)?(?:19|20)\d{2}"
                              # (or the text's: "the Public Service Cloud Policy since 2019", "The Cloud
                              # First Policy, issued by …"; not a heading's "AI Policy Trends")
                              r"|(?<=[Tt]he\s)(?:[A-Z][\w-]*\s+){2,4}Policy(?=\s+[a-z]|[,.;:)]))\b")
# what joins two names ("… Office and the Korean AI Basic Act"), which a new name does not run across
_EN_JOINED = re.compile(r"\s(?:and|&)\s+(the\s+)?")
# capitalised words after a determiner, right before a name ("the Baltic " of "the Baltic AI Factory")
_EN_MORE_BEFORE = re.compile(r"\b(?:the|a|an|its|their)\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+$")
# a project named after its kind word: "Project Deccan", "Project Stargate" (not a body: "Project Office")
_EN_PROJECT = re.compile(rf"\b(Project(?:\s+[A-Z][\w&'’-]*){{1,2}})\b(?!\s+(?:{'|'.join(_ORG_HEADS_EN)})\b)")
# "Ministry of Electronics and Information Technology", "Ministry of Science, Technology and Innovation",
# "Ministry for Digital Transformation and the Civil Service", "Spanish Agency for the Supervision of
# Artificial Intelligence" (a capitalised word, not a possessive: "the Council of Europe's Convention")
_EN_CAPS = r"[A-Z](?:[\w&-]|\.(?=\w)|['’](?!s\b))*"  # (not "Governance." of "… Governance. The")
_EN_AND = r"(?:and|&)\s+(?:the\s+)?"
_EN_OF_NAME = rf"\s+(?:of|for|on)\s+(?:the\s+)?{_EN_CAPS}(?:\s+(?:{_EN_AND})?{_EN_CAPS})*" \
              rf"(?:(?:,\s+{_EN_CAPS}(?:\s+{_EN_CAPS})*)*,?\s+{_EN_AND}{_EN_CAPS}(?:\s+{_EN_CAPS})*)?"
# a capitalised word that does not end a sentence ("U.S. Department", not "Europe." of "… and Europe. The")
_EN_WORD = r"[A-Z](?:[\w&'’-]|\.(?=\w))*(?:(?<=\b[A-Z])\.)?"
_EN_ORG = re.compile(
    rf"\b((?:(?:{_EN_WORD})\s+(?:(?:and|&)\s+)?)*(?:{'|'.join(_ORG_HEADS_EN)})(?:{_EN_OF_NAME}){{0,2}})\b")
_EN_ORG_HEAD = re.compile(rf"\b(?:{'|'.join(_ORG_HEADS_EN)})\b")
_KO_ORG = re.compile(rf"([가-힣A-Za-z0-9·]{{2,24}}?(?:{'|'.join(sorted(_ORG_HEADS_KO, key=len, reverse=True))}))"
                     r"(?=[^가-힣]|[은는이가을를의에과와도로]|$)")
# what may follow the kind word of an English name: "National Strategy on AI Research", "Plan for
# Digital Sovereignty" (not "Strategy of France": a country after it is another mention)
_EN_POLICY_TAIL = re.compile(r"\s+(?:on|for|of)\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w&'’-]*)*")
# a year that ends a new English name ("National AI Capability Fund Act 2026"; not "Act 2,000"); a version
# number ends any policy's name (:meth:`ingest.mentions.Mentions.versioned`)
# ("AI Development Policy to 2030", "… Compute Act of 2026", "… Strategy 2024-2030"); so does a bill's number
# ("Senate Bill No. 2147")
_EN_YEAR = re.compile(r"\s+(?:(?:to|of)\s+)?(?:19|20)\d{2}(?:\s?[-–]\s?(?:19|20)\d{2})?(?![\d,.]\d)\b|\s+No\.\s*\d+\b")
# whose a name is, before it: "Singapore's Smart Nation Initiative" names Singapore, then the policy
_POSSESSOR = re.compile(r"^.*['’]s\s+")
_DATA_CENTRE = re.compile(r"\bData\s+Cent(?:re|er)\b")  # a data centre is a resource, not a body
# a body owning the body named after it, up to its possessive: "Commerce Department's" of "the Commerce
# Department's Bureau of Industry and Security" (not a country's: "Singapore's Infocomm Media Development
# Authority" is one body's name, whose it is before it)
_OWNER_BODY = re.compile(rf"^(.*?\b(?:{'|'.join(_ORG_HEADS_EN)}))['’]s\s+(?=.*\b(?:{'|'.join(_ORG_HEADS_EN)})\b)")
# a kind word right after the one a name ends with: "AI Regulation Bill", "Data Strategy Framework"
_EN_HEAD_AFTER = re.compile(rf"\s+(?:{'|'.join(_POLICY_HEADS_EN)})\b")
# a determiner before a name is not part of it ("the Digital Agency", "Its Brazilian AI Plan")
# (nor a preposition that opens the sentence: "Under the AI and Semiconductor … Framework")
_LEADING_THE = re.compile(r"^(?:(?:Under|Through|Via|With|From|In|On|For|By|Unlike|Like|Since|After|Before|During|"
                          r"Despite|Without|Within|Across|Beyond|Following|Alongside)\s+)?"
                          r"(?:(?i:the|a|an|its|their|our|his|her|this|that|these|those)\s+)?"
                          r"(?:(?:19|20)\d{2}\s+)?")  # (nor its year: "the 2020 National Strategy for AI")


# an institute or a centre of the state: "National …", "AI Safety Institute", "Barcelona Supercomputing
# Center" (or one a country's name is in: "Korea Institute of …")
_PUBLIC_CENTRE = re.compile(r"\b(?:National|Federal|Government|Public|Supercomputing|Computing)\b")
_PUBLIC_BODY = {"Institute": re.compile(r"\b(?:National|Federal|State|Government|Safety|Security|Standards|Public|Royal)\b"),
                "Centre": _PUBLIC_CENTRE, "Center": _PUBLIC_CENTRE}

def _policy_type_ko(title: str) -> str | None:
    for head in sorted(_POLICY_HEADS_KO, key=len, reverse=True):
        if title.rstrip().endswith(head):
            return _POLICY_HEADS_KO[head]
    return None


class Cues:
    """Finds names that are not in the knowledge base yet, by the form of the name."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp
        # the companies and bodies a document has introduced ("G42, the … company", "GENCI, the national
        # … agency", "Ministry of Electronics and Information Technology (MeitY)"), by name: their type,
        # knowledge-base id ("" for a new one) and the name they stand for ("" for their own)
        self.introduced: dict[str, tuple[str, str, str]] = {}
        self._unions: tuple[Any, set[str]] = (None, set())

    def reset(self) -> None:
        """Forget the names the last document introduced (the relation extractor's reset calls this at
        the start of each document)."""
        self.introduced.clear()

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found: list[Span] = []
        rules: dict[tuple[int, int], str] = {}
        index = known_names(self.nlp)

        def add(start: int, end: int, label: str, cls: str, rule: str, kb_id: str = "") -> Span | None:
            label = "Policy" if cls in _POLICY_CLASSES else label
            known = index.get(name_key(text[start:end]))
            how = f"cue.{rule}:{cls}"
            if known is not None:  # a known entity written differently (spacing, brackets): link it
                label, kb_id, how = known["label"], known["id"], f"cue.{rule}+alias"
            span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="strict")
            if span is None:
                span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")
                if span is None or len(span.text) > (end - start) + 1:
                    return None
            rules[(span.start, span.end)] = how
            found.append(span)
            return span

        for m in _TITLE.finditer(text):
            inner = m.group(1).strip()
            if len(inner) >= 2 and not _bare_kind(inner):
                add(m.start(1), m.start(1) + len(m.group(1).rstrip()), "Policy",
                    policy_kind(inner) or "Policy", "title")
        for m in _QUOTED.finditer(text):
            inner = m.group(1).strip()
            cls = policy_kind(inner) if len(inner.split()) <= 8 else None
            cls = cls or official_title(inner)
            if cls and not _bare_kind(inner):
                add(m.start(1), m.start(1) + len(m.group(1).rstrip()), "Policy", cls, "quoted")
        for m in _EN_QUOTED_KIND.finditer(text):
            g = 2 if m.group(2) else 3
            words = re.findall(r"[\w&'’+-]+", m.group(g))
            if all(w[:1].isupper() or w[:1].isdigit() or w in _EN_TITLE_SMALL for w in words) \
                    and not _bare_kind(m.group(g)):
                kind = (m.group(1) or m.group(4)).lower()
                add(m.start(g), m.end(g), "Policy", EN_KINDS.get(kind, EN_KINDS.get(kind[:-1], "Policy")),
                    "en-quoted-kind")
        for m in _EN_CALLED.finditer(text):
            add(m.start(2), m.end(2), "Policy", EN_KINDS[m.group(1).lower()], "en-called")
        for m in _EN_APPOSITIVE.finditer(text) if self.nlp.lang == "en" else ():
            if sum(w[:1].isupper() or w[:1].isdigit() for w in m.group(2).split()) >= 2:
                add(m.start(2), m.end(2), "Policy", EN_KINDS[m.group(1).lower()], "en-called")
        for m in _EN_NAMED_KIND.finditer(text) if self.nlp.lang == "en" else ():  # (not "the EU programme")
            known = index.get(name_key(m.group(1)))
            if (known is None or known["label"] == "Policy") and m.group(1) not in NOT_COMPANY_WORDS \
                    and m.group(1) not in DEMONYMS:
                add(m.start(1), m.end(1), "Policy", EN_KINDS[m.group(2)], "en-named-kind")
        # "the Union" of a text that has named a union of states is that union ("the European Union …
        # the Union's cloud market", "Union funding instruments")
        if self.nlp.lang == "en" and "Union" not in self.introduced:
            # (the blocs the knowledge base calls a union, once per set of names the gazetteer loads)
            loaded = getattr(self.nlp.get_pipe("policykg_gazetteer"), "loaded", index)
            if self._unions[0] is not loaded:
                self._unions = (loaded, {v["id"] for k, v in index.items() if v["label"] == "Bloc" and k.endswith("union")})
            union = next((e for e in doc.ents if e.kb_id_ in self._unions[1]), None)
            if union is not None:
                self.introduced["Union"] = ("Bloc", union.kb_id_, "")
        # companies by what the text calls them ("G42, the Abu Dhabi AI company", "the Indian start-up
        # Sarvam"), and the same names again later in the document
        named, bodies = introduced_names(doc, self.nlp.lang)
        if self.nlp.lang == "ko":  # ("국영 통신사 텔콤(Telkom)", "타타 일렉트로닉스(Tata Electronics)")
            named += [text[a:b] for a, b in korean_companies(text)]
            named += korean_listed_with(text, doc)  # ("네이버클라우드, KT클라우드, NHN클라우드")
        for name, label in [(n, "Company") for n in named] + [(n, "Agency") for n in bodies]:
            if name.split()[0] not in NOT_COMPANY_WORDS and index.get(name_key(name)) is None:
                self.introduced.setdefault(name, (label, "", ""))
        # (``doc.user_data["aliases"]``: the name a new one stands for, by its offsets, so that facts
        # name one entity: :func:`ingest.facts.one_of_alternatives`)
        aliases = doc.user_data.setdefault("aliases", {})
        for name, (label, kb_id, full) in self.introduced.items():
            for start, end in self._occurrences(text, name):
                span = add(start, end, label, label, f"{self.nlp.lang}-{label.lower()}", kb_id)
                if span is not None and full and not kb_id:
                    aliases[span.start_char, span.end_char] = full
        for m in _EN_POLICY.finditer(text):
            name = _LEADING_THE.sub("", _POSSESSOR.sub("", m.group(1)))  # ("Singapore's Smart Nation Initiative")
            start, end = m.end(1) - len(name), m.end(1)
            while (more := _EN_HEAD_AFTER.match(text, end)) is not None:  # "AI Regulation Bill"
                end, name = more.end(), name + more.group(0)
            tail = _EN_POLICY_TAIL.match(text, end)
            inside = [e for e in doc.ents if e.start_char < tail.end() and e.end_char > end] if tail else []
            # (a country after "for" is part of the name: "National Artificial Intelligence Strategy for Qatar")
            if tail and (not inside or tail.group(0).split()[0] == "for" and len(inside) == 1
                         and inside[0].label_ in ("Country", "Bloc") and inside[0].end_char == tail.end()):
                end = tail.end()
            if (year := _EN_YEAR.match(text, end)) is not None:  # "… Fund Act 2026"
                end = year.end()
            # (not two names joined: "the European AI Office and the Korean AI Basic Act" names the Act last)
            joined = [j for j in _EN_JOINED.finditer(text, start, end) if j.group(1) or any(
                start <= e.start_char and e.end_char <= j.start() and e.label_ not in _NAME_PARTS for e in doc.ents)]
            if joined:
                start = joined[-1].end()
                name = text[start:m.end(1)]
            if sum(w[:1].isupper() for w in name.split()) >= 2:
                add(start, end, "Policy", _en_policy_type(name) or "Policy", "en-policy")
        for m in _EN_NAMED_POLICY.finditer(text):
            name = _LEADING_THE.sub("", m.group(1))
            if sum(w[:1].isupper() for w in name.split()) >= 2:
                add(m.end(1) - len(name), m.end(1), "Policy", "StrategyOrPlan", "en-policy")
        for k in doc.ents if self.nlp.lang == "en" else ():  # more capitalised words before a known policy's
            # name make another name ("the Baltic AI Factory" is not the EU's AI Factories; not "the US AI
            # Action Plan", "the Korean AI Basic Act", "the European AI Office")
            more = _EN_MORE_BEFORE.search(text, max(0, k.start_char - 80), k.start_char) \
                if k.label_ == "Policy" and k.kb_id_ else None
            if more is not None and not any(w in DEMONYMS or w == "European" or index.get(name_key(w)) is not None
                                            for w in more.group(1).split()):
                add(more.start(1), k.end_char, "Policy", "Policy", "en-policy")
        for m in _EN_PROJECT.finditer(text):
            if not any(w in _ORG_HEADS_EN or w in _POLICY_HEADS_EN for w in m.group(1).split()[1:]):
                add(m.start(1), m.end(1), "Policy", "ProgrammeOrProject", "en-policy")
        for m in _EN_ORG.finditer(text):  # (not whose it is: "Singapore's Infocomm Media Development Authority")
            at = _EN_ORG_HEAD.search(m.group(1))
            whose = _POSSESSOR.match(m.group(1)[:at.start()])
            if whose is None and (owner := _OWNER_BODY.match(m.group(1))) is not None:
                # a body's body: "the Commerce Department's Bureau of Industry and Security" names two
                whose, name = owner, _LEADING_THE.sub("", owner.group(1))
                if sum(w[:1].isupper() for w in name.split()) >= 2:
                    label = _org_label(name, index)
                    add(m.start(1) + owner.end(1) - len(name), m.start(1) + owner.end(1), label, label, "en-org")
                at = _EN_ORG_HEAD.search(m.group(1), whose.end())
            name = _LEADING_THE.sub("", m.group(1)[whose.end() if whose else 0:at.start()]) + m.group(1)[at.start():]
            if sum(w[:1].isupper() for w in name.split()) >= 2 and not _DATA_CENTRE.search(name):
                label = _org_label(name, index)
                add(m.end(1) - len(name), m.end(1), label, label, "en-org")
        for m in _KO_ORG.finditer(text):
            name = m.group(1)
            if _NOT_ORGS.search(name) or not re.search(r"[가-힣]{2}", name[:-1]):
                continue
            if m.start(1) > 0 and re.match(r"[가-힣A-Za-z0-9]", text[m.start(1) - 1]):
                continue  # must start a word
            head = next(h for h in sorted(_ORG_HEADS_KO, key=len, reverse=True) if name.endswith(h))
            if len(name) - len(head) < (3 if head in ("부", "처") else 2):
                continue
            add(m.start(1), m.end(1), _ORG_HEADS_KO[head], _ORG_HEADS_KO[head], "ko-org")
        for start, end in korean_law_titles(doc):
            add(start, end, "Policy", "LawOrRegulation", "ko-law")
        for m in KO_SHORT_TITLE.finditer(text):  # "(약칭: AI컴퓨팅법)"
            add(m.start(1), m.end(1), "Policy", "LawOrRegulation", "ko-law")
        # a title in 「」 is one name even when it contains a known one (「AI 반도체 육성 사업」), and so
        # is a capitalised English policy or body name around a known layer or resource ("Sovereign AI
        # Compute Strategy", "National Compute Authority"); a known actor inside an English name stays
        # ("Japan's AI Strategy")
        def inside(k: Span, t: Span) -> bool:
            return t.start <= k.start and k.end <= t.end and (t.start, t.end) != (k.start, k.end)

        titles = [f for f in found if rules.get((f.start, f.end), "").startswith(_ONE_NAME_RULES)]
        en_names = [f for f in found
                    if rules.get((f.start, f.end), "").startswith(("cue.en-policy", "cue.en-named-kind"))]
        en_orgs = [f for f in found if rules.get((f.start, f.end), "").startswith("cue.en-org")]
        ko_firms = [f for f in found if rules.get((f.start, f.end), "").startswith("cue.ko-company")]  # ("KT클라우드")
        def ends_body_name(k: Span, o: Span) -> bool:
            """Whether a country ends a new English body's name after "of" ("Business Development Bank of
            Canada"; not one owning what follows, "the Office of Canada's Chief Scientist", nor one after
            a known body's name, "Ministry of Science and ICT of Korea")."""
            return k.label_ in ("Country", "Bloc") and inside(k, o) and k.end == o.end \
                and _OF_END.search(doc[o.start:k.start].text) is not None and not _POSSESSIVE.match(text, k.end_char) \
                and not any(b.label_ in BODY_TYPES and inside(b, o) for b in doc.ents)

        known = [k for k in doc.ents if not any(inside(k, t) for t in titles)
                 and not (k.label_ in _NAME_PARTS and any(inside(k, t) for t in en_names + en_orgs + ko_firms))
                 and not any(ends_body_name(k, o) for o in en_orgs)
                 and not any(k.label_ in ("Country", "Bloc") and inside(k, n) and k.end == n.end
                             and doc[k.start - 1].text == "for" for n in en_names)]  # ("… Strategy for Qatar")
        # a known body's or policy's name ending a longer English name of its kind is part of it, unless a
        # country (or its adjective) opens that name ("National AI Office" is not the EU's "AI Office",
        # nor "K-ASEAN AI Fellowship" the EU's "AI Fellowship"; "UK AI Safety Institute" is; "C." of "C.
        # Sovereign AI Unit" numbers a heading)
        def longer_name(k: Span, o: Span) -> bool:
            # (capitalised words before it, in its sentence: not "Participants in the Stargate Project")
            words = doc[o.start:k.start]
            return inside(k, o) and k.end == o.end and re.search(r"[A-Za-z]{2}", words.text) is not None \
                and all(t.text[:1].isupper() or t.text[:1].isdigit() or t.is_punct for t in words) \
                and not any(t.is_sent_start for t in doc[o.start + 1:k.end]) and o[0].text not in DEMONYMS \
                and not any(c.label_ in ("Country", "Bloc") and o.start <= c.start < k.start for c in doc.ents)

        # a known body named by its head word alone opening a longer body's name is no part of it: "the
        # Commission on Higher Education" is not the European Commission
        def head_of(k: Span, o: Span) -> bool:
            return inside(k, o) and k.start == o.start and len(k) == 1 and k.text in _ORG_HEADS_EN \
                and doc[k.end].lower_ in ("on", "of", "for")

        # a known policy's name opening a longer English one that another kind word ends is another
        # policy: "the National AI Strategy Roadmap 2.0" is not the National AI Strategy
        def opens(k: Span, o: Span) -> bool:
            return inside(k, o) and k.start == o.start and \
                _EN_HEAD_AFTER.fullmatch(text, k.end_char, o.end_char) is not None

        known = [k for k in known if not (k.label_ in BODY_TYPES and any(longer_name(k, o) or head_of(k, o) for o in en_orgs)
                                          or k.label_ == "Policy" and any(longer_name(k, o) or opens(k, o)
                                                                          for o in en_names))]
        # a country opening an English policy name without a possessive is part of it ("India
        # Semiconductor Mission"), unless the name holds another known one ("EU AI Act")
        opening = [k for k in known if k.label_ in ("Country", "Bloc") and any(
            k.start == t.start and k.end < t.end and not any(o is not k and o.start < t.end and t.start < o.end
                                                              for o in known) for t in en_names)]
        known = [k for k in known if k not in opening]
        new = filter_spans([s for s in found if not any(s.start < k.end and k.start < s.end for k in known)])
        doc.ents = known + new
        for span in doc.ents:
            if (span.start, span.end) in rules and span in new:
                span._.rule = rules[(span.start, span.end)]
        # a Latin name in brackets right after a body's or a company's names it later in the paragraph
        # and the document too ("… Information Technology (MeitY)", "정보통신산업진흥원(NIPA)"; the one in
        # brackets: :meth:`ingest.mentions.Mentions.bracketed_names`)
        later: list[Span] = []
        for e in doc.ents:
            if (m := BRACKET_AFTER.match(text, e.end_char)) is not None and takes_bracketed_name(e, m.group(1)) \
                    and index.get(name_key(m.group(1))) is None \
                    and not any(o.start_char < m.end(1) and m.start(1) < o.end_char for o in doc.ents) \
                    and m.group(1) not in self.introduced:
                self.introduced[m.group(1)] = (e.label_, e.kb_id_, e.text)
                for start, end in self._occurrences(text, m.group(1), m.end()):
                    span = doc.char_span(start, end, label=e.label_, kb_id=e.kb_id_)
                    if span is not None and not any(o.start < span.end and span.start < o.end
                                                    for o in [*doc.ents, *later]):
                        span._.rule = f"cue.{self.nlp.lang}-{e.label_.lower()}:{e.label_}"
                        later.append(span)
                        if not e.kb_id_:
                            aliases[start, end] = e.text
        if later:
            doc.ents = sorted([*doc.ents, *later], key=lambda x: x.start)
        return doc

    def _occurrences(self, text: str, name: str, pos: int = 0) -> list[tuple[int, int]]:
        """Where a name is written as a word of its own from ``pos`` on (a Korean name may have
        particles: "텔콤은")."""
        after = r"(?![A-Za-z0-9-])" if self.nlp.lang == "ko" else r"(?![\w-])"
        return [m.span() for m in re.compile(rf"(?<![\w-]){re.escape(name)}{after}").finditer(text, pos)]

    def to_disk(self, _path: Any, **_kw: Any) -> None:
        return None

    def from_disk(self, _path: Any, **_kw: Any) -> "Cues":
        return self


# a body of member states: a bloc ("Association of Southeast Asian Nations"), not an organisation
_ORG_HEADS_OF_MEMBERS = frozenset({"Association", "Organization", "Organisation", "Community", "League", "Union"})
_OF_MEMBERS = re.compile(r"\sof\s.*\b(?:Nations|States|Countries)$")
# the words before a country that ends an English body's name ("… Bank of Canada", "… of the Philippines")
_OF_END = re.compile(r"\s(?:of|for)(?:\s+the)?$")
_POSSESSIVE = re.compile(r"['’]s\b")  # (then the country owns what follows: "the Office of Canada's Chief Scientist")
# known names that a capitalised English policy name may contain as a word of its own
_NAME_PARTS = frozenset({"Layer", "Resource"})
_POLICY_CLASSES = frozenset(set(_POLICY_HEADS_KO.values()) | {"Policy"})


def policy_kind(name: str) -> str | None:
    """The class of policy a Korean or English name's last word says it is (전략, 법, Act,
    Programme…), or None."""
    return _policy_type_ko(name) or _en_policy_type(name)


_POLICY_HEADS_EN_LOWER = {h.lower() for h in _POLICY_HEADS_EN}


def _bare_kind(name: str) -> bool:
    """Whether a quoted name is only a word for a kind of policy, pointing back to one ("the
    'Initiative'", "‘이니셔티브’를")."""
    return name in _POLICY_HEADS_KO or name.lower() in _POLICY_HEADS_EN_LOWER


def _en_policy_type(name: str) -> str | None:
    words = name.split()
    return _POLICY_HEADS_EN.get(words[-1]) if words else None


@Language.factory("policykg_cues")
def make_cues(nlp: Language, name: str) -> Cues:
    return Cues(nlp, name)


def _org_label(name: str, index: dict[str, dict[str, str]]) -> str:
    """The type of a new English body's name, by its head word."""
    heads = set(_EN_ORG_HEAD.findall(name))
    head = next(h for h in _ORG_HEADS_EN if h in heads)
    public = _PUBLIC_BODY.get(head)
    if public is not None and not public.search(name) and not any(
            (k := index.get(name_key(w))) is not None and k["label"] in ("Country", "Bloc") for w in name.split()):
        # a think tank or a research body ("Vector Institute", "Center for Mathematical Modeling"), not the state's
        return "Organisation"
    if head in _ORG_HEADS_OF_MEMBERS and _OF_MEMBERS.search(name):
        return "Bloc"  # "Association of Southeast Asian Nations", "Organization of American States"
    return _ORG_HEADS_EN[head]
