"""Whose a policy is, by how it is named: right after its country ("일본의 「AI 추진법」", "Japan's AI
Promotion Act"), with its country in the name ("Swiss Government Cloud", "National AI Strategy for
Qatar"), as the clause's own ("its National AI Mission", "자국의 「X」"), or through the government
body that launches or runs it. A mixin of :class:`ingest.relations.Extractor`, which gives it
``lang``, ``discourse`` and the clause analysis of :class:`ingest.subjects.Subjects`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from .facts import Arg, Fact
from .gazetteer import POLITY_TYPES
from .discourse import particle


class PolicyOwners:
    """The owners of policies for the relation extractor (a mixin)."""

    lang: str
    discourse: Any

    def genitive_policies(self, doc: Doc, sent: Span, ents: list[Span]) -> list[Fact]:
        """``일본의 「AI 추진법」``, "Japan's AI Promotion Act": a country's or bloc's policy named
        right after it."""
        out = []
        for a, b in zip(ents, ents[1:]):
            # (in Korean also a country right before the name, as a modifier: "미국 스타게이트 프로젝트")
            bare = self.lang == "ko" and b.start == a.end and doc[a.end - 1].whitespace_ and b[0].text not in "「『‘“\"'"
            if a.label_ in POLITY_TYPES and b.label_ == "Policy" and (particle(doc, a) in ("의", "'s", "’s") or bare) \
                    and b.start - a.end <= 3 and not any(t.text in (",", "·") for t in doc[a.end:b.start]):
                out.append(Fact("hasPolicy", "hasPolicy", Arg.of(a), Arg.of(b), f"hasPolicy.{self.lang}.genitive", 0.6,
                                sent.start_char, sent.end_char))
        # a name that opens with its country's: "China's Full-Stack AI Self-Reliance Strategy", "중국의 풀스택 AI 자립 전략"
        for b in ents:
            country, words = self.country_in_name(b)
            if country:
                state = Arg(words.start_char, words.end_char, words.text,
                            "Bloc" if country.startswith("bloc/") else "Country", country, "name")
                how = "genitive" if b[1].text in ("의", "'s", "’s") else "name"
                out.append(Fact("hasPolicy", "hasPolicy", state, Arg.of(b), f"hasPolicy.{self.lang}.{how}", 0.6,
                                sent.start_char, sent.end_char))
        # "its National AI Mission", "자국의 「X」": the policy of the country the clause is about
        for b in ents:
            if b.label_ == "Policy" and self.own(doc, sent, b) and (owner := self.whose(doc, sent, ents, b)) is not None:
                out.append(Fact("hasPolicy", "hasPolicy", Arg.of(owner, doc), Arg.of(b), f"hasPolicy.{self.lang}.own",
                                0.55, sent.start_char, sent.end_char))
        return out

    def named_country(self, pol: Span) -> str:
        """The country (or bloc) a policy's name opens with in the genitive ("China's …", "중국의 …"), or
        in English as a word of the name ("Swiss Government Cloud", "Kenya National AI Strategy", "EU AI
        Act"; not a pair: "US-UK Tech Alliance") or after its last "for" ("National Artificial
        Intelligence Strategy for Qatar"), else ""."""
        return self.country_in_name(pol)[0]

    def country_in_name(self, pol: Span) -> tuple[str, Span | None]:
        """:meth:`named_country`, with the words of the name that name it."""
        if pol.label_ != "Policy" or len(pol) < 2:
            return "", None
        if pol[1].text in ("의", "'s", "’s"):
            return (self.discourse.country_named(pol[0].text), pol[:1]) if len(pol) >= 3 else ("", None)
        if self.lang != "en":
            return "", None
        for n in (3, 2, 1):
            if len(pol) > n + 1 and pol[n].text not in ("-", "–", "/", "&") and pol[n - 1].whitespace_ \
                    and (country := self.discourse.country_word(pol[:n].text)):
                return country, pol[:n]
        at = max((t.i for t in pol[1:-1] if t.lower_ == "for"), default=None)
        if at is not None and (country := self.discourse.country_word(pol.doc[at + 1:pol.end].text)):
            return country, pol.doc[at + 1:pol.end]
        return "", None

    def agency_country_has(self, agency: Span, pol: Span, sent: Span) -> list[Fact]:
        """A government body that launches or runs a policy does so for its country or bloc (the
        agency's owner in the knowledge base): that country has the policy. The subject points at
        the agency's words."""
        polity = self.discourse.owner_of(agency, POLITY_TYPES)
        if polity is None:
            return []
        state = Arg(agency.start_char, agency.end_char, agency.text, polity.label_, polity.kb_id_, "owner")
        return [Fact("hasPolicy", "hasPolicy", state, Arg.of(pol), f"hasPolicy.{self.lang}.agency", 0.6,
                     sent.start_char, sent.end_char)]
