"""Relation extraction, sentence by sentence, from recognised entities and trigger words.

Each rule is a trigger (a Korean stem such as ``의존`` matched at a morpheme start, or an English
word) plus argument roles found around it in the same sentence:

======================  ================================================  =======================
relation (predicate)    triggers                                          arguments
======================  ================================================  =======================
dependsOn               의존, 의존도, 종속, 수입 (seller named); rely, import  actor -> layer/resource
controls                자립, 자급, 국산화, 내재화, 통제; self-reliance...      actor -> layer/resource
strengthens             강화, 확충, 확대, 보완, 우선, 육성...; strengthen...    actor -> layer/resource
hasPolicy               추진, 발표, 수립, 제정, 시행, 출범...; launch, enact   country/bloc -> policy
runBy                   주관, 운영, 총괄, 주관 기관:; run by, Lead agency:   policy -> organisation
invests                 an amount (조 원, 억 달러, billion...) + 투자, 지원...  actor/policy, amount
replaces                교체, 대체; replace                                  new -> old
======================  ================================================  =======================

Who a fact is about (the subject of the trigger's clause, the supplier of a dependence) is found
by :class:`ingest.subjects.Subjects`, the layers and resources it is about by
:class:`ingest.objects.Objects`; the subjects a sentence leaves out (the running topic, the
section's actor, a table row's) by :mod:`ingest.discourse`. A trigger whose clause is negated or
hedged (:class:`ingest.negation.Negation`: 않, 못, 없, 어렵, 아니, ~면/경우; not, no longer, never,
without, if, could, may, should; a definition) gives no fact. Investments are read by
:func:`ingest.investments.investments`, their amounts normalised to a number and an ISO 4217
currency by :func:`ingest.amounts.parse_amount`.

The rules' facts are also features of the learned scorer (:mod:`ingest.candidates`,
:mod:`ingest.relmodel`), which decides the relations it was measured to do better on.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .candidates import Features, candidates
from .discourse import KO_TOPIC, Discourse, last_tag, particle
from .facts import FACT_KINDS, Arg, Fact, dedupe, one_of_alternatives
from .gazetteer import ACTOR_TYPES, ORG_TYPES, POLITY_TYPES, stack_object
from .groups import EN_AND, group_before
from .investments import investments
from .lexicon import ANAPHOR, ANAPHOR_INSIDE, EN_TRIGGER_RES, ENACTING, KO_BARE_KIND, KO_TRIGGER_RES
from .mentions import by_context
from .nlp import doc_text, span_text
from .negation import Negation, question
from .objects import Objects
from .owners import PolicyOwners
from .roles import instrument_labels, listed_policies, role_labels, row_policies
from .subjects import EN_VERB_LEAD, Subjects, list_end

for _ext in ("facts", "candidates"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

# ---------------------------------------------------------------- the extractor
def _outside_brackets(doc: Doc, start: int, end: int) -> list:
    """The tokens from ``start`` to ``end`` outside an aside in brackets ("Authority (IMDA) will
    run", "연방교육연구부(BMBF)가")."""
    out, depth = [], 0
    for t in doc[start:end]:
        if t.text in ("(", "（", "["):
            depth += 1
        elif t.text in (")", "）", "]") and depth:
            depth -= 1
        elif not depth:
            out.append(t)
    return out


def _ko_together(doc: Doc, e: Span) -> bool:
    """``e`` is marked as acting together with the subject: "산업통상자원부와 함께", "엔비디아와 공동으로"."""
    i = e.end
    return i + 1 < len(doc) and doc[i].text in ("와", "과") and doc[i + 1].text in ("함께", "공동", "공동으로")


# a Korean word pointing back to the policy in hand ("이번 사업이", "동 계획은")
_KO_THIS_POLICY = re.compile(r"이번\s?(?:사업|계획|정책|프로그램|프로젝트)|" + ANAPHOR_INSIDE["ko"].pattern)
# what is done with a thing at home ("X를 자국 내에서 확보", "국내에서 생산"): control of it
_KO_SECURED = re.compile(r"(?:내|내부|안)?(?:확보|구축|생산|양산|개발|운영|처리|훈련|보유|조달|갖추|갖췄|갖춘|갖춰)")
# a domestic share raised, after the modifier's object: "국산 칩 비중을 50% 이상으로 높이", "the share of domestic
# chips to 50 per cent"
_KO_SHARE_RAISED = re.compile(r"\s?(?:\S+\s)?(?:비중|비율|점유율|사용률|채택률)[을를이가]?\s(?:[^,.]{0,30}?)"
                              r"(?:높|끌어올|확대|늘|채우|채운|채워|채웁)")
# what may come between a Korean object and its verb: another name in brackets, 을/를/의
_KO_OBJECT_MARK = re.compile(r"^\s*(?:\([^()]*\))?\s*(?:을|를|의)?\s*")
# an English subject that is a country without its name: "the state depends on …", "the country's reliance"
_EN_THE_STATE = re.compile(r"\b[Tt]he (?:state|country|nation|government|kingdom|emirate|republic)(?:['’]s)?\s+(?:\w+\s+){0,2}$")
# the Korean hasPolicy triggers that name a means ("「X」를 통해", "「X」을 기반으로")
_KO_MEANS_TRIGGER = re.compile(r"통하|통해|기반")


class Extractor(Objects, Subjects, Negation, PolicyOwners):
    """The ``policykg_relations`` component: writes ``doc._.facts``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp
        self.lang = nlp.lang
        # what the text is about as the document is read: the subjects Korean leaves out
        self.discourse = Discourse(nlp)
        # score every argument pair (for the learned model, or to collect training data); set by
        # ingest.extract when a model of this language exists or candidates are asked for
        self.collect_candidates = False
        # the country or bloc of each known policy, agency and group (the gazetteer's), set per document
        self.owner: dict[str, str] = {}
        self.features = Features(self.lang, particle, KO_TRIGGER_RES if self.lang == "ko" else EN_TRIGGER_RES,
                                 self.negated)

    def reset(self) -> None:
        """Forget what the text was about: call at the start of each document (the discourse runs
        on across the paragraphs, docs, of one document until then), and the names it introduced."""
        self.discourse.reset()
        if "policykg_cues" in self.nlp.pipe_names:
            self.nlp.get_pipe("policykg_cues").reset()

    def __call__(self, doc: Doc) -> Doc:
        facts: list[Fact] = []
        cands: list[dict[str, Any]] = []
        kind = doc.user_data.get("segment", "body")
        self.discourse.segment(doc, kind)
        # the entities of each sentence, in one pass (doc.ents builds every span anew, so asking it
        # per sentence would be quadratic in a paragraph's length)
        all_ents, k = list(doc.ents), 0
        # generic policy names are linked by the polities around them (ingest.mentions.by_context)
        gazetteer = self.nlp.get_pipe("policykg_gazetteer") if "policykg_gazetteer" in self.nlp.pipe_names else None
        owner, others = (gazetteer.owner, gazetteer.others) if gazetteer is not None else ({}, {})
        self.owner = owner
        relinked = False
        for sent in doc.sents:
            while k < len(all_ents) and all_ents[k].start < sent.start:
                k += 1
            j = k
            while j < len(all_ents) and all_ents[j].start < sent.end:
                j += 1
            ents = [e for e in all_ents[k:j] if e.end <= sent.end]
            if self.lang == "en":  # ("…, and Beijing has responded": China)
                ents = self.discourse.capitals(doc, sent, ents)
            self.discourse.sentence(doc, sent, ents, kind)
            if any(e.label_ in ("Policy", "Group") and e.kb_id_ in owner for e in ents):
                # the section's country and a table row's, not the running topic (which drifts to
                # whatever country the last sentence named), unless there is neither
                around = self.discourse.implied_subjects(POLITY_TYPES)
                # (or, with none of them, every country the document has been about: a generic name
                # is not the policy of a country the document never turns to)
                implied = [s for s, src in around if src != "topic"] or [s for s, _ in around[:1]] \
                    or list(self.discourse.polities.values())
                linked = [by_context(e, ents, implied, owner, others) for e in ents]
                swap = {(o.start, o.end): n for o, n in zip(ents, linked) if n is not o}
                if swap:  # (a generic group name of another country is no mention: None)
                    kept = [x for x in (swap.get((x.start, x.end), x) for x in all_ents[k:j]) if x is not None]
                    all_ents[k:j], j = kept, k + len(kept)
                    ents, relinked = [e for e in linked if e is not None], True
            k = j
            # (a heading or caption states nothing, but names a country's policy as a sentence does; a
            # question states nothing at all, and its candidates are marked negated: Negation.negated)
            found = [] if question(sent) else self.sentence(doc, sent, ents) if kind in FACT_KINDS \
                else self.genitive_policies(doc, sent, ents)
            self.discourse.policy_named(ents, kind)
            facts.extend(found)
            if self.collect_candidates and kind in FACT_KINDS:
                cands.extend(candidates(self, doc, sent, ents, kind, found))
        if relinked:
            doc.ents = all_ents
        facts, cands = one_of_alternatives(doc, all_ents, facts, cands)
        doc._.facts = dedupe(facts)
        doc._.candidates = cands
        return doc

    # -------------------------------------------------------- per sentence
    def sentence(self, doc: Doc, sent: Span, ents: list[Span]) -> list[Fact]:
        """The facts of one sentence; ``ents``: its entities (those wholly inside it). A sentence
        that names nothing may still commit a sum ("투자 규모 ⦁총 200억 유로", "이번 사업에는 3,000억 원이
        투입된다"), whose investor the discourse gives."""
        if not ents:
            return investments(self, doc, sent, ents)
        out: list[Fact] = []
        triggers = KO_TRIGGER_RES if self.lang == "ko" else EN_TRIGGER_RES
        text = span_text(sent)
        tok_starts = {t.idx - sent.start_char: t.i for t in sent}
        heading = self.heading_layers(doc, sent, ents)
        for relation, predicate, rx in triggers:
            for m in rx.finditer(text):
                ti = tok_starts.get(m.start())
                if ti is None:
                    continue
                if any(e.start <= ti < e.end for e in ents):
                    continue  # the trigger word is part of a name (e.g. a policy title)
                trig = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
                tj = max(ti + 1, trig.end if trig is not None else ti + 1)
                if self.negated(doc, sent, ti, tj):
                    continue
                out.extend(self.arguments(doc, sent, ents, relation, predicate, ti, tj, heading))
        out.extend(self.genitive_policies(doc, sent, ents))
        out.extend(investments(self, doc, sent, ents))
        out.extend(role_labels(self, doc, sent, ents))
        out.extend(instrument_labels(self, doc, sent, ents))
        out.extend(row_policies(self, doc, sent, ents))
        out.extend(listed_policies(self, doc, sent, ents))
        return out

    def heading_layers(self, doc: Doc, sent: Span, ents: list[Span]) -> list[Span]:
        """``모델·데이터 계층: Mistral 육성으로 접근권을 강화`` ("Model and data layer: enhancing
        access by nurturing Mistral"): the layers a line opens with are the object of a trigger in
        it that names none of its own."""
        colon = next((t.i for t in sent[:10] if t.text == ":"), None)
        if colon is None or colon == sent.start or doc[colon - 1].lower_ not in ("계층", "layer", "layers"):
            return []
        # ("Compute infrastructure, cloud and model layers:" names each layer: ingest.mentions.layer_lists)
        return [e for e in ents if e.end <= colon and stack_object(e)]

    @staticmethod
    def ko_runner_after(doc: Doc, sent: Span, ents: list[Span], ti: int, tj: int) -> tuple[Span, Span] | None:
        """Korean "「X」를 운영하는 디지털플랫폼정부위원회는 …": the policy the trigger takes, and the
        body its relative clause describes, right after it."""
        rel = next((t.i for t in doc[tj:min(sent.end, tj + 2)] if last_tag(t).startswith("ETM")), None)
        body = next((e for e in ents if rel is not None and e.label_ in ORG_TYPES - {"Group"}
                     and rel < e.start <= rel + 1), None)
        pol = next((p for p in ents if p.label_ == "Policy" and p.end <= ti and ti - p.end <= 2
                    and particle(doc, p) in ("을", "를")), None)
        return (pol, body) if body is not None and pol is not None else None

    def arguments(self, doc: Doc, sent: Span, ents: list[Span], relation: str, predicate: str,
                  ti: int, tj: int, heading: list[Span] | None = None) -> list[Fact]:
        before = [e for e in ents if e.end <= ti]
        after = [e for e in ents if e.start >= tj]
        prefix = predicate.endswith(">")  # a modifier (자국 내, domestic): its object follows it
        seller = predicate.endswith("@")  # buying: a dependence only with the seller named
        where = predicate.endswith("^")  # where a thing is kept: control only with the country after it
        predicate = predicate.rstrip(">@^")

        def mk(subj: Span, obj: Span | None, rule: str, conf: float, sup: Span | None = None) -> Fact:
            return Fact(relation, predicate, Arg.of(subj, doc), Arg.of(obj) if obj is not None else None,
                        f"{relation}.{self.lang}.{rule}", conf, sent.start_char, sent.end_char,
                        Arg.of(sup) if sup is not None else None)

        if relation == "controls" and self.lang == "en" and not prefix:
            held = self.held_by(doc, sent, ents, ti, tj)
            if held is not None:  # "owned and controlled in Canada", "under Brazilian control"
                subj, objs = held
                return [mk(subj, o, "held", 0.6) for o in objs]
            if where:
                return []
        if relation in ("dependsOn", "controls", "strengthens"):
            objs = self.stack_objects(doc, sent, ents, ti, tj, after_only=prefix,
                                      means_not_object=relation == "strengthens")
            if relation == "dependsOn" and self.lang == "en":
                objs = self.and_on_for(doc, sent, ents, objs)
            rule = "modifier" if prefix else "trigger"
            if prefix and objs and objs[0].end <= ti and _KO_SECURED.match(
                    "".join(t.text for t in doc[tj:min(sent.end, tj + 3)] if not last_tag(t).startswith("J"))):
                rule = "at-home"  # "X를 자국 내에서 확보": secured at home, not a modifier alone
            if prefix and objs and objs[-1].start >= tj and self.lang == "ko":  # what the modifier's object is in
                after = doc_text(doc)[objs[-1].end_char:sent.end_char]
                if _KO_SECURED.match(_KO_OBJECT_MARK.sub("", after)):
                    rule = "own-secured"  # "국산 LLM(Mistral 등)을 확보하며": one's own secured
                elif _KO_SHARE_RAISED.match(after):
                    rule = "share"  # "국산 NPU 비중을 30%까지 끌어올린다": a domestic share raised
            if not objs and relation == "dependsOn":
                objs = self.depends_for(doc, sent, ents, tj) if self.lang == "en" else self.unmet(doc, sent, ents, ti)
            if not objs and relation == "dependsOn":
                objs, rule = self.substitutes(doc, sent, ents, ti, tj), "substitute"
            if not objs and relation == "dependsOn" and self.lang == "en":  # ("For cloud, …", "…: chips, …")
                objs = self.en_set_apart(doc, sent, ents, ti, tj)
                rule = "trigger" if objs else rule
            if not objs and heading and not prefix:
                objs, rule = heading, "heading"
            if not objs:
                return []
            # an actor right before the trigger qualifies it ("미국 의존": the supplier), unless it is
            # marked as the subject ("중국이 독자 반도체 개발을…")
            adjacent = [e for e in before if e.label_ in ACTOR_TYPES and ti - e.end <= 1 and self.lang == "ko"
                        and particle(doc, e) not in KO_TOPIC]
            subj = (self.genitive_owner(doc, before, ti) if relation != "strengthens" else None) \
                or self.subject(doc, sent, before, ti, exclude=objs + adjacent)
            examples = self.examples_subjects(doc, sent, before, ti) if subj is None else []
            if subj is None and (group := group_before(doc_text(doc)[sent.start_char:doc[ti].idx], self.lang,
                                                        self.discourse)):
                examples = list(group)  # "…, and both remain dependent on …": the pair named before
            if examples:  # "European providers such as OVHcloud and STACKIT still rely on …"
                subj = examples[0]
            if subj is None and self.lang == "en":
                subj = self.purpose_subject(doc, sent, ents, tj) or self.described_company(doc, sent, ti)
            conf = 0.6 if rule != "trigger" else 0.75
            if subj is None and self.relative_clause(doc, sent, ti, before) is False:
                return []  # about something the clause's pronoun stands for, no actor
            if subj is None:  # the row's or running topic, else (nobody named since the heading) the section's actor
                # (a country's, where the text says "the state", "the country": not a body the text was about)
                polity = self.lang == "en" and _EN_THE_STATE.search(doc_text(doc)[sent.start_char:doc[ti].idx])
                implied = self.discourse.implied_subjects(POLITY_TYPES if polity else ACTOR_TYPES, country_first=True)
                if not implied:
                    return []
                subj, source = implied[0]
                rule, conf = f"{rule}+{source}", conf - (0.2 if source in ("row", "topic") else 0.25)
            sup = self.supplier(doc, sent, ents, ti, tj, subj, seller) if relation == "dependsOn" else None
            if seller and sup is None:
                return []
            # a Korean subject with others coordinated before it ("삼성·SK·현대차 그룹은"): each of them
            # (not English, where a comma also ends an opening phrase: "Through Rapidus, Japan …")
            actors = [e for e in before if e.label_ in ACTOR_TYPES and e not in objs]
            subjects = [subj]
            if examples:  # (each of the examples the subject gives)
                subjects = examples
            elif subj in actors and self.lang == "ko":
                subjects = self.coordinated(doc, actors, subj, -1)[::-1] + self.coordinated(doc, actors, subj, 1)[1:]
                # and who acts with it: "과학기술정보통신부는 산업통상자원부와 함께 전력망을 확충"
                subjects += [e for e in actors if e.start > subj.end and e not in subjects and _ko_together(doc, e)]
            elif subj in actors:
                # English "Saudi Arabia and the UAE (both) depend on …", and a list right before the verb
                # ("Japan, Korea and Taiwan relied on …"; not one that ends an opening phrase with a comma)
                k = m = actors.index(subj)
                while k + 1 < len(actors) and EN_AND.fullmatch(doc_text(doc)[actors[k].end_char:actors[k + 1].start_char]):
                    k += 1
                m = list_end(doc, actors, m)
                if m > k and all(t.lower_ in EN_VERB_LEAD for t in doc[actors[m].end:ti]):
                    k = m
                subjects = actors[actors.index(subj):k + 1]
            if relation in ("dependsOn", "controls"):
                # a dependence (and self-reliance) is a country's, a bloc's or a company's: a government
                # body's is its state's ("과기정통부는 … 해외 GPU 의존도를 낮추겠다", "the ministry relies on …",
                # "…부는 연산 자원을 국내에서 직접 통제할 수 있게")
                subjects = [self.discourse.owner_of(s, POLITY_TYPES) or s if s.label_ == "Agency" else s
                            for s in subjects]
            return [mk(s, o, rule, conf, sup) for s in subjects for o in objs if s is not sup]
        if relation == "hasPolicy":
            side = before if self.lang == "ko" else after
            if self.lang == "en" and not any(e.label_ == "Policy" for e in after) and (
                    self.passive(doc, sent, ti, tj) or doc[tj - 1].lower_.endswith("ed")
                    and any(e.label_ == "Policy" and ti - e.end <= 2 for e in before)
                    or self.relative_object(doc, sent, before, ti)):
                side = before  # "The Stargate Project ... was announced by", "the X Plan released in 2017",
                # "the Chips Package, which Korea introduced"
            reach = 12 if side is before and self.lang == "en" else 8
            pols = [e for e in side if e.label_ == "Policy" and abs((e.end if e.end <= ti else e.start) - ti) <= reach]
            if self.lang == "ko" and _KO_MEANS_TRIGGER.match(doc[ti:tj].text) and ti >= 2 \
                    and doc[ti - 1].text in ("을", "를") and not any(e.end == ti - 1 for e in pols):
                # "「X」는 라피더스를 통해 …": the means is what 통해 takes, not the policy the sentence is about
                pols = [e for e in pols if particle(doc, e) not in KO_TOPIC]
            if self.lang == "ko" and doc[ti].text.startswith("따"):
                # "「X」에 따라", "「반도체과학법」(CHIPS Act)에 따라": the policy right before, only
                pols = [e for e in pols if e.end <= ti - 1 and not [t for t in _outside_brackets(doc, e.end, ti - 1)
                                                                 if not t.is_punct]]
            elif self.lang == "ko" and not pols:
                pols = self.relative_policy(doc, after, tj) or self.topic_policy(doc, before, ti)
            if not pols:
                return []
            # with those listed with the nearest ("「CHIPS and Science Act」, 「인플레이션 감축법」 등을 통해")
            listed = [e for e in ents if e.label_ == "Policy"]
            nearest = pols[-1] if pols[-1].end <= ti else pols[0]
            pols += [e for e in self.coordinated(doc, listed, nearest, -1 if nearest.end <= ti else 1) if e not in pols]
            subj = self.subject(doc, sent, [e for e in before if e.label_ in POLITY_TYPES | ORG_TYPES
                                            and e not in pols], ti)
            if subj is None and self.lang == "en":  # "Under its National AI Mission, India …"
                subj = self.fronted_subject(doc, sent, ents, pols[0]) or self.agent(doc, sent, ents, tj)
            facts = []
            implied = self.discourse.implied_subjects(POLITY_TYPES) if subj is None and self.relative_clause(
                doc, sent, ti, before) is not False else []
            for pol in pols:
                if subj is not None and subj.label_ in POLITY_TYPES:
                    facts.append(mk(subj, pol, "trigger", 0.7))
                elif subj is not None and subj.label_ in ORG_TYPES - {"Group"}:
                    # a body, a company or an organisation that launches or pursues a policy runs it, and
                    # so do those listed with it ("OpenAI–Oracle–SoftBank가 공동으로 추진"); one that
                    # approves or enacts it only gives it to its country ("the Council of Ministers
                    # approved the National Plan …", "국회는 … 법을 의결했다")
                    orgs = [e for e in before if e.label_ in ORG_TYPES - {"Group"}]
                    agents = self.coordinated(doc, orgs, subj, -1) if self.lang == "ko" and subj in orgs else [subj]
                    # (nor one that acts under it: "과학기술정보통신부는 「인공지능 기본법」에 따라 …")
                    if not ENACTING[self.lang].match(doc[ti:tj].text) and not doc[ti].text.startswith("따"):
                        facts.extend(Fact("runBy", "runBy", Arg.of(pol), Arg.of(a), f"runBy.{self.lang}.agent-acts",
                                          0.6, sent.start_char, sent.end_char) for a in reversed(agents))
                    facts.extend(self.agency_country_has(subj, pol, sent))
                elif subj is None and implied and not self.named_country(pol):  # (that is the genitive rule's)
                    facts.append(mk(implied[0][0], pol, f"trigger+{implied[0][1]}",
                                    0.5 if implied[0][1] in ("row", "topic") else 0.45))
            return facts
        if relation == "runBy" and predicate.endswith("<"):
            # English active voice: "METI runs the GENIAC programme", "The ministry oversees the Act"
            bodies = [e for e in before if e.label_ in ORG_TYPES - {"Group"}]
            orgs = [e for e in bodies if len(_outside_brackets(doc, e.end, ti)) <= 1]
            pols = [e for e in after if e.label_ == "Policy" and (e.start - tj <= 3 or self.appositive(doc, tj, e))]
            if not orgs and pols and (subj := self.subject(doc, sent, bodies, ti)) is not None:
                orgs = [subj]  # "the Sovereign AI Unit, which sits inside DSIT …, will run …"
            elif orgs:  # and those listed with it ("MIIT and the NDRC jointly oversee …")
                orgs = self.coordinated(doc, bodies, orgs[-1], -1)[::-1]
            back = ANAPHOR_INSIDE["en"].match(doc[tj:sent.end].text) if orgs and not pols else None
            meant = self.discourse.referent(back.group(0), inside=True) if back else None
            if meant is not None:  # "… oversees this programme": the one named before
                return [Fact("runBy", "runBy", Arg.of(meant, doc), Arg.of(orgs[-1]), "runBy.en.anaphor", 0.55,
                             sent.start_char, sent.end_char)]
            if not orgs or not pols:
                return []
            return [*(Fact("runBy", "runBy", Arg.of(pols[0]), Arg.of(o), f"runBy.{self.lang}.active", 0.65,
                           sent.start_char, sent.end_char) for o in orgs),
                    *self.agency_country_has(orgs[-1], pols[0], sent)]
        if relation == "runBy":
            pols = [e for e in ents if e.label_ == "Policy"]
            orgs = [e for e in (before if self.lang == "ko" else after) if e.label_ in ORG_TYPES - {"Group"}]
            rule, conf = "trigger", 0.65
            if self.lang == "ko" and (runner := self.ko_runner_after(doc, sent, ents, ti, tj)) is not None:
                return [Fact("runBy", "runBy", Arg.of(runner[0]), Arg.of(runner[1]), "runBy.ko.relative", conf,
                             sent.start_char, sent.end_char), *self.agency_country_has(runner[1], runner[0], sent)]
            if self.lang == "en" and ANAPHOR["en"].match(span_text(sent)) and not any(p.end <= ti for p in pols):
                pols = []  # "The Act is administered by X, while NEDO runs the Post-5G Fund": the Act
            meant = self.discourse.referent(span_text(sent), inside=True) if not pols and orgs else None
            back = ANAPHOR_INSIDE[self.lang].search(span_text(sent)) if meant is not None else None
            lo, hi = (sent.start_char + back.start(), sent.start_char + back.end()) if back else (0, 0)
            if meant is None and not pols and orgs and self.lang == "ko":  # "DSIT가 계획 이행을 총괄"
                bare = KO_BARE_KIND.search(span_text(sent), 0, doc[ti].idx - sent.start_char)
                meant = self.discourse.of_kind(bare.group("kind")) if bare else None
                lo, hi = (sent.start_char + bare.start(), sent.start_char + bare.end()) if meant is not None else (0, 0)
            if meant is None and not pols and orgs:  # "… the X Programme. It is run by EuroHPC.", "「X」를
                # 발표했다. 과학혁신기술부가 주도했고요." (a Korean body as the runner's subject)
                acts = self.lang == "ko" and any(particle(doc, o) in ("이", "가") and len(_outside_brackets(doc, o.end, ti)) <= 1
                                                 for o in orgs)
                meant = self.discourse.the_one_before(doc, sent, acts)
            if meant is not None:
                pols, rule, conf = [meant], "anaphor", 0.55  # "동 계획은 X가 주관한다"
            if not pols or not orgs:
                return []
            pol = min(pols, key=lambda e: abs(e.start - ti) if e.doc is doc else 0)
            if self.lang == "ko":  # the organisations right before the trigger, with their coordination
                # (not counting particles, a pronoun object or the words pointing back: "BMBF(연방교육연구부)가
                # 이를 주관", "MeitY가 이 사업을 총괄")
                near = [o for o in orgs if sum(1 for t in _outside_brackets(doc, o.end, ti) if not (
                    t.is_punct or last_tag(t).startswith("J") or t.tag_.startswith("NP") or lo <= t.idx < hi)) <= 1]
                if not near and rule == "trigger":
                    # "과학기술정보통신부는 「X」를 총괄한다": a policy the trigger takes as its object is
                    # run by the clause's subject
                    obj = [p for p in pols if p.end <= ti and p.doc is doc and particle(doc, p) in ("을", "를")
                           and self.same_phrase(doc, p.end, ti, 3)]
                    subj = self.subject(doc, sent, [o for o in orgs if obj and o.end <= obj[-1].start],
                                        obj[-1].start) if obj else None
                    if subj is not None and subj.label_ in ORG_TYPES:
                        near, pol = [subj], obj[-1]
                chosen = self.coordinated(doc, orgs, near[-1], -1) if near else []
            else:  # (the body a body owns: "run by the Commerce Department's Bureau of Industry and Security")
                first = next((o for o in orgs[1:2] if o.start == orgs[0].end + 1 and doc[orgs[0].end].text
                              in ("'s", "’s")), orgs[0])
                chosen = self.coordinated(doc, orgs, first, 1) if orgs[0].start - tj <= 2 else []
            out = [Fact("runBy", "runBy", Arg.of(pol, doc), Arg.of(o), f"runBy.{self.lang}.{rule}", conf,
                        sent.start_char, sent.end_char) for o in chosen if o != pol]
            if rule == "trigger":  # (a policy named before is not re-asserted as the country's)
                out.extend(f for o in chosen[:1] for f in self.agency_country_has(o, pol, sent))
            return out
        if relation == "replaces":
            things = [e for e in ents if e.label_ in ORG_TYPES | {"Product", "Model", "Policy"}]
            if self.lang == "ko":  # X를 Y로 교체: Y replaces X
                olds = [e for e in things if e.end <= ti and particle(doc, e) in ("을", "를", "에서")]
                news = [e for e in things if e.end <= ti and particle(doc, e) in ("로", "으로")]
            else:  # X replaces Y / replace Y with X
                with_i = next((t.i for t in doc[tj:sent.end] if t.lower_ == "with"), None)
                if with_i is not None:
                    olds = [e for e in things if tj <= e.start < with_i]
                    news = [e for e in things if e.start > with_i]
                    news, olds = news[:1], olds[-1:]
                else:
                    news = [e for e in things if e.end <= ti]
                    olds = [e for e in things if e.start >= tj]
            if self.lang == "ko" and olds and not news:
                # "네이버클라우드가 AWS를 대체한다", "네이버클라우드의 공공 클라우드는 AWS를 대체": the subject, or
                # the owner of the thing the sentence is about; or a policy pointed back to after them
                # ("과기정통부는 이번 사업이 기존 「X」을 대체하며")
                marked = [e for e in things if e.end <= olds[-1].start and particle(doc, e) in ("은", "는", "이", "가")]
                owners = [e for e in things if e.end <= olds[-1].start and particle(doc, e) == "의"]
                news = marked[-1:] or owners[:1]
                lo = news[-1].end_char if news else sent.start_char
                this = _KO_THIS_POLICY.search(span_text(sent), lo - sent.start_char, olds[-1].start_char - sent.start_char)
                # (the last policy of that kind: "이번 사업" is the 「… 사업」, not the fund named since)
                kind = (this.group("kind") or this.group(0).removeprefix("이번").strip()) if this else ""
                if this and (meant := self.discourse.of_kind(kind) or self.discourse.policy) is not None:
                    news = [meant]
            if olds and not news and (meant := self.discourse.referent(span_text(sent))) is not None:
                news = [meant]  # "이번 사업은 기존 「X」를 대체한다", "The Fund replaces the X"
            if olds and not news and (meant := self.discourse.the_one_before(doc, sent)) is not None:
                news = [meant]  # "… launched the X Fund. It replaces the Y Pilot."
            if not olds or not news:
                return []
            return [Fact("replaces", "replaces", Arg.of(news[-1], doc), Arg.of(olds[-1]), f"replaces.{self.lang}.trigger",
                         0.6, sent.start_char, sent.end_char)]
        return []


@Language.factory("policykg_relations")
def make_extractor(nlp: Language, name: str) -> Extractor:
    return Extractor(nlp, name)
