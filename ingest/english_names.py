"""English names that the form of the text gives away as a company's or a government body's, though
nothing else knows them: what the text calls them ("G42, the Abu Dhabi AI company", "the Indian
start-up Sarvam", "GENCI, the national … agency"), the examples a business word gives ("European
providers such as OVHcloud and STACKIT"), an acronym that runs a policy ("administered by ISED") and
a name listed with a company ("Nvidia and AMD"). Used by :mod:`ingest.cues`, which marks them in the
rest of the document too; and the kind of an official policy title that opens with it ("Guidelines
for the Construction of …", :func:`official_title`)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .lexicon import DEMONYMS
from .nlp import doc_text

# the English words for a company, and for any kind of business: a company word introduces a name
# after it ("the Indian start-up Sarvam"); any business word one before it ("G42, the Abu Dhabi-based
# technology group", "Core42, G42's cloud and compute subsidiary"), the examples it gives ("European
# providers such as OVHcloud and STACKIT") and the company a clause is about ("The Paris-based firm")
_COMPANY_WORDS = "company|start-?up|firm|chip-?maker|conglomerate|unicorn|subsidiary|hyperscaler"
_BUSINESS_WORDS = f"{_COMPANY_WORDS}|group|provider|operator|developer|vendor|maker|lab|supplier|manufacturer|" \
                  "foundry|champion"
EN_BUSINESS = re.compile(_BUSINESS_WORDS)  # (a word: fullmatch)
_EN_BUSINESSES = "|".join(w[:-1] + "(?:y|ies)" if w.endswith("y") else w + "s?" for w in _BUSINESS_WORDS.split("|"))
_EN_LIST_NAME = r"[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’-]*){0,2}"  # a capitalised name of up to three words
_EN_COMPANY_NAME = rf"(?P<name>{_EN_LIST_NAME})"


def _called(words: str) -> re.Pattern:
    """A name, then a comma and what the text calls it, ending in one of ``words``: "G42, the Abu
    Dhabi AI company", "GENCI, the national high-performance computing agency"."""
    return re.compile(rf"(?<!, ){_EN_COMPANY_NAME},\s+(?:an?|the|its|[A-Z][\w-]*['’]s)\s+"
                      rf"(?:[\w'’-]+\s+){{0,5}}?(?:{words})\b")


_EN_COMPANY_BEFORE = _called(_BUSINESS_WORDS)
_EN_COMPANY_AFTER = re.compile(rf"\b(?i:the|an?|its|their)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_COMPANY_WORDS})\s+"
                               rf"{_EN_COMPANY_NAME}")
_EN_COMPANY_EXAMPLES = re.compile(rf"\b(?:{_EN_BUSINESSES}),?\s+(?:such as|including|like)\s+"
                                  rf"(?P<list>{_EN_LIST_NAME}(?:,\s+{_EN_LIST_NAME})*(?:,?\s+(?:and|or)\s+{_EN_LIST_NAME})?)")
# a name listed right after or before another ("Nvidia and AMD", "G42 and OpenAI"; one capitalised word
# or acronym, not a sentence's next word: "Nvidia. The")
_EN_LISTED_NAME = r"([A-Z][A-Za-z0-9&-]*[A-Za-z0-9])"
_EN_LISTED_AFTER = re.compile(rf"(?:,\s+|,?\s+(?:and|or)\s+){_EN_LISTED_NAME}(?![\w&'’-])")
_EN_LISTED_BEFORE = re.compile(rf"(?<![\w&'’.-]){_EN_LISTED_NAME}(?:,\s+|,?\s+(?:and|or)\s+)$")
# capitalised words that are no name of a company in a list ("Nvidia and AI", "Nvidia, Inc.")
_EN_NOT_LISTED = re.compile(r"^(?:AI|[A-Z]|Inc|Ltd|Co|Corp|The|This|These|Both|Each|Other|Others|Several|Many|January|"
                            r"February|March|April|May|June|July|August|September|October|November|December)$")
# a government body by what the text calls it: "GENCI, the national high-performance computing agency"
_EN_BODY_BEFORE = _called("agency|ministry|regulator|authority|department|bureau|division|office|secretariat")
# a body by what it does: an acronym that runs a policy ("The program is administered by ISED", "led by
# CIFAR", "overseen jointly by MeitY and MIIT"; two capitals at least, so not a word)
_EN_ACRONYM = r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*"
_EN_RUN_BY_ACRONYM = re.compile(r"\b(?:run|led|managed|operated|overseen|administered|coordinated|implemented|"
                                r"delivered|supervised|steered|headed)\s+(?:jointly\s+)?by\s+(?:the\s+)?"
                                rf"(?P<name>{_EN_ACRONYM})(?:\s+and\s+(?:the\s+)?(?P<other>{_EN_ACRONYM}))?\b(?![\s-]+[A-Z])")
