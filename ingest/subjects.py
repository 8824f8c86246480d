"""Who a fact is about: the subject of a trigger's clause in Korean and English, the supplier of a
dependence, and the actors coordinated with one. A mixin of :class:`ingest.relations.Extractor`,
which gives it ``lang`` and the ``discourse`` (the running topic, sections and table rows of
:mod:`ingest.discourse`) and whose rules call these methods; so does :mod:`ingest.candidates`.

Korean: the nearest actor before the trigger marked as topic or subject (은/는/이/가/도), not the
subject of a relative clause ("엔비디아가 개발한 GPU"), else an actor that opens the sentence. English:
the main clause's first actor that is not inside a prepositional phrase or an example ("such as
Google"), past an opening adverbial ("In response to …, China …"); the antecedent of a relative
pronoun ("Japan, which relies on …"), or the subject inside its clause ("the Chips Package, which
Korea introduced"); none for a pronoun ("In June, it announced …"), whose subject is whom the text
is about; a passive's agent ("passed by the German parliament"); the main clause's subject for a
name in an opening phrase ("Under its National AI Mission, India …"); and whose own a policy is
("its … Strategy", "자국의 「…」").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .cues import EN_KINDS
from .english_names import EN_BUSINESS
from .discourse import KO_CASE, KO_TOPIC, Discourse, is_mark, last_tag, particle, particle_at, relative_subject
from .gazetteer import ACTOR_TYPES, POLITY_TYPES, stack_object
from .lexicon import EN_FRONTED, EN_SUBORDINATORS, GOVERNMENT_EN
from .nlp import doc_text

# the words before an actor that put it in a prepositional phrase or make it an example, never the subject
_EN_PREPOSITIONS = {"on", "from", "of", "to", "with", "by", "for", "than", "like", "against", "in", "as", "including",
                    "among", "at", "into", "over", "between", "via", "through", "within", "across", "toward",
                    "towards", "amid", "beyond", "behind", "alongside", "besides", "unlike", "about"}


# the words between a subject and its verb: "both depend", "have all relied", "will also build"
EN_VERB_LEAD = {"both", "all", "each", "also", "have", "has", "had", "are", "is", "were", "was", "will", "would",
                 "now", "still", "already", "increasingly", "heavily", "largely", "together", "jointly", "continue",
                 "continues", "continued", "to", "remain", "remains", "remained"}
# the adjectives in -ing that may open a subject that gives examples ("Leading firms such as …")
_EN_ING_ADJECTIVES = {"leading", "emerging", "existing", "competing", "remaining", "rising", "growing", "incoming"}
# the words that open a later clause of contrast, with a subject of its own
_EN_CONTRAST = {"whereas", "while", "whilst", "but", "although", "though"}
# what stands between coordinated names: a separator, a conjunction (around the brackets of titles:
# "「A」, 「B」"), and in English up to two modifiers of the next one ("foreign talent and imported
# chips", "GPUs and its own data centres")
_EN_MODIFIER = r"(?:its|their|own|other|key|core|foreign|domestic|local|global|new|more|[a-z-]+(?:ed|al|ic|ive|ous))"
_BRACKETS = re.compile(r"\s*[(（][^()（）]{1,40}[)）]")
_COORDINATION = re.compile(r"[」』’”\"')]?\s*(?:[·,ㆍ/–]|와|과|및|부터|,?\s*and|or|,\s*and|등|\(|\))?\s*[「『‘“\"']?"
                           rf"|(?:,\s*|,?\s*(?:and|or)\s+)(?:{_EN_MODIFIER}\s+)?{_EN_MODIFIER}"
                           r"|\)?\s*(?:,|,?\s*and|,?\s*or)\s+the")  # ("the AI Act, the Data Act and the Cloud Act",
# "the Ministry of … (METI) and the New Energy … Organization")
# what joins the items of a plain English list of names ("France, Germany and Italy", "the UAE")
_EN_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s+(?:the\s+)?")


def list_end(doc: Doc, names: list[Span], k: int) -> int:
    """The index in ``names`` of the last item of the plain English list that ``names[k]`` opens
    ("Japan, Korea and Taiwan"): a comma after the item that "and" or "or" joined ends the list."""
    joined = False
    while k + 1 < len(names) and not joined:
        gap = _EN_LIST_GAP.fullmatch(doc_text(doc)[names[k].end_char:names[k + 1].start_char])
        if gap is None:
            break
        joined = bool(re.search(r"\b(?:and|or)\b", gap.group(0)))
        k += 1
    return k
# the head nouns of an English list item after its name ("compute access, talent"): up to two
# lowercase words that are no function words
_EN_HEAD_NOUNS = re.compile(r"^(?:[a-z][a-z-]+\s+){0,1}[a-z][a-z-]+(?=\s*(?:,|and\b|or\b))")


def _en_function_word(text: str) -> bool:
    """Whether the words before the list separator in ``text`` include a function word ("from the")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    head = re.split(r"\s*(?:,|\band\b|\bor\b)", text, maxsplit=1)[0]
    return any(w in STOP_WORDS for w in head.split())


