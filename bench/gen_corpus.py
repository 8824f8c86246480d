"""A synthetic corpus of AI-policy reports in Korean and English, deterministic by seed.

    .venv/bin/python bench/gen_corpus.py OUT --docs N [--seed S] [--chars C]

Writes ``OUT/doc-00001.ko.txt`` ... (UTF-8), about two thirds Korean. Each document is shaped like
text extracted from a PDF report: a title, numbered headings (``1.``, ``가.``, ``Chapter 2``) and
paragraphs; part of the documents also have running page headers and footers with page numbers,
form feeds, and lines wrapped at 40-60 characters (a Korean line broken inside a word has no
trailing space, one broken between words keeps one), so the cleaning stage has work to do.

Sentences come from templates written for this generator (not copied from the corpus) that
carry the cues of the relation rules of :mod:`ingest.relations` (dependence, self-reliance,
strengthening, policies, who runs them, investments with amounts, replacements), in plain,
negated and hedged forms, between neutral filler sentences. The names are the knowledge base's
own (from the gazetteer: countries with their one-character abbreviations, blocs, agencies,
companies, policies, layers, resources) mixed with invented ones (organisations ending in
부/청/위원회/연구원 or Ministry/Agency/Office, policies in 「…」 or ``… Act/Strategy/Plan``,
companies). The default document size is the mean size (in characters) of the default corpus.

Same seed and arguments give byte-identical files.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

KOREAN_SHARE = 2 / 3
PDF_LAYOUT_SHARE = 0.5  # documents with page headers/footers and wrapped lines

# ---------------------------------------------------------------- templates
# slots: {C} country or bloc, {C2} another one, {A} agency, {O} company, {P} policy, {L} layer or
# resource, {L2} another one, {N} an amount, {Y} a year. A Korean particle after a slot is written
# once as {X|은} and agrees with the name's last syllable (은/는, 이/가, 을/를, 과/와, 으로/로).
KO_FACTS = [
    # dependsOn
    "{C|은} {L|에} 대한 해외 의존도가 여전히 높은 편이다.",
    "{C|은} {L|을} 대부분 {C2}의 공급망에 의존하고 있다.",
    "특히 {C|은} {L} 부문에서 외국 기업에 종속되어 있다는 지적을 받는다.",
    "{C|은} 고성능 {L|을} 외부 조달에 의존하는 구조가 고착되었다.",
    "현재 {C|은} {L|과} {L2|을} 해외 사업자에 의존한다.",
    # controls
    "{C|은} {L} 분야의 자립을 국가 목표로 내걸었다.",
    "{C|은} {L|을} 국산화하는 데 상당한 성과를 거두었다.",
    "{C|은} 자국 내 {L|을} 직접 통제할 수 있는 기반을 갖추었다.",
    "{C|은} {L} 자급 체계를 구축하였다.",
    # strengthens / supplements / prioritises
    "{C|은} {L} 역량을 강화하기 위해 민관 협력을 넓히고 있다.",
    "{C|은} 부족한 {L|을} 보완하는 방안을 모색하고 있다.",
    "{C|은} {L|을} 우선적으로 확충할 계획이다.",
    "{C|은} {L|과} {L2} 역량을 동시에 고도화하고 있다.",
    # hasPolicy
    "{C|은} {Y}년 {P|을} 발표하였다.",
    "{C|은} 같은 해 {P|을} 수립하여 후속 조치를 마련하였다.",
    "{C|은} {P|을} 제정하고 {Y}년부터 시행하고 있다.",
    "{C|은} {P|을} 본격적으로 추진하고 있다.",
    "{C}의 {P|은} 공공 부문의 AI 전환을 목표로 한다.",
    # runBy
    "{P|은} {A|이} 주관한다.",
    "이 사업은 {P}의 일환으로 {A|이} 운영을 담당한다.",
    "{P|은} {A|과} {A2|이} 공동으로 운영한다.",
    # invests
    "{C|은} {P|을} 통해 {N|을} 투자할 예정이다.",
    "{O|은} 데이터센터 구축에 {N|을} 투입하기로 하였다.",
    "{P}에는 총 {N}의 예산이 편성되었다.",
    "{C|은} 향후 5년간 {L} 분야에 {N|을} 지원한다.",
    # replaces
    "{C|은} 기존 {P|를} {P2|로} 대체하였다.",
    "{O|은} 외산 {L|을} 자체 솔루션으로 교체하는 작업을 진행 중이다.",
]
KO_NEGATED = [
    "{C|은} 아직 {L|을} 자립하지 못했다.",
    "{C|은} {L} 분야에서 외국에 의존하지 않는다고 밝혔다.",
    "{C|은} {P|을} 발표하지 않았다.",
    "{C|은} {L|을} 충분히 강화하기 어렵다는 평가가 많다.",
    "{C|은} {L|을} 국산화할 수 없는 상황이다.",
    "{P|은} {A|이} 주관하지 않는다.",
]
KO_HEDGED = [
    "{C|이} {L|을} 자립한다면 공급망 위험이 줄어들 것이다.",
    "{C|이} {L|에} 계속 의존할 경우 협상력이 약해질 수 있다.",
    "{C|이} {P|을} 추진하면 민간 투자가 늘어날 것으로 보인다.",
]
KO_FILLER = [
    "이러한 흐름은 최근 몇 년 사이 더욱 뚜렷해졌다.",
    "주요국의 대응은 각자의 산업 구조와 재정 여건에 따라 다르게 나타난다.",
    "전문가들은 단기 성과보다 장기적인 생태계 조성이 중요하다고 강조한다.",
    "이 절에서는 각국의 정책 수단을 비교하여 시사점을 정리한다.",
    "다만 정책 효과를 평가하기에는 아직 이른 시점이다.",
    "관련 통계는 부록의 표에 정리하였다.",
    "이와 같은 논의는 국제 규범 형성 과정과도 맞물려 있다.",
    "또한 공공 조달 기준과 데이터 활용 규정이 함께 정비되고 있다.",
    "현장에서는 인력 부족과 전력 수급 문제가 반복적으로 제기되었다.",
    "한편 산업계는 규제의 예측 가능성을 높여 달라고 요구하고 있다.",
    "결국 기술 역량과 제도 기반이 함께 갖추어져야 실질적인 주권이 확보된다.",
    "이 과정에서 중소기업과 연구기관의 참여를 넓히는 방안도 논의되었다.",
]
KO_HEADINGS = ["정책 추진 배경", "주요국 동향", "공급망 구조와 위험", "투자 및 재원", "거버넌스 체계",
               "산업 생태계 현황", "정책 시사점", "향후 과제", "기술 역량 평가", "국제 협력 방향"]

EN_FACTS = [
    "{C} relies heavily on {C2} for {L}.",
    "{C} depends on foreign suppliers for {L}.",
    "{C} has achieved self-reliance in {L}.",
    "{C} now controls its own {L}.",
    "{C} plans to strengthen {L} over the next five years.",
    "{C} is expanding {L} through public-private partnerships.",
    "{C} has prioritised {L} in its industrial policy.",
    "{C} launched the {P} in {Y}.",
    "{C} enacted the {P} after a long consultation.",
    "{C} announced the {P} to coordinate public investment.",
    "The {P} is led by the {A}.",
    "The {P} is run by the {A} and the {A2}.",
    "{C} will invest {N} in {L} under the {P}.",
    "{O} committed {N} to new data centres.",
    "The {P} has a budget of {N}.",
    "{O} replaced {O2} as the main supplier of {L}.",
]
EN_NEGATED = [
    "{C} does not rely on {C2} for {L}.",
    "{C} no longer depends on imported {L}.",
    "{C} has not launched the {P} yet.",
    "{C} cannot strengthen {L} without new funding.",
]
EN_HEDGED = [
    "If {C} launched the {P}, private investment could follow.",
    "{C} might depend on {C2} for {L} for another decade.",
]
EN_FILLER = [
    "This trend has become more visible in recent years.",
    "Responses differ with each country's industrial structure and fiscal room.",
    "Experts stress that long-term ecosystem building matters more than quick wins.",
    "This section compares the policy instruments and draws lessons.",
    "It is still too early to judge the effect of these measures.",
    "The relevant statistics are summarised in the appendix.",
    "Energy supply and skilled labour remain recurring bottlenecks.",
    "Industry has asked for more predictable rules.",
    "Procurement standards and data-sharing rules are being revised at the same time.",
]
EN_HEADINGS = ["Background", "Recent developments", "Supply-chain exposure", "Investment and funding",
               "Governance", "Industrial ecosystem", "Implications", "Next steps", "Capability assessment",
               "International cooperation"]

# invented names
_KO_STEMS = ["디지털혁신", "인공지능전략", "데이터주권", "지능정보", "첨단컴퓨팅", "미래기술", "산업기술정책",
             "국가전산", "클라우드전환", "반도체육성", "공공데이터", "초거대AI", "신산업진흥", "과학기술혁신"]
_KO_ORG_HEADS = ["부", "청", "위원회", "연구원"]
_KO_POLICY_WORDS = ["전략", "계획", "로드맵", "이니셔티브", "기본법", "육성 사업", "프로그램"]
_KO_POLICY_TOPICS = ["AI 주권", "디지털 전환", "AI 반도체", "데이터 개방", "공공 클라우드", "AI 인재",
                     "컴퓨팅 인프라", "AI 안전", "산업 AI 확산", "소버린 모델"]
_EN_WORDS = ["Digital", "Frontier", "Compute", "Data", "Sovereign", "Silicon", "Cloud", "Innovation", "Talent",
             "Quantum", "Network", "Resilience", "Future", "Research", "Northern", "Coastal"]
_EN_POLICY_HEADS = ["Act", "Strategy", "Plan", "Initiative", "Programme", "Fund"]
_EN_ORG_FORMS = ["Ministry of {a} and {b}", "{a} {b} Agency", "Office for {a} {b}"]
_CO_STEMS = ["Nova", "Hanbit", "Orion", "Kestrel", "Taeyang", "Blue Ridge", "Sejin", "Arcadia", "Mirae", "Polaris"]
_CO_TAILS = ["Systems", "Semiconductor", "Cloud", "Labs", "AI", "Networks"]


# ---------------------------------------------------------------- names
def _has_batchim(word: str) -> bool:
    """Whether a word ends in a consonant as read in Korean (for particle agreement)."""
    w = word.rstrip("」』’”\"') ")
    if not w:
        return False
    c = w[-1]
    if "\uac00" <= c <= "\ud7a3":
        return (ord(c) - 0xAC00) % 28 != 0
    if c.isdigit():
        return c in "013678"
    if c.isupper():
        return c in "LMN"
    return c in "lmn" or w.endswith("ng")  # Cloud, Labs: read 클라우드, 랩스


_PARTICLES = {"은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"),
              "을": ("을", "를"), "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와")}


def _particle(word: str, p: str) -> str:
    if p in _PARTICLES:
        yes, no = _PARTICLES[p]
        return yes if _has_batchim(word) else no
    if p in ("으로", "로"):  # ㄹ batchim takes 로
        w = word.rstrip("」』’”\"') ")
        last = w[-1:] if w else ""
        rieul = "\uac00" <= last <= "\ud7a3" and (ord(last) - 0xAC00) % 28 == 8
        return "으로" if _has_batchim(word) and not rieul else "로"
    return p  # 의, 에 ...


@lru_cache(maxsize=1)
def knowledge_base_names() -> dict[str, dict[str, list[str]]]:
    """The gazetteer's names by kind and language: {"ko": {"C": [...], ...}, "en": {...}}, sorted."""
    from kg.build import load_ontology
    from kg.curation import load_curated
    from kg.extraction import gazetteer_patterns

    kinds = {"Country": "C", "Bloc": "C", "Agency": "A", "Company": "O", "Policy": "P", "Layer": "L",
             "Resource": "L"}
    out: dict[str, dict[str, set[str]]] = {"ko": {}, "en": {}, "abbr": {}}
    for p in gazetteer_patterns(load_ontology(), load_curated().graph):
        kind, name = kinds.get(p["label"]), p["pattern"]
        if kind is None or p.get("ambiguous"):
            continue
        if len(name) == 1:  # 美, 中, 미, 중: the one-character abbreviations
            if kind == "C":
                out["abbr"].setdefault("C", set()).add(name)
            continue
        if re.search(r"[()\[\]'\"]|^\d|\d$", name) or len(name) > 30:
            continue
        if re.search(r"[가-힣]", name):
            out["ko"].setdefault(kind, set()).add(name)
        elif re.fullmatch(r"[A-Za-z][A-Za-z0-9 .&/-]+", name):
            if kind in ("P", "A", "O") and not name[0].isupper():
                continue  # a description rather than a name
            if kind == "C" and len(name) < 4 and name not in ("EU", "USA", "UAE", "UK", "US"):
                continue  # two-letter country codes read oddly in running English text
            out["en"].setdefault(kind, set()).add(name)
            if kind in ("L", "O") and name.isupper() and 2 <= len(name) <= 4:  # GPU, HBM, AWS in Korean text too
                out["ko"].setdefault(kind, set()).add(name)
    return {lang: {k: sorted(v) for k, v in d.items()} for lang, d in out.items()}