NOT_COMPANY_WORDS = {"The", "This", "That", "It", "Its", "In", "On", "At", "For", "By", "As", "AI", "A", "An",
                      "But", "And", "Meanwhile", "However", "Earlier", "Last", "Next", "Now"}


def introduced_names(doc: Doc, lang: str) -> tuple[list[str], list[str]]:
    """The names of new companies and of new government bodies a paragraph introduces."""
    text = doc_text(doc)
    named = [m.group("name") for rx in (_EN_COMPANY_BEFORE, _EN_COMPANY_AFTER) for m in rx.finditer(text)]
    named += [n for m in _EN_COMPANY_EXAMPLES.finditer(text) for n in re.findall(_EN_LIST_NAME, m.group("list"))]
    if lang != "en":
        return named, []
    # listed with a company: "Nvidia and AMD GPUs", "with G42 and OpenAI"
    named += [n for n in _listed_with(text, doc, "Company") if n not in DEMONYMS]
    bodies = [m.group("name") for m in _EN_BODY_BEFORE.finditer(text)]
    bodies += [n for m in _EN_RUN_BY_ACRONYM.finditer(text) for n in m.group("name", "other")
               if n is not None and len(n) <= 10]
    return named, bodies


def _listed_with(text: str, doc: Doc, label: str) -> list[str]:
    """The capitalised names listed right before or after an entity of ``label``, not yet
    entities themselves ("Nvidia and AMD GPUs": AMD; "with G42 and OpenAI": G42)."""
    out = []
    for e in doc.ents:
        if e.label_ != label:
            continue
        before = _EN_LISTED_BEFORE.search(text, max(0, e.start_char - 80), e.start_char)
        for m in (_EN_LISTED_AFTER.match(text, e.end_char), before):
            if m is None or any(o.start_char < m.end(1) and m.start(1) < o.end_char for o in doc.ents):
                continue
            if m.group(1) not in NOT_COMPANY_WORDS and not _EN_NOT_LISTED.match(m.group(1)):
                out.append(m.group(1))
    return out


# the words that open an official English title in quotes, before "for", "on", "of"...: "Guidelines
# for the Construction of …", "Opinions of the State Council on …", "Executive Order on …"
_POLICY_OPENERS_EN = {
    "Guidelines": "LawOrRegulation", "Guideline": "LawOrRegulation", "Regulations": "LawOrRegulation",
    "Provisions": "LawOrRegulation", "Rules": "LawOrRegulation", "Measures": "LawOrRegulation",
    "Opinions": "LawOrRegulation", "Notice": "LawOrRegulation", "Order": "LawOrRegulation",
    "Executive Order": "LawOrRegulation", "Guidance": "LawOrRegulation",
    "Plan": "StrategyOrPlan", "Strategy": "StrategyOrPlan", "Action Plan": "StrategyOrPlan",
    "Framework": "StrategyOrPlan", "Roadmap": "StrategyOrPlan", "Programme": "ProgrammeOrProject",
    "Program": "ProgrammeOrProject", "Declaration": "Initiative",
}
_EN_OPENER = re.compile(rf"^(?:The\s+)?({'|'.join(sorted(_POLICY_OPENERS_EN, key=len, reverse=True))})\s+"
                        r"(?:for|on|of|to|concerning|regarding)\s+\S")


def official_title(name: str) -> str | None:
    """The class of an English title that opens with its kind ("Guidelines for the Construction of
    the National … System", "Opinions of the State Council on …"), up to 24 words, most of them
    capitalised, as official titles are; None for anything else ("guidelines for use").

    >>> official_title("Opinions of the State Council on Deepening the Implementation of the AI+ Action")
    'LawOrRegulation'
    >>> official_title("Plan for the future") is None
    True
    """
    m = _EN_OPENER.match(name)
    words = [w for w in name.split() if len(w) > 3]
    if m is None or len(name.split()) > 24 or sum(w[:1].isupper() for w in words) < 0.6 * len(words):
        return None
    return _POLICY_OPENERS_EN[m.group(1)]
