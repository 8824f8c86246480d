"""Korean names that the form of the text gives away, without a title in 「」: a law's title ("…에 관한
법률") and its short title ("(약칭: …)"), and companies introduced by the word for a business or by a
Latin name in brackets that ends like a company's (used by :mod:`ingest.cues`)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .nlp import doc_text

# the short title a Korean law gives itself: "… 법률 (약칭: AI컴퓨팅법)"
KO_SHORT_TITLE = re.compile(r"[(（]\s*약칭\s*[:：]?\s*([^()（）\n]{2,30}?)\s*[)）]")
# the words a Korean law's title ends with after "…에 관한": 법률, 기본법, 특별법, then 시행령 or 시행규칙
_LAW_ENDS = re.compile(r"^(?:법|법률|기본법|특별법|시행령|시행규칙)$")
# the morphemes of the title's subject before "에 관한": nouns, numbers, foreign words, 등, and 과/와 between nouns
_LAW_WORD_TAGS = ("NNG", "NNP", "NNB", "SL", "SN", "XSN", "XPN", "JC")


def korean_law_titles(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of Korean law titles written without brackets, by the form the Korean
    legislature gives them: "인공지능 산업 진흥에 관한 법률", "…조성 등에 관한 기본법 시행령"."""
    out: list[tuple[int, int]] = []
    if "관한" not in doc_text(doc):
        return out
    for t in doc:
        if t.text != "관한" or t.i < 2 or doc[t.i - 1].text != "에":
            continue
        end = t.i + 1
        while end < len(doc) and _LAW_ENDS.match(doc[end].text) and end - t.i <= 2:
            end += 1
        if end == t.i + 1:
            continue
        start = t.i - 1
        while start - 1 >= 0 and t.i - start < 14 and (doc[start - 1].tag_.startswith(_LAW_WORD_TAGS)
                                                       or doc[start - 1].text in ("·", "및")):
            start -= 1
        while start < t.i - 1 and (doc[start].tag_.startswith("JC") or doc[start].text in ("·", "및")):
            start += 1  # a title opens with a noun
        if start < t.i - 1:
            out.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)))
    return out


# Korean: the words for a business before a name ("국영 통신사 텔콤(Telkom)", "IT 기업 FPT"), or after the
# names it lists ("사르밤 AI(Sarvam AI) 등 스타트업 4곳", "요타(Yotta)·E2E 네트웍스 등 민간 사업자"); the
# endings of a company's Latin name ("Tata Electronics", "Reliance Industries")
_KO_BUSINESS = r"(?:기업|회사|통신사|스타트업|업체|사업자|제조사|팹리스|파운드리|개발사|운영사|클라우드사|반도체사)"
_KO_NAME_WORD = r"[가-힣A-Za-z0-9&.-]+"
_KO_LATIN = r"[A-Z][\w&.'’-]*(?: [A-Z0-9&][\w&.'’-]*){0,3}"
_KO_COMPANY_BEFORE = re.compile(rf"{_KO_BUSINESS}\s+(?P<name>[A-Z][A-Za-z0-9&.-]*(?=[가-힣\s(,·]|$)"
                                rf"|{_KO_NAME_WORD}(?= ?\((?:{_KO_LATIN})\)))")
_KO_PAIR = re.compile(rf"(?P<name>{_KO_NAME_WORD}(?: {_KO_NAME_WORD}){{0,2}}) ?\((?P<latin>{_KO_LATIN})\)")
_KO_LISTED_BUSINESSES = re.compile(rf"(?:\s?[·,]\s?{_KO_NAME_WORD}(?: {_KO_NAME_WORD})?(?: ?\({_KO_LATIN}\))?)*\s?등\s"
                                   rf"(?:[\w가-힣]+\s){{0,3}}?(?:[가-힣]+\s)?{_KO_BUSINESS}")
# (not AI, Cloud or Systems, which end terms too: "소버린 AI(Sovereign AI)", "인공지능(AI)")
_LATIN_COMPANY_END = re.compile(r"\b(?:Industries|Electronics|Networks|Telecom|Inc|Corp|Corporation|Ltd|Group|Labs|"
                                r"Technologies|Semiconductor|Motors|Robotics|Holdings|Co)\.?$")


def korean_companies(text: str) -> list[tuple[int, int]]:
    """Character spans of the company names a Korean text introduces by what it calls them: a word
    for a business before the name or after a list of names, or a Latin name in brackets that ends
    like a company's ("타타 일렉트로닉스(Tata Electronics)": the Hangul name has as many words as the
    Latin one)."""
    out = [(m.start("name"), m.end("name")) for m in _KO_COMPANY_BEFORE.finditer(text)]
    for m in _KO_PAIR.finditer(text):
        words = m.group("name").split(" ")
        k = max((i + 1 for i, w in enumerate(words) if re.fullmatch(_KO_BUSINESS, w)), default=0)
        words = words[k:] or words[-1:]  # (not the word for the business: "국영 통신사 NT(National Telecom)")
        n = min(len(words), len(m.group("latin").split()))
        start = m.end("name") - len(" ".join(words[-n:]))
        if _LATIN_COMPANY_END.search(m.group("latin")) or _KO_LISTED_BUSINESSES.match(text, m.end()):
            out.append((start, m.end("name")))
    return out


# a word listed between two companies: "네이버클라우드, KT클라우드, NHN클라우드"
_KO_BETWEEN = re.compile(rf"\s?[,·]\s?({_KO_NAME_WORD})\s?[,·]\s?")


def korean_listed_with(text: str, doc: Doc) -> list[str]:
    """The words a Korean text lists between two companies, not yet entities themselves."""
    firms = [e for e in doc.ents if e.label_ == "Company"]
    return [m.group(1) for a, b in zip(firms, firms[1:])
            if (m := _KO_BETWEEN.fullmatch(text, a.end_char, b.start_char)) is not None]