class _Names:
    """Picks names for one document: mostly known ones, some invented (fixed per document)."""

    def __init__(self, rng: random.Random, lang: str) -> None:
        self.rng, self.lang = rng, lang
        kb = knowledge_base_names()
        self.known = kb[lang]
        self.abbr = kb["abbr"].get("C", [])
        self.invented = {"A": [self._agency() for _ in range(3)], "P": [self._policy() for _ in range(4)],
                         "O": [self._company() for _ in range(3)]}

    def _agency(self) -> str:
        r = self.rng
        if self.lang == "ko":
            return r.choice(_KO_STEMS) + r.choice(_KO_ORG_HEADS)
        a, b = r.sample(_EN_WORDS, 2)
        return r.choice(_EN_ORG_FORMS).format(a=a, b=b)

    def _policy(self) -> str:
        r = self.rng
        if self.lang == "ko":
            return f"「{r.choice(_KO_POLICY_TOPICS)} {r.choice(['국가', '종합', '중장기', '혁신'])} {r.choice(_KO_POLICY_WORDS)}」"
        a, b = r.sample(_EN_WORDS, 2)
        return f"{a} {b} {r.choice(_EN_POLICY_HEADS)}"

    def _company(self) -> str:
        r = self.rng
        name = f"{r.choice(_CO_STEMS)} {r.choice(_CO_TAILS)}"
        return name if self.lang == "en" else r.choice([name, r.choice(["한빛", "세진", "미래", "누리"]) + "테크"])

    def pick(self, kind: str) -> str:
        r = self.rng
        if kind in self.invented and r.random() < 0.3:
            return r.choice(self.invented[kind])
        if kind == "C" and self.lang == "ko" and self.abbr and r.random() < 0.08:
            a, b = r.sample(self.abbr, 2)
            return f"{a}·{b}"
        names = self.known.get(kind) or self.invented.get(kind) or ["AI"]
        name = r.choice(names)
        if kind == "P" and self.lang == "ko" and not name.startswith("「") and r.random() < 0.5:
            name = f"「{name}」"
        return name