# Korean: a separator or conjunction then up to two nouns modifying the next name ("클라우드 및 생태계
# 소프트웨어", "GPU/AI 전용 칩")
_KO_SEPARATORS = {"·", ",", "ㆍ", "/", "와", "과", "및"}
_KO_MODIFIER_TAGS = ("NNG", "NNP", "SL", "SN", "XSN", "XPN")


class Subjects:
    """Subject, supplier and coordination finding for the relation extractor (a mixin)."""

    lang: str
    discourse: Discourse

    def coordinated(self, doc: Doc, pool: list[Span], first: Span, step: int) -> list[Span]:
        """``first`` and the entities of ``pool`` coordinated with it (·  ,  와/과  및  and  or)."""
        group = [first]
        j = pool.index(first) + step
        while 0 <= j < len(pool):
            a, b = (pool[j], group[-1]) if step == -1 else (group[-1], pool[j])
            between = doc[a.end:b.start]
            # (another name in brackets may come between: "정보통신산업진흥원(NIPA)과 한국지능정보사회진흥원";
            # in English the head nouns of the earlier item: "compute access, talent and trusted data")
            text = _BRACKETS.sub("", between.text).strip()
            if self.lang == "en":
                text = _EN_HEAD_NOUNS.sub("", text, count=1) if not _en_function_word(text) else text
            if _COORDINATION.fullmatch(text) or self.lang == "ko" and 2 <= len(between) <= 4 \
                    and between[0].text in _KO_SEPARATORS and all(t.tag_ in _KO_MODIFIER_TAGS for t in between[1:]):
                group.append(pool[j])
                j += step
            else:
                break
        return group

    def genitive_owner(self, doc: Doc, before: list[Span], ti: int) -> Span | None:
        """Korean "우리나라의 해외 빅테크 클라우드 의존도", "중국의 반도체 자립": the actor in the genitive
        that opens the noun phrase the trigger noun ends is whose dependence (or control) it is,
        whoever the sentence's topic is (not "미국의 클라우드에 의존": there the genitive is the
        supplier's, and a particle comes between). English: the owner right before the trigger noun
        ("… advise the Minister on Australia's growing dependence on …")."""
        if self.lang == "en":
            e = next((e for e in reversed(before) if e.end < ti and doc[e.end].text in ("'s", "’s")
                      and e.label_ in ACTOR_TYPES and all(t.is_alpha and t.is_lower for t in doc[e.end + 1:ti])), None)
            return e if e is not None and ti - e.end <= 3 else None
        if ti < 2:
            return None
        e = next((e for e in reversed(before) if e.label_ in ACTOR_TYPES and e.end < len(doc) and doc[e.end].text == "의"),
                 None)
        between = doc[e.end + 1:ti] if e is not None else []
        if 1 <= len(between) <= 8 and all(t.tag_ in ("NNG", "NNP", "SL", "SN", "XSN", "XPN") or t.text in ("·", "/")
                                          for t in between):
            return e
        return None

    def examples_subjects(self, doc: Doc, sent: Span, before: list[Span], ti: int) -> list[Span]:
        """English "European providers such as OVHcloud and STACKIT still rely on …", "Chinese cloud
        providers, including Alibaba Cloud, Baidu and Tencent, continue to rely on …": a short
        subject that names no actor itself, and the actors it gives as examples right before the
        verb are who does it (not an example in a phrase: "rely on firms such as NVIDIA")."""
        if self.lang != "en":
            return []
        actors = [e for e in before if e.label_ in ACTOR_TYPES and e.start >= sent.start]
        if not actors:
            return []
        cue = next((t.i for t in doc[sent.start:actors[0].start]
                    if t.lower_ in ("including", "like") or t.lower_ == "as" and t.i > sent.start
                    and doc[t.i - 1].lower_ == "such"),
                   None)
        if cue is None or cue + 1 + (doc[cue + 1].lower_ == "the") != actors[0].start:
            return []
        head = [t for t in doc[sent.start:cue] if not (t.is_punct or t.lower_ == "such")]
        # (one noun phrase: no preposition nor a verb's -ing form: "Seminars featuring companies such as …")
        if not 1 <= len(head) <= 5 or any(t.lower_ in _EN_PREPOSITIONS or t.is_digit or t.lower_.endswith("ing")
                                          and t.lower_ not in _EN_ING_ADJECTIVES for t in head):
            return []
        last = list_end(doc, actors, 0)
        gap = [t for t in doc[actors[last].end:ti] if t.text != ","]
        if not all(t.lower_ in EN_VERB_LEAD for t in gap):
            return []
        return actors[:last + 1]

    def described_company(self, doc: Doc, sent: Span, ti: int) -> Span | None:
        """English "The Paris-based firm has trained …", "The company will also build …": a clause
        that opens with a company described by its kind is about the company the text is about
        (the running topic), not the section's country."""
        if self.lang != "en":
            return None
        words = [t for t in doc[sent.start:ti] if not t.is_punct]
        k = next((i for i, t in enumerate(words[:5]) if EN_BUSINESS.fullmatch(t.lower_)), None)
        if k is None or words[0].lower_ not in ("the", "this") or any(t.lower_ in _EN_PREPOSITIONS for t in words[1:k]):
            return None
        return next((a for a, _ in self.discourse.implied_subjects(frozenset({"Company"}))), None)

    @staticmethod
    def appositive(doc: Doc, tj: int, pol: Span) -> bool:
        """Whether English ``pol`` names the kind of policy a verb takes as its object: "will run a
        procurement scheme, “Sovereign Compute Partnerships”" (a few words that end with a kind
        word and a comma or quote)."""
        between = [t for t in doc[tj:pol.start] if t.text not in ("“", "\"", "‘", "'")]
        return 2 <= len(between) <= 6 and between[-1].text == "," and between[-2].lower_.rstrip("s") in EN_KINDS

    def purpose_subject(self, doc: Doc, sent: Span, ents: list[Span], tj: int) -> Span | None:
        """English "To reduce its dependence on X, China is …": a sentence that opens with a purpose
        clause has the subject of the main clause after it, the first actor after the comma that
        ends the purpose clause."""
        first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
        if first is None or first.lower_ != "to" or first.i >= tj:
            return None
        # the comma that closes the purpose clause is the one an actor follows closely (the clause may
        # name actors and list things: "on US firms for GPUs, for frameworks, and for cloud, China …")
        after = [e for e in ents if e.start >= tj and e.label_ in ACTOR_TYPES]
        k = next((k for k, e in enumerate(after) if any(t.text == "," for t in doc[max(tj, e.start - 3):e.start])), None)
        return self.subject(doc, sent, after[k:], sent.end) if k is not None else None

    def subject(self, doc: Doc, sent: Span, before: list[Span], ti: int,
                exclude: list[Span] | None = None) -> Span | None:
        actors = [e for e in before if e.label_ in ACTOR_TYPES and e not in (exclude or [])]
        if not actors:
            return None
        if self.lang == "ko":
            topical = [e for e in actors if particle(doc, e) in KO_TOPIC and not relative_subject(doc, e, ti)]
            own = self.ko_clause_subject(doc, actors, ti)
            if own is not None and (not topical or topical[-1].end < own.start):
                return own  # "화웨이는 … 열었고, 이집트 정부 부처 상당수가 … 기대고 있다": the later clause's own
            if topical:
                return topical[-1] if len(topical) == 1 or topical[-1].label_ != "Group" else topical[0]
            # no topic marker: only an actor that opens the sentence (after a bullet) can be the subject
            # (or its genitive: "사우디아라비아의 데이터센터에 필요한 GPU는 대부분 수입에 의존")
            first = next((t for t in sent if not is_mark(t)), None)
            if first is not None and actors[0].start == first.i and particle(doc, actors[0]) not in KO_CASE - {"의"} \
                    and not relative_subject(doc, actors[0], ti):
                return actors[0]
            return None
        # English: a trigger in a relative clause has the relative pronoun's antecedent for its subject
        relative = self.relative_clause(doc, sent, ti, before)
        if relative is not None:
            return relative or None
        # the actor right before the verb of a later clause, after a comma: "Taiwan controls manufacturing,
        # Korea controls memory"
        last = actors[-1]
        if last.start - 1 > sent.start and doc[last.start - 1].text in (",", ";") \
                and all(t.lower_ in EN_VERB_LEAD for t in doc[last.end:ti]):
            return last
        # a trigger in a later clause of contrast or one after ", and" ("The EU …, whereas France has
        # opted to secure …"): the actor that opens that clause
        k = next((t.i for t in reversed(doc[sent.start + 1:ti]) if (t.lower_ in _EN_CONTRAST or t.lower_ == "and"
                  and doc[t.i - 1].text == ",") and not all(is_mark(u) for u in doc[sent.start:t.i])), None)
        # (not one opening the sentence; ", and" opens a clause too: "…, and Beijing has responded by …")
        opener = next((e for e in actors if k is not None and k < e.start <= k + 2), None)
        if opener is not None:
            return opener
        # after an opening adverbial ("In response to … by the United States, China has …"), the
        # actor that starts the main clause right after a comma
        first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
        fronted = first is not None and first.lower_ in EN_FRONTED
        if fronted:
            comma = next((t.i for t in doc[first.i:ti] if t.text == ","), None)
            if comma is None and first.lower_ in EN_SUBORDINATORS:
                # the trigger is inside the opening clause ("As China has accelerated the development
                # of its own chips, …"): its subject is the actor that opens that clause
                k = first.i + 1 + (first.i + 1 < ti and doc[first.i + 1].lower_ == "the")
                opener = next((e for e in actors if e.start == k), None)
                if opener is not None:
                    return opener
            first = doc[comma + 1] if comma is not None and comma + 1 < ti else first
        if first is not None and first.lower_ in ("it", "they", "we"):
            return None  # "In June 2026, it announced …": the subject is whom the text is about
        if fronted:
            for e in actors:
                k = e.start - 1 - (e.start - 1 > sent.start and doc[e.start - 1].lower_ in ("the", "a", "an"))
                if k > sent.start and doc[k].text == ",":
                    end = actors[list_end(doc, actors, actors.index(e))].end
                    if end < ti and doc[end].text == "," and any(a.start > end for a in actors):
                        continue  # the end of a list in the opening phrase ("In France, Germany and Italy, the EU …")
                    return e
        # else the first actor of the clause that is not inside a prepositional phrase, nor an example
        # ("such as Google and Meta"), nor listed with one (but "the Government of Canada" is Canada)
        inside: list[Span] = []
        for e in actors:
            k = e.start - 1
            if k > sent.start and doc[k].lower_ in ("the", "a", "an"):
                k -= 1  # "by the United States"
            prev = doc[k].lower_ if k >= sent.start else ""
            if prev == "of" and k - 1 >= sent.start and doc[k - 1].lower_ in GOVERNMENT_EN:
                return e
            if prev in _EN_PREPOSITIONS or inside and e in self.coordinated(doc, actors, inside[-1], 1):
                inside.append(e)
                continue
            return e
        return None

    @staticmethod
    def ko_clause_subject(doc: Doc, actors: list[Span], ti: int) -> Span | None:
        """The actor that opens the trigger's own clause after a connective clause and a comma, as
        the subject (이/가) or the first word of it ("…를 열었고, 이집트 정부 부처 상당수가 …에 기대고")."""
        k = next((t.i for t in reversed(doc[:ti]) if t.text == "," and t.i > 0 and last_tag(doc[t.i - 1]) == "EC"), None)
        e = next((a for a in actors if k is not None and a.start == k + 1), None)
        if e is None:
            return None
        j = next((t.i for t in doc[e.end:min(ti, e.end + 4)] if not last_tag(t).startswith("NN")), None)
        return e if j is not None and last_tag(doc[j]) == "JKS" else None

    @staticmethod
    def relative_object(doc: Doc, sent: Span, before: list[Span], ti: int) -> bool:
        """An English trigger at ``ti`` in a relative clause about a policy: "the Chips Package,
        which Korea introduced"."""
        for t in reversed(doc[sent.start:ti]):
            if t.text in (";", ":"):
                return False
            if t.lower_ in ("which", "that"):
                k = t.i - (t.i > sent.start and doc[t.i - 1].text == ",")
                return any(e.label_ == "Policy" and e.end == k for e in before)
        return False


    @staticmethod
    def passive(doc: Doc, sent: Span, ti: int, tj: int) -> bool:
        """An English participle in the passive: "was announced", "officially launched by"."""
        if not doc[tj - 1].lower_.endswith("ed"):
            return False
        nxt = doc[tj].lower_ if tj < sent.end else ""
        prev = {t.lower_ for t in doc[max(sent.start, ti - 3):ti]}
        return nxt == "by" or bool(prev & {"is", "was", "were", "are", "been", "be", "being"})


    def agent(self, doc: Doc, sent: Span, ents: list[Span], tj: int) -> Span | None:
        """The agent of an English passive after the trigger ending at ``tj``: "passed by the German
        parliament" (the country an adjective names), "launched by METI"."""
        if tj >= sent.end or doc[tj].lower_ != "by":
            return None
        k = tj + 1 + (tj + 1 < sent.end and doc[tj + 1].lower_ == "the")
        named = next((e for e in ents if e.start == k and e.label_ in ACTOR_TYPES), None)
        if named is not None or k >= sent.end:
            return named
        return self.discourse.demonym(doc, doc[k].idx, doc[k].idx + len(doc[k].text))


    @staticmethod
    def fronted_subject(doc: Doc, sent: Span, ents: list[Span], span: Span) -> Span | None:
        """For a name in an English sentence's opening phrase ("Under its National AI Mission, India
        …", "Through GENIAC, Japan …"), the actor that opens the main clause after it."""
        first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
        if first is None or first.lower_ not in EN_FRONTED or first.i > span.start:
            return None
        comma = next((t.i for t in doc[span.end:sent.end] if t.text == ","), None)
        if comma is None or any(t.text == "," for t in doc[first.i:span.start]):
            return None
        return next((e for e in ents if e.label_ in ACTOR_TYPES and comma < e.start <= comma + 3), None)


    def own(self, doc: Doc, sent: Span, pol: Span) -> bool:
        """Whether a policy is named as its owner's own: "its National AI Mission", "자국의 「X」"."""
        i = pol.start - (pol.start > sent.start and doc[pol.start - 1].text in "「『‘“\"'")
        if self.lang == "en":
            return i > sent.start and doc[i - 1].lower_ in ("its", "their")
        return i - 2 >= sent.start and doc[i - 2].text == "자국" and doc[i - 1].text == "의"


    def whose(self, doc: Doc, sent: Span, ents: list[Span], pol: Span) -> Span | None:
        """The country or bloc whose own a policy at ``pol`` is: the clause's subject (the main
        clause's, for a policy in an opening phrase: "Under its National AI Mission, India …"), else
        whom the text is about; a government body's country stands for it."""
        actors = [e for e in ents if e.label_ in ACTOR_TYPES]
        subj = self.fronted_subject(doc, sent, ents, pol) if self.lang == "en" else None
        if subj is None:
            subj = self.subject(doc, sent, [e for e in actors if e.end <= pol.start], pol.start)
        if subj is None:
            subj = next((s for s, _ in self.discourse.implied_subjects(POLITY_TYPES)), None)
        if subj is not None and subj.label_ == "Agency":
            subj = self.discourse.owner_of(subj, POLITY_TYPES)
        return subj if subj is not None and subj.label_ in POLITY_TYPES else None

    def relative_clause(self, doc: Doc, sent: Span, ti: int, ents: list[Span]) -> Span | bool | None:
        """Whether token ``ti`` is in an English relative clause: None if not; else the actor of
        ``ents`` the clause is about ("Japan, which relies on US cloud"), or False when it is about
        something else ("a new programme, which was unveiled alongside …"), so that the sentence's
        or the text's actors are not its subject either."""
        if self.lang != "en":
            return None
        for t in reversed(doc[sent.start:ti]):
            if t.text in (",", ";", ":"):
                return None
            if t.lower_ in ("which", "who", "whom"):
                if t.i > sent.start and doc[t.i - 1].lower_ in _EN_PREPOSITIONS:
                    return None  # "the layer over which control is exercised": the pronoun is no subject
                own = next((e for e in ents if t.i < e.start < ti and e.label_ in ACTOR_TYPES), None)
                if own is not None:  # "the Chips Package, which Korea introduced": the clause's own subject
                    return own
                if t.i + 2 < ti and doc[t.i + 1].lower_ == "the" \
                        and doc[t.i + 2].lower_ in ("government", "administration"):
                    # "the … Strategy, which the government adopted": the government of whom the text is about
                    gov = self.discourse.government_of(doc, doc[t.i + 1].idx, doc[t.i + 2].idx + len(doc[t.i + 2]))
                    if gov is not None:
                        return gov
                k = t.i - 1 if t.i > sent.start and doc[t.i - 1].text == "," else t.i
                return next((e for e in ents if e.end == k and e.label_ in ACTOR_TYPES), False)
        return None

    def supplier(self, doc: Doc, sent: Span, ents: list[Span], ti: int, tj: int, subj: Span,
                 seller: bool = False) -> Span | None:
        """Whom a dependence is on: an actor marked as such near the trigger ("미국 의존", "미국
        기업에 의존", "reliance on Nvidia"); for buying (``seller``), the one bought from ("미국에서
        수입", "imports from Taiwan", "supplied by American firms"), or whose make it is ("buys Nvidia
        chips")."""
        actors = [e for e in ents if e.label_ in ACTOR_TYPES and e != subj]
        if seller:  # the maker named on what is bought: "buys Nvidia chips", "엔비디아 GPU를 수입"
            stack = {e.start for e in ents if stack_object(e)}
            maker = next((e for e in actors if e.end in stack and (e.start >= tj if self.lang == "en" else e.end <= ti)
                          and self.same_phrase(doc, *((tj, e.start) if e.start >= tj else (e.end, ti)), 8)), None)
            if maker is not None:
                return maker
        if self.lang == "ko":
            marks = ("에서", "로부터", "으로부터") if seller else ("의", "에", "에게", "")
            objects = {e.start for e in ents if stack_object(e)}
            for e in reversed([a for a in actors if a.end <= ti]):
                if particle(doc, e) in marks and (ti - e.end <= 6 or particle(doc, e) == "의" and (
                        particle_at(doc, e) + 1 in objects)):  # "미국 빅테크의 오픈소스 모델에 크게 기대고"
                    return e
            return None
        marks = ("from", "by") if seller else ("from", "on", "of")
        for e in actors:
            prev = doc[e.start - 1].lower_ if doc[e.start - 1].lower_ != "the" else doc[e.start - 2].lower_
            if e.start >= tj and e.start - tj <= 10 and prev in marks:
                return e
        # "dependent on American cloud providers", "supplied by American firms": the country the adjective names
        k = next((t.i for t in doc[tj - seller:min(sent.end, tj + 3)]  # ("supplied by" ends with its "by")
                  if t.lower_ in (("by", "from") if seller else ("on", "upon", "from"))), None)
        if k is not None and k + 1 < sent.end:
            adj = doc[k + 1 + (doc[k + 1].lower_ == "the" and k + 2 < sent.end)]
            return self.discourse.demonym(doc, adj.idx, adj.idx + len(adj.text))
        return None

    def relative_policy(self, doc: Doc, after: list[Span], tj: int) -> list[Span]:
        """Korean "디지털플랫폼정부위원회가 발표한 「X」": the policy a relative clause ending in the trigger
        (tokens up to ``tj``) describes, named right after it."""
        if tj + 1 < len(doc) and doc[tj].text == "중" and last_tag(doc[tj + 1]).startswith("ETM"):
            start = tj + 2  # "정부가 추진 중인 「X」"
        elif not last_tag(doc[tj - 1]).startswith("ETM") and not (tj < len(doc) and last_tag(doc[tj]) == "ETM"):
            return []
        else:
            start = tj + (0 if last_tag(doc[tj - 1]).startswith("ETM") else 1)
        return [e for e in after[:1] if e.label_ == "Policy" and all(is_mark(t) for t in doc[start:e.start])]

    def topic_policy(self, doc: Doc, before: list[Span], ti: int) -> list[Span]:
        """Korean "스타게이트 프로젝트는 …, OpenAI–Oracle가 공동으로 추진한다": the policy the sentence is
        about (marked 은/는) is what its subject pursues, however far from the trigger."""
        return [e for e in before if e.label_ == "Policy" and particle(doc, e) in ("은", "는")
                and any(a.label_ in ACTOR_TYPES and a.start > e.end and particle(doc, a) in ("이", "가")
                        for a in before)][:1]
