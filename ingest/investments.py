"""Investments: the sums of money a sentence commits, normalised by :mod:`ingest.amounts`, and who
commits them. The relation extractor (:mod:`ingest.relations`) calls :func:`investments` on every
sentence with its own subject finding, negation test and discourse state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .amounts import LOCAL_CURRENCY, MONEY_EN, MONEY_KO, parse_amount, shared_currency
from .discourse import particle
from .facts import Arg, Fact
from .gazetteer import ACTOR_TYPES, POLITY_TYPES
from .lexicon import BUDGET_OF, BUDGET_WORTH, CHANGE_BY, CONVERTED, INVEST_EN, INVEST_KO, NOT_INVESTMENT, PER_UNIT
from .nlp import span_text

if TYPE_CHECKING:
    from .relations import Extractor


def investments(ex: Extractor, doc: Doc, sent: Span, ents: list[Span]) -> list[Fact]:
    """The sums of money sentence ``sent`` commits (``invests`` facts, read by extractor ``ex``):
    each amount in a sentence with an investment word, or that qualifies a policy ("a $2 billion
    plan"), and not a valuation, a market's size or the same sum converted in brackets. Who
    invests: the policy a sentence refers back to ("이번 사업은 … 투입된다"), the clause's subject,
    the sentence's policy or first actor, else in a table the policy of its caption (or the last one
    named), else the row's, topic's or section's actor."""
    text = span_text(sent)
    trigger = INVEST_KO if ex.lang == "ko" else INVEST_EN
    invested = trigger.search(text) is not None
    out = []
    money = MONEY_KO if ex.lang == "ko" else MONEY_EN
    for m in money.finditer(text):
        parsed = parse_amount(m.group(0))
        budget = BUDGET_WORTH.search(text[max(0, m.start() - 40):m.start()]) is not None
        if parsed is None or parsed[0] <= 0 or not (invested or budget or BUDGET_OF[ex.lang].match(text[m.end():])):
            continue
        lead = text[max(0, m.start() - 14):m.start()]
        if NOT_INVESTMENT.search(lead) and not budget or CONVERTED.search(text[max(0, m.start() - 24):m.start()]):
            continue  # a valuation, revenue or market size; or the same sum converted, in brackets
        around = text[max(0, m.start() - 24):m.start()] if ex.lang == "en" else text[m.end():m.end() + 8]
        if CHANGE_BY[ex.lang].search(around):
            continue  # what a sum changed by, not a sum: "3조 원 늘어난 10조 원", "up $3 billion to $10 billion"
        if PER_UNIT["en"].match(text, m.end()) if ex.lang == "en" else PER_UNIT["ko"].search(text[:m.start()]):
            continue  # a price: "under ₹100 an hour", "시간당 100루피"
        start = sent.start_char + m.start()
        ti = next((t.i for t in sent if t.idx >= start), sent.end - 1)
        if ex.negated(doc, sent, ti, ti + 1):
            continue
        before = [e for e in ents if e.end_char <= start]
        pol = ex.discourse.referent(text)
        sources = _sources(ex, doc, sent, ents, ti)
        if sources:  # "attracted $20 billion of investment from Microsoft": Microsoft invests
            subj = sources[0]
        elif pol is not None and not any(e.label_ == "Policy" for e in ents):
            subj = pol  # "이번 사업은 … 3,000억 원이 투입된다": the policy named before
        else:
            subj = ex.subject(doc, sent, before, ti)
        if subj is None:
            pols = [e for e in ents if e.label_ == "Policy"]
            subj = pols[0] if pols else None
        if subj is None:
            actors = [e for e in ents if e.label_ in ACTOR_TYPES]
            subj = actors[0] if actors else None
        if subj is None and doc.user_data.get("segment") == "table":
            subj = ex.discourse.policy  # a table's row ("투자 규모 ⦁총 200억 유로"): the caption's policy
        if subj is None:  # nobody named: the row's, the topic's or the section's actor
            subj = next((a for a, _ in ex.discourse.implied_subjects(country_first=True)), None)
        if subj is None:
            continue
        currency = parsed[1]
        if kind := shared_currency(m.group(0)):  # "$2 billion" in Canada's text is Canadian dollars
            # (the investor's country; for a word other than "$", the country the text is about: a
            # company's "2.5 billion riyals" in a Qatari text, where its "$420 million" stays US dollars)
            around = [] if kind == "dollar" else ex.discourse.implied_subjects(POLITY_TYPES)
            polity = subj.kb_id_ if subj.label_ in POLITY_TYPES else ex.owner.get(subj.kb_id_, "") or next(
                (a.kb_id_ for a, _ in around), "")
            currency = LOCAL_CURRENCY[kind].get(polity, currency)
        for investor in sources or [subj]:
            f = Fact("invests", "amount", Arg.of(investor, doc), None, f"invests.{ex.lang}.amount", 0.6,
                     sent.start_char, sent.end_char, amount=parsed[0], currency=currency)
            f.extra["text"] = m.group(0).strip()
            out.append(f)
    return out


def _sources(ex: Extractor, doc: Doc, sent: Span, ents: list[Span], ti: int) -> list[Span]:
    """The actors a sum at token ``ti`` comes from, with those listed with them: "$20 billion in
    investment from Microsoft and Google", "마이크로소프트와 구글로부터 200억 달러 투자를 유치"."""
    actors = [e for e in ents if e.label_ in ACTOR_TYPES - {"Group"}]
    if ex.lang == "ko":
        near = [e for e in actors if e.end <= ti and ti - e.end <= 3 and particle(doc, e) in ("로부터", "으로부터")]
        return ex.coordinated(doc, actors, near[-1], -1)[::-1] if near else []
    first = next((e for e in actors if ti < e.start <= ti + 12 and ex.same_phrase(doc, ti, e.start, 12)
                  and doc[e.start - 1 - (doc[e.start - 1].lower_ == "the")].lower_ == "from"), None)
    return ex.coordinated(doc, actors, first, 1) if first is not None else []