def _amount(r: random.Random, lang: str) -> str:
    if lang == "ko":
        return r.choice([f"{r.randint(1, 30)}조 원", f"{r.randint(1, 9)},{r.randint(100, 999)}억 원",
                         f"{r.randint(2, 90)}억 달러", f"{r.randint(1, 20)}억 유로"])
    return r.choice([f"${r.randint(1, 90)} billion", f"EUR {r.randint(1, 40)} billion",
                     f"{r.randint(2, 30)} trillion won", f"£{r.randint(100, 900)} million"])


_SLOT = re.compile(r"\{([A-Z])(2?)(?:\|([가-힣]+))?\}")


def _fill(template: str, names: _Names, r: random.Random, lang: str) -> str:
    chosen: dict[str, str] = {}

    def sub(m: re.Match) -> str:
        kind, second, particle = m.group(1), m.group(2), m.group(3)
        key = kind + second
        if key not in chosen:
            if kind == "N":
                chosen[key] = _amount(r, lang)
            elif kind == "Y":
                chosen[key] = str(r.randint(2019, 2026))
            else:
                for _ in range(5):  # {C2} differs from {C}
                    name = names.pick(kind)
                    if name not in chosen.values():
                        break
                chosen[key] = name
        word = chosen[key]
        return word + (_particle(word, particle) if particle else "")

    return _SLOT.sub(sub, template)


