"""What the text is about as a document is read: the subjects Korean sentences leave out.

A Korean sentence often names no subject ("데이터센터 확충에 집중한다"); a reader takes it from
what the text is about at that point. :class:`Discourse` keeps that state across the segments of
one document, in reading order:

- the running **topic**: the last actor a sentence was about (``일본은 …``, ``The Korean
  government …``); table cells and captions do not change it, a heading clears it;
- the **sections**: the enclosing headings, nested by their numbering
  (:func:`ingest.clean.heading_level`), each with the actor it is about ("1. 영국의 AI 정책 동향",
  not "한국에 대한 시사점");
- the table **row**: in a table whose rows (or columns) are headed by an actor (a cell that is
  only "미국"), the actor a cell speaks of (:mod:`ingest.tables`).

Also here: :func:`particle`, the particle after a name, which the relation rules
(:mod:`ingest.relations`) read the same way.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .clean import heading_level
from .facts import derived
from .gazetteer import ACTOR_TYPES, POLITY_TYPES, STACK_TYPES
from .groups import named_together
from .lexicon import ANAPHOR, ANAPHOR_INSIDE, DEMONYMS, EN_FRONTED, EN_SUBORDINATORS
from .nlp import doc_text, span_text
from .tables import TableReader, labelled_line

# particles marking a Korean clause's topic or subject, and the case particles
KO_TOPIC = {"은", "는", "이", "가", "도", "께서", "조차", "만"}
KO_CASE = {"의", "에", "에게", "에게서", "로부터", "에서", "와", "과", "로", "으로", "을", "를"}
# an English actor after these words is not what a heading is about ("Lessons for Korea")
_EN_NOT_HEAD = {"for", "to", "with", "against", "on", "from", "versus", "vs", "and"}

# the prepositions of a fronted phrase that names what a sentence is about ("In France, the Act was …"),
# unlike the others ("Unlike France, it has …", "Despite US controls, China …")
_EN_ABOUT = {"in", "for", "across", "within", "at", "under", "during", "over", "on"}
# generic head nouns a particle may follow: "일본 정부는" -> 는
_HEADS = {"정부", "당국", "행정부", "내각", "의회", "기업", "기업들", "빅테크", "업체", "업체들", "사업자", "사업자들", "측", "모델",
          "전략", "경로", "사례", "입장", "역시", "장비", "제품", "솔루션", "서비스"}
# nouns that head a phrase about a layer or resource: "GPU와 클라우드 공급에서는", "반도체 역량을"
_STACK_HEADS = {"공급", "조달", "역량", "부문", "분야", "계층", "인프라", "자원", "기술", "산업", "생태계", "개발", "확보", "자체"}
# and what measures a share of it: "GPU 대부분을 미국에서 수입", "반도체의 상당 부분을", "GPU의 90% 이상을"
_QUANTITY = {"대부분", "일부", "대다수", "상당수", "절반", "상당", "부분", "전량", "다수", "이상", "이하", "가량", "정도",
             "약", "%", "퍼센트"}

# "A·B 등 클라우드 사업자가": a list of names, then the kind of actor they are
_LIST_END = {"등", "등의", "같은", "같"}
_ACTOR_KINDS = {"사업자", "사업자들", "기업", "기업들", "업체", "업체들", "기관", "기관들", "국가", "국가들", "빅테크", "회사",
                "회사들", "그룹", "스타트업", "스타트업들"}
_NOUN_TAGS = ("NNG", "NNP", "SL", "SN")

# a capital that stands for its government when it opens a sentence or a clause (:meth:`Discourse.capitals`):
# "Beijing has accelerated …", "Berlin's dependence on Taiwan", "…, and Beijing has responded by …",
# "Tokyo, for its part, continues to rely on …", "while Seoul is investing …"
_CAPITALS = {"Seoul": "South Korea", "Tokyo": "Japan", "Beijing": "China", "Paris": "France",
             "London": "United Kingdom", "Washington": "United States", "Berlin": "Germany", "Riyadh": "Saudi Arabia",
             "Abu Dhabi": "United Arab Emirates", "New Delhi": "India", "Taipei": "Taiwan", "Ottawa": "Canada",
             "Rome": "Italy", "Moscow": "Russia", "The Hague": "Netherlands", "Madrid": "Spain",
             "Canberra": "Australia", "Jakarta": "Indonesia", "Brasília": "Brazil", "Brasilia": "Brazil",
             "Hanoi": "Vietnam", "Kuala Lumpur": "Malaysia", "Brussels": "European Union"}
_DEMONYM_GOVERNMENT = re.compile(rf"^\W*(?:The\s+)?({'|'.join(sorted(DEMONYMS, key=len, reverse=True))})\s+"
                                 r"(?:government|administration|state|authorities)\b")
_CLAUSE_CAPITAL = re.compile(r"(?:^\W*|[,;]\s+(?:and\s+|but\s+)?|\s(?:while|whereas|but)\s+)"
                             rf"({'|'.join(sorted(_CAPITALS, key=len, reverse=True))})(?:'s|’s)?(?=\s+[a-z]|,)")

# the country an English body's name ends with: "… Bank of Canada", "… Agency of the Philippines"
_OF_COUNTRY = re.compile(r"\s(?:of|for)\s+(?:the\s+)?([A-Z][\w .]*)$")
# words for policies in a caption ("중국의 대표 AI 정책", "Japan's AI strategies")
_EN_POLICY_WORDS = r"(?i:polic(?:y|ies)|strateg(?:y|ies)|laws?|plans?|initiatives?|programmes?|programs?|measures|instruments)"
_POLICY_KINDS = re.compile(rf"정책|전략|법|계획|제도|이니셔티브|프로그램|\b{_EN_POLICY_WORDS}\b")
# what follows the adjective of a country in an English caption that lists its policies: "Table 3.1 Key
# Chinese self-reliance measures", "Japanese AI strategies"
_EN_LISTED_KINDS = re.compile(rf"(?:\s+[\w-]+){{0,3}}?\s+{_EN_POLICY_WORDS}\b")

# a sentence whose subject is "the government" with no country named: "정부는 …", "새 정부가 …",
# "The government has …"
_BARE_GOVERNMENT = {
    "ko": re.compile(r"^[\s\-–•⦁○□◦*]*(?:(?P<our>우리)\s?|(?:새|현|이번)\s?)?(?P<g>정부)(?:는|가|도|에서는)\s"),
    "en": re.compile(r"^\W*The\s+(?P<g>government|administration)\b(?!\s+of\b)"),
}
# what opens a supposition, which does not change what the text is about
_SUPPOSING = re.compile(r"^[\s\-–•⦁○□◦*]*(?:만약|만일|가령|(?:If|Should|Were|Suppose|Supposing)\b)")
# whose government an unqualified "정부" is in Korean writing when no other country is in view
_HOME_GOVERNMENT = "country/kr"

# verb forms that work as postpositions ("클라우드에 대한 의존", "확보를 위한 투자"): no clause ends there
_POSTPOSITIONAL = {"대한", "관한", "위한", "통한", "따른", "의한", "향한", "대해", "관해", "위해", "통해", "따라", "의해"}


def is_mark(token) -> bool:
    """Whether a token only marks where a line starts: punctuation, a bullet ("⦁", "-") or a list
    number that Kiwi tags SB ("3)", "가)")."""
    return token.is_punct or token.is_space or token.text in "-–•·⦁○□()" or token.tag_ == "SB"


def last_tag(token) -> str:
    """The part of speech of a token's last morpheme: Kiwi joins an ending that starts with a jamo
    to the stem before it ("한다면" is XSV+EC, "확보한" XSV+ETM), and the ending is what marks a
    clause boundary. A verb form used as a postposition (에 대한, 을 위해) reads as one (JKB)."""
    return "JKB" if token.text in _POSTPOSITIONAL else token.tag_.rsplit("+", 1)[-1]


# the words that make a country named after them a supplier or a partner, not the actor
_EN_PARTNER_PREPOSITIONS = frozenset({"on", "from", "with", "to", "against", "by", "than", "into", "toward", "towards"})
_KO_PARTNER_PARTICLES = frozenset({"에", "에서", "로부터", "으로부터", "와", "과", "에게", "보다"})


def particle(doc: Doc, span: Span) -> str:
    """The particle after a name, looking past a generic head noun (``일본 정부는`` -> ``는``,
    ``클라우드 공급에서`` -> ``에서``) and past the kind of actor a list of names ends with
    (``카카오·네이버 등 클라우드 사업자가`` -> ``가``)."""
    i = particle_at(doc, span)
    return doc[i].text if i < len(doc) else ""


def particle_at(doc: Doc, span: Span) -> int:
    """The index of the token :func:`particle` reads."""
    stack = span.label_ in STACK_TYPES
    heads = _STACK_HEADS | _QUANTITY if stack else _HEADS
    i = span.end
    while i < len(doc) and (doc[i].text in heads or doc[i].text in "」』’”\")" or stack and _share(doc, i)):
        i += 1
    if i < len(doc) and doc[i].text in _LIST_END and span.label_ not in STACK_TYPES:
        j = i + 1 + (i + 1 < len(doc) and doc[i].text == "같" and doc[i + 1].text == "은")
        start = j
        while j < len(doc) and j - start < 3 and doc[j].text not in _ACTOR_KINDS and doc[j].tag_.startswith(_NOUN_TAGS):
            j += 1
        if j < len(doc) and doc[j].text in _ACTOR_KINDS:
            i = j + 1 + (j + 1 < len(doc) and doc[j + 1].text == "들")
    return i


def _share(doc: Doc, i: int) -> bool:
    """Token ``i`` measures a share of the layer or resource before it: "의" before a quantity, a
    number, a quantity word ("GPU의 90% 이상을")."""
    def measure(t) -> bool:
        return t.text in _QUANTITY or t.tag_.startswith("SN")

    return measure(doc[i]) or doc[i].text == "의" and i + 1 < len(doc) and measure(doc[i + 1])


def relative_subject(doc: Doc, e: Span, end: int) -> bool:
    """Whether ``e`` is the subject of a relative clause that closes before token ``end`` (a trigger,
    or the sentence's end): "엔비디아가 개발한 GPU를 … 도입하여" (Nvidia developed the chips; who adopts
    them is another)."""
    at = particle_at(doc, e)
    if at >= len(doc) or doc[at].text not in ("이", "가"):
        return False
    for t in doc[at + 1:end]:
        tag = last_tag(t)
        if tag.startswith("ETM"):
            return not (t.i + 1 < len(doc) and doc[t.i + 1].text in ("수", "것", "바", "경우", "때"))
        if tag.startswith(("EC", "EF", "SF")) or t.text in (",", ";"):
            return False
    return False


class Discourse:
    """The topic, sections and table row of the document being read by one pipeline."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.lang = nlp.lang
        self.topic: Span | None = None
        self.row: Span | None = None
        self.table = TableReader()
        # the country or bloc whose policies the table under the last caption lists ("표 2-24. 중국의
        # 대표 AI 정책", "Table 3. Japan's AI strategies"), until the next caption or heading
        self.listing: Span | None = None
        # the policies body text named since the section began, what "동 계획은" / "The plan is led
        # by" refers to (:meth:`referent`)
        self.policies: list[Span] = []
        self.previous: list[Span] = []  # the policies the last sentence named ("It is run by …" means one)
        # the policies the whole document has named, by name: a document about one policy (a call for
        # proposals) is about it in every section
        self.named: dict[str, Span] = {}
        # the enclosing headings, outermost first: (level, the actor the heading is about or None)
        self.sections: list[tuple[int, Span | None]] = []
        # the countries and blocs sentences have been about, through headings: a document about one
        # means its government by a "정부" that a section names none for ("대만은 … 1. 컴퓨팅 인프라 …
        # 정부는 …")
        self.polities: dict[str, Span] = {}
        # the last two countries or blocs a sentence before this one named together ("Saudi Arabia and
        # the UAE"), whom an English "both" stands for; and the pair of the sentence being read
        self.pair: list[Span] = []
        self._pair_here: list[Span] = []
        # and the last three or more listed, whom "all three", "세 나라 모두" stand for
        self.listed: list[Span] = []
        self._listed_here: list[Span] = []
        # and the last companies listed, whom "these firms", "이들 3사" stand for
        self.firms: list[Span] = []
        self._firms_here: list[Span] = []

    def reset(self) -> None:
        """Forget everything: call at the start of each document."""
        self.topic = self.row = self.listing = None
        self.table.reset()
        self.policies, self.sections, self.previous, self.named = [], [], [], {}
        self.polities = {}
        self.pair, self._pair_here = [], []
        self.listed, self._listed_here = [], []
        self.firms, self._firms_here = [], []

    # -------------------------------------------------------- reading
    def segment(self, doc: Doc, kind: str) -> None:
        """A new segment of ``kind`` (``ingest.clean``'s segment kinds) starts: a heading opens a
        section (and clears the topic); a table cell that is only an actor's name heads a row."""
        if kind in ("heading", "caption"):
            self.listing = self.policy_listing(doc) if kind == "caption" else None
        if kind == "heading":
            self.topic, self.policies, self.previous = None, [], []
            level = heading_level(doc_text(doc))
            actor = next((e for e in doc.ents if e.label_ in ACTOR_TYPES - {"Group"} and self.heads(doc, e)), None)
            self.sections = [s for s in self.sections if s[0] < level] + [(level, actor)]
        elif kind == "body" and self.topic is not None and self.topic.label_ in ("Company", "Organisation"):
            # a company or an organisation is the topic of its own paragraph; a report's countries
            # (and the government bodies that act for them) run on
            self.topic = None
        if kind != "table":
            self.table.reset()
        self.row = self.table.cell(doc) if kind == "table" else labelled_line(doc) if kind == "body" else None

    def sentence(self, doc: Doc, sent: Span, ents: list[Span], kind: str) -> None:
        """A sentence of body text (or a heading) that is about an actor makes it the topic;
        ``ents``: the sentence's entities. One about "the government" (no country named) makes
        the government's country the topic, or clears the topic when that country is unknown."""
        if kind in ("table", "caption"):
            return
        # (the pair named in the sentence before counts from this one on)
        self.pair = self._pair_here or self.pair
        self.listed = self._listed_here or self.listed
        self.firms = self._firms_here or self.firms
        self._pair_here, self._listed_here, self._firms_here = named_together(doc, ents, self.lang)
        government = _BARE_GOVERNMENT[self.lang].match(span_text(sent))
        if _SUPPOSING.match(span_text(sent)):
            return  # a supposition is about no actor ("만약 미국이 … 요구한다면 …", "If the US were to …")
        if government is not None:
            self.topic = self.government_of(doc, sent.start_char + government.start("g"),
                                             sent.start_char + government.end("g"),
                                             ours=self.lang == "ko" and government.group("our") is not None)
        elif (topic := self.sentence_topic(doc, sent, ents)) is not None:
            self.topic = topic
        if self.topic is not None and self.topic.label_ in POLITY_TYPES:
            self.polities.setdefault(self.topic.kb_id_, self.topic)

    def owners(self) -> dict[str, str]:
        """The country or bloc of each known policy, government body and group (the gazetteer's)."""
        return self.nlp.get_pipe("policykg_gazetteer").owner if "policykg_gazetteer" in self.nlp.pipe_names else {}

    def government_of(self, doc: Doc, start: int, end: int, ours: bool = False) -> Span | None:
        """The country whose government the words at ``start:end`` ("정부", "the government") are,
        as a span over them: the running topic's country (a country, or the country of a government
        body), else the section's, else the one country the document has been about. Korean
        writing with no country in view (or several) means Korea's government by "정부" ("새 정부는",
        a ministry's press release), and always by "우리 정부" (``ours``); English "the government" is
        then nobody's."""
        polity = ""
        if ours:
            polity = _HOME_GOVERNMENT
        elif self.topic is not None and self.topic.label_ in POLITY_TYPES:
            polity = self.topic.kb_id_
        elif self.topic is not None and (owned := self.owner_of(self.topic, POLITY_TYPES)) is not None:
            polity = owned.kb_id_
        elif (section := self.section_actor(POLITY_TYPES)) is not None:
            polity = section.kb_id_
        elif len(self.polities) == 1:
            polity = next(iter(self.polities))
        elif self.lang == "ko":
            polity = _HOME_GOVERNMENT
        if not polity:
            return None
        span = doc.char_span(start, end, label="Bloc" if polity.startswith("bloc/") else "Country", kb_id=polity)
        return derived(span, "government") if span is not None else None

    def owner_of(self, actor: Span, types: frozenset[str]) -> Span | None:
        """The country or bloc (if of ``types``) a government body ``actor`` belongs to, as a span
        over the body's words: the knowledge base's, or for a new body the country its name opens
        with ("인도네시아 산업부") or ends with after "of" ("… Bank of Canada"), or its other name's,
        else the country around it (:meth:`polity_around`); None for anything else."""
        if actor.label_ != "Agency":
            return None
        polity = self.polity_of(actor)
        # (a name in brackets after another is the other's: "인도네시아 통신디지털부(Komdigi)")
        partner = next((o for a, b in actor.doc.user_data.get("alternatives", ()) for m, o in ((a, b), (b, a))
                        if m == (actor.start, actor.end)), None) if not polity else None
        if partner is not None:  # (unlinked, as the name in brackets would have its id)
            polity = self.polity_of(Span(actor.doc, *partner, label="Agency"))
        if not polity and not actor.kb_id_:
            polity = self.polity_around(actor)
        label = "Bloc" if polity.startswith("bloc/") else "Country"
        if not polity or label not in types:
            return None
        return derived(Span(actor.doc, actor.start, actor.end, label=label, kb_id=polity), "owner")

    def polity_of(self, body: Span) -> str:
        """The id of a government body's country or bloc by its name: the knowledge base's, or the
        country a new body's name opens with or ends with after "of"; "" if none."""
        polity = self.owners().get(body.kb_id_, "")
        if not polity and len(body) > 1:
            tail = _OF_COUNTRY.search(body.text)
            polity = self.country_named(body[0].text) or (self.country_named(tail.group(1)) if tail else "")
        return polity

    def polity_around(self, body: Span) -> str:
        """The country or bloc a new body whose names name none acts for: the one country its
        sentence names ("India's approach …: the X Mission, which the Union Cabinet approved"), else
        its section's, else the one country the document has been about ("MeitY" in a text on
        India); "" if none."""
        sent, doc = body.doc[body.start].sent, body.doc
        # (not one the sentence names as a supplier or a partner: "… imports its GPUs and relies on
        # Singapore for connectivity", "…는 미국에서 GPU를 들여온다")
        here = {e.kb_id_ for e in doc.ents if e.label_ in POLITY_TYPES and e.kb_id_ and sent.start <= e.start < sent.end
                and not (e.start > 0 and doc[e.start - 1].lower_ in _EN_PARTNER_PREPOSITIONS)
                and doc[max(0, e.start - 2):e.start].text.lower() != "out of"  # ("… out of China")
                and particle(doc, e) not in _KO_PARTNER_PARTICLES}
        if len(here) == 1:
            return next(iter(here))
        section = self.section_actor(POLITY_TYPES)
        if section is not None:
            return section.kb_id_
        return next(iter(self.polities)) if len(self.polities) == 1 else ""

    def the_one_before(self, doc: Doc, sent: Span, subject_acts: bool = False) -> Span | None:
        """The policy a sentence that names none means: the one the sentence before named, when it
        named one, after an English "It" ("… launched the X Programme. It is run by EuroHPC.") or
        where a body acts as the subject (``subject_acts``: "「X」를 발표했다. 과학혁신기술부가
        주도했고요")."""
        it = self.lang == "en" and doc[sent.start].lower_ == "it"
        return self.previous[0] if (it or subject_acts) and len(self.previous) == 1 else None

    def policy_named(self, ents: list[Span], kind: str) -> None:
        """After a sentence of body text or a caption: its policies are what a later "동 계획"
        may mean, and the last is what the rows of a table under the caption are about."""
        if kind in ("body", "caption"):
            self.previous = [e for e in ents if e.label_ == "Policy"]
            self.policies = (self.policies + self.previous)[-12:]
            self.named.update((p.kb_id_ or p.text.lower(), p) for p in self.previous)

    @property
    def policy(self) -> Span | None:
        """The last policy named."""
        return self.policies[-1] if self.policies else None

    @property
    def sole_policy(self) -> Span | None:
        """The one policy the document has named, if it has named only one."""
        return next(iter(self.named.values())) if len(self.named) == 1 else None

    def referent(self, text: str, inside: bool = False) -> Span | None:
        """The policy a sentence that opens by referring back to one means ("동 계획은", "The
        facility will be managed by"), or (``inside``) that it points back to anywhere ("이 사업을
        총괄한다"): the last one named of that kind ("InvestAI Facility" over the "AI gigafactories"
        named after it), else the last one; None if it does not refer back."""
        m = ANAPHOR[self.lang].match(text) or (ANAPHOR_INSIDE[self.lang].search(text) if inside else None)
        if m is None or not self.policies:
            return None
        return self.of_kind(m.group("kind")) or self.policies[-1]

    def of_kind(self, kind: str) -> Span | None:
        """The last policy named of a kind ("계획", "facility"): the word is in its name or right after
        it ("InvestAI Facility"); None if there is none."""
        kind = kind.lower()
        return next((p for p in reversed(self.policies) if kind in p.doc[p.start:p.end + 1].text.lower()), None)

    def policy_listing(self, doc: Doc) -> Span | None:
        """The country or bloc a caption names as the owner of the policies its table lists: in
        the genitive, a word for policies after it ("중국의 대표 AI 정책", "Japan's AI strategies")."""
        for e in doc.ents:
            if e.label_ in POLITY_TYPES and particle(doc, e) in ("의", "'s", "’s") \
                    and _POLICY_KINDS.search(doc[e.end:min(len(doc), e.end + 6)].text):
                return e
        if self.lang == "en":
            for m in re.finditer(r"\b(?:South |North )?[A-Z][a-z]+\b", doc_text(doc)):
                if m.group(0) in DEMONYMS and _EN_LISTED_KINDS.match(doc_text(doc), m.end()) \
                        and (span := self.demonym(doc, m.start(), m.end())) is not None:
                    return span
        return None

    def heads(self, doc: Doc, e: Span) -> bool:
        """Whether the actor ``e`` a heading names is what its section is about ("영국의 AI 정책",
        "EU, 규범 주도권", "Japan's AI strategy"), not a party to it ("한국에 대한 시사점", "협력 with
        Japan", "Lessons for Korea")."""
        if self.lang == "ko":
            return particle(doc, e) not in KO_CASE - {"의"}
        return e.start == 0 or doc[e.start - 1].lower_ not in _EN_NOT_HEAD

    def sentence_topic(self, doc: Doc, sent: Span, ents: list[Span]) -> Span | None:
        """The actor a sentence is about; ``ents``: the sentence's entities."""
        demonym = self.demonym_government(doc, sent) if self.lang == "en" else None
        if demonym is not None:
            return demonym
        actors = [e for e in ents if e.label_ in ACTOR_TYPES - {"Group"}]
        if not actors:
            return None
        lead = next((t.i for t in sent if not (is_mark(t) or t.like_num)),
                    sent.start)
        if self.lang == "ko":
            topical = [e for e in actors if particle(doc, e) in ("은", "는", "이", "가")
                       and not relative_subject(doc, e, sent.end)]
            if topical:  # the last one: "A가 …한 반면, B는 …" is about B from here on
                return topical[-1]
            # a heading or bullet that opens with the actor: "(1) EU, 규범 주도권과 …"
            return actors[0] if actors[0].start == lead and particle(doc, actors[0]) in (",", ":", "") else None
        if lead + 1 < sent.end and doc[lead + 1].text == "," and doc[lead].is_alpha and actors[0].start != lead:
            lead += 2  # "Meanwhile, Germany announced …" (not "China, by contrast, …")
        # "Unlike France, it has …": about the main clause's subject
        if lead < sent.end and doc[lead].lower_ in EN_FRONTED - _EN_ABOUT:
            comma = next((t.i for t in sent if t.text == "," and t.i > lead), None)
            if comma is None:
                return None
            pronoun = comma + 1 < sent.end and doc[comma + 1].lower_ in ("it", "they")
            if doc[lead].lower_ in EN_SUBORDINATORS and pronoun:
                # "Although the United States does not …, it is pursuing …": the pronoun is the clause's subject
                k = lead + 1 + (doc[lead + 1].lower_ == "the")
                opener = next((e for e in actors if e.start == k), None)
                if opener is not None:
                    return opener
            lead = comma + 1
            actors = [e for e in actors if e.start >= lead]
            if not actors:
                return None
        return actors[0] if actors[0].start - lead <= 1 else None

    def demonym_government(self, doc: Doc, sent: Span) -> Span | None:
        """``The Korean government has …``: the country a sentence's subject names by its adjective
        (a capital opening it is among the sentence's actors already: :meth:`capitals`)."""
        m = _DEMONYM_GOVERNMENT.match(span_text(sent))
        return self.demonym(doc, sent.start_char + m.start(1), sent.start_char + m.end(1)) if m else None

    def capitals(self, doc: Doc, sent: Span, ents: list[Span]) -> list[Span]:
        """``ents`` of an English sentence with each capital that opens a clause read as its country
        ("…, and Beijing has responded", "Tokyo, for its part, …"), in place of any entity over it (the
        city as a region). The mentions stay as they are: a capital is no country's name."""
        out = list(ents)
        for m in _CLAUSE_CAPITAL.finditer(span_text(sent)):
            span = self.demonym(doc, sent.start_char + m.start(1), sent.start_char + m.end(1))
            if span is not None:
                out = [e for e in out if not (e.start < span.end and span.start < e.end)] + [span]
        return sorted(out, key=lambda e: e.start)

    def country_named(self, word: str) -> str:
        """The id of the country (or bloc) a word names ("인도네시아", "Japan"), else ""."""
        from .nlp import known_names, name_key

        known = known_names(self.nlp).get(name_key(word))
        return known["id"] if known is not None and known["label"] in POLITY_TYPES else ""

    def country_word(self, word: str) -> str:
        """The id of the country (or bloc) a name or an English adjective names ("Japan", "Swiss"), else ""."""
        return self.country_named(word) or (self.country_named(DEMONYMS[word]) if word in DEMONYMS else "")

    def demonym(self, doc: Doc, start: int, end: int) -> Span | None:
        """The country the English adjective or capital at characters ``start:end`` names
        ("American", "South Korean", "Beijing"), as a span over it; None for any other word."""
        name = DEMONYMS.get(doc_text(doc)[start:end]) or _CAPITALS.get(doc_text(doc)[start:end])
        country = self.country_named(name) if name else ""
        if not country:
            return None
        span = doc.char_span(start, end, label="Bloc" if country.startswith("bloc/") else "Country", kb_id=country)
        return derived(span, "demonym") if span is not None else None

    # -------------------------------------------------------- asking
    def section_actor(self, types: frozenset[str] = ACTOR_TYPES) -> Span | None:
        """The actor of ``types`` the innermost enclosing heading that names one is about."""
        return next((a for _, a in reversed(self.sections) if a is not None and a.label_ in types), None)

    def implied_subjects(self, types: frozenset[str] = ACTOR_TYPES,
                         country_first: bool = False) -> list[tuple[Span, str]]:
        """The subjects of ``types`` a sentence that names none may leave out, most likely first,
        with where they come from: in a table, the ``row``'s actor (a row is its own topic); else
        the running ``topic``; the ``section`` heading's actor.

        With ``country_first``, the country or bloc a section is about comes before a topic that
        is an organisation: "1. 영국의 AI 정책 … DSIT는 … 발표했다. … 인재 양성을 강화" is the
        UK's doing, not DSIT's."""
        found = [(self.row, "row")] if self.row is not None and self.row.label_ in types else []
        if self.topic is not None and self.topic.label_ in types and self.row is None:
            found.append((self.topic, "topic"))
        elif self.topic is not None and self.row is None and (owned := self.owner_of(self.topic, types)) is not None:
            found.append((owned, "topic"))  # a government body the text is about acts for its country
        section = self.section_actor(types)
        if section is not None and not any(f.kb_id_ and f.kb_id_ == section.kb_id_ for f, _ in found):
            found.append((section, "section"))
            if country_first and found[0][1] == "topic" and found[0][0].label_ not in POLITY_TYPES \
                    and section.label_ in POLITY_TYPES:
                found.insert(0, found.pop())
        return found