# ---------------------------------------------------------------- documents
def _sentence(r: random.Random, names: _Names, lang: str) -> str:
    x = r.random()
    if lang == "ko":
        pool = KO_FACTS if x < 0.22 else KO_NEGATED if x < 0.27 else KO_HEDGED if x < 0.30 else KO_FILLER
    else:
        pool = EN_FACTS if x < 0.22 else EN_NEGATED if x < 0.27 else EN_HEDGED if x < 0.30 else EN_FILLER
    return _fill(r.choice(pool), names, r, lang)


def _blocks(r: random.Random, lang: str, target: int) -> tuple[str, list[tuple[str, str]]]:
    """The title and the (kind, text) blocks of one document, about ``target`` characters long."""
    names = _Names(r, lang)
    if lang == "ko":
        title = f"{names.pick('C')}의 AI 정책 동향과 {r.choice(['시사점', '과제', '전략 방향'])}"
    else:
        title = f"AI Policy in {names.pick('C')}: {r.choice(['Trends and Lessons', 'Strategy Review', 'Outlook'])}"
    blocks: list[tuple[str, str]] = []
    size, chapter = len(title), 0
    while size < target:
        chapter += 1
        heads = KO_HEADINGS if lang == "ko" else EN_HEADINGS
        head = f"{chapter}. {r.choice(heads)}" if lang == "ko" or r.random() < 0.5 else \
            f"Chapter {chapter} {r.choice(heads)}"
        blocks.append(("heading", head))
        for sub in range(r.randint(2, 4)):
            if lang == "ko":
                blocks.append(("heading", f"{'가나다라마'[sub]}. {r.choice(KO_HEADINGS)}"))
            for _ in range(r.randint(2, 4)):
                par = " ".join(_sentence(r, names, lang) for _ in range(r.randint(3, 7)))
                blocks.append(("body", par))
                size += len(par)
                if size >= target:
                    break
            if size >= target:
                break
    return title, blocks


def _wrap(text: str, r: random.Random) -> list[str]:
    """Break a paragraph into lines of 40-60 characters, as a PDF's text comes out: a break between
    words leaves the space at the line's end; a Korean word may be broken inside (no space)."""
    lines, pos = [], 0
    while pos < len(text):
        width = r.randint(40, 60)
        if len(text) - pos <= width:
            lines.append(text[pos:])
            break
        cut = pos + width
        space = text.rfind(" ", pos + 20, cut)
        if re.match(r"[가-힣]", text[cut - 1]) and re.match(r"[가-힣]", text[cut]) and r.random() < 0.5:
            space = -1  # break inside a Korean word
        elif space == -1 and not re.match(r"[가-힣]", text[cut - 1]):
            space = text.find(" ", cut)  # never break an English word
            if space == -1:
                lines.append(text[pos:])
                break
        if space != -1:
            lines.append(text[pos:space + 1])  # keeps the trailing space
            pos = space + 1
        else:
            lines.append(text[pos:cut])
            pos = cut
    return lines


def render(title: str, blocks: list[tuple[str, str]], r: random.Random, pdf_layout: bool, lang: str) -> str:
    if not pdf_layout:
        return "\n\n".join([title, *(t for _, t in blocks)]) + "\n"
    lines: list[str] = [title, ""]
    for _, text in blocks:
        lines.extend(_wrap(text, r))
        lines.append("")
    per_page = r.randint(36, 48)
    short = title if len(title) <= 40 else title[:38].rstrip()
    out: list[str] = []
    for page, start in enumerate(range(0, len(lines), per_page), 1):
        if page > 1:  # a running header with the page number, after a form feed
            out.append(f"\f{page} • {short}" if page % 2 == 0 else f"\f{short} • {page}")
        out.extend(lines[start:start + per_page])
        out.append(f"- {page} -" if lang == "ko" else str(page))  # the footer: the page number
    return "\n".join(out) + "\n"


def default_chars_per_doc() -> int:
    """The mean size in characters of the default corpus' documents (read, not assumed)."""
    from ingest.documents import load_documents
    from ingest.readers import read_document

    docs = load_documents()
    return round(sum(len(read_document(d.path).text) for d in docs.values()) / len(docs))


def generate(folder: Path, n_docs: int, seed: int = 1, chars_per_doc: int | None = None) -> list[Path]:
    """Write ``n_docs`` documents to ``folder``; return their paths (in order)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = chars_per_doc if chars_per_doc is not None else default_chars_per_doc()
    paths = []
    for i in range(1, n_docs + 1):
        r = random.Random(f"policykg-corpus:{seed}:{i}")  # str seeds are hashed deterministically
        lang = "ko" if r.random() < KOREAN_SHARE else "en"
        pdf_layout = r.random() < PDF_LAYOUT_SHARE
        title, blocks = _blocks(r, lang, target)
        path = folder / f"doc-{i:05d}.{lang}.txt"
        path.write_bytes(render(title, blocks, r, pdf_layout, lang).encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to write the documents to")
    ap.add_argument("--docs", type=int, required=True, help="number of documents")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chars", type=int, default=None,
                    help="characters per document (default: the mean of the default corpus)")
    args = ap.parse_args(argv)
    if args.docs < 1:
        ap.error("--docs must be at least 1")
    paths = generate(args.out, args.docs, args.seed, args.chars)
    total = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(f"wrote {len(paths)} documents, {total:,} characters, to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
