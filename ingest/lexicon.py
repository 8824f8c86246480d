"""The words the relation rules read: the trigger of each relation in Korean and English,
negation and hedging, clause openers, references back to a policy, and investment cues.

:mod:`ingest.relations` finds the arguments around these words; :mod:`ingest.candidates` turns the
triggers into features of the learned scorer. Kept apart so the vocabulary can be read (and
extended) in one place.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- triggers
KO_TRIGGERS: list[tuple[str, str, str]] = [  # (relation, predicate, regex at a morpheme start)
    # (기대다, to lean on, in its verb forms: not the noun 기대, expectation: 기대하다, 기대효과, 기대를;
    # not 노출, which is also a leak: "민감 데이터 노출 위험")
    ("dependsOn", "dependsOn", r"의존|종속|예속|기대(?=고|어|며|서)|기댄|기댔|기댈"),
    # buying from abroad is depending on the seller: only with the seller named ("GPU를 미국에서 수입",
    # "대만으로부터 반도체를 공급받"); the trailing "@" says so
    ("dependsOn", "dependsOn@", r"수입|들여오|들여온|들여와|공급받|조달받|구매"),
    # (not 수출통제, export controls: a restriction on others; 주권 is sovereignty over what it follows,
    # "데이터 주권", not 기술주권, 주권 AI or 주권형, a modifier)
    ("controls", "directlyControls", r"자립|자급|국산화|내재화|자체\s?개발|독자\s?개발|(?<!수출)(?<!수출\s)통제|"
                                     r"(?<!기술)(?<!기술\s)(?<!의\s)주권(?!형|\s?AI|의)"),
    ("controls", "directlyControls>", r"자국(?:\s?내)?|국내(?:\s?기반|에서|에)|독자(?:적)?|자체\s?(?:개발|구축|보유)|자체적|국산|주권형|"
                                      r"소버린"),
    ("strengthens", "strengthens", r"강화|확충|확대|확장|고도화|제고|끌어올리"),
    # building up a capacity: 건설 (construct), 배치 (deploy), 증설 (add capacity), 육성·양성 (foster, train),
    # 유치 (attract: talent, investment), 촉진 (promote: adoption), 늘리다 (increase); not 구축/확보/조성/투자/
    # 개발/지원/도입, nor 키우다/높이다/갖추다, which cost more precision than they gave on the development
    # gold (measured one by one)
    ("strengthens", "strengthens", r"건설|배치|증설|육성|양성|유치|촉진|늘리|늘려|늘린|늘릴"),
    ("strengthens", "supplements", r"보완"),
    ("strengthens", "prioritises", r"우선(?:순위|적으로|시|\s?추진)?|집중\s?투자|중점"),
    ("hasPolicy", "hasPolicy", r"추진|발표|수립|제정|시행|출범|착수|도입|공개|마련|채택|발의|통과|의결|확정|공포|선포|"
                               r"내놓|내놨|가동|개시|승인|실시|신설|설립|조성|제시|발간|지정|선정|유지|통하|통해|기반으로|공고|"
                               r"(?<=에\s)따(?:라|른)"),  # ("「X」에 따라": under a policy)
    # (맡다: to take charge of, "집행은 EuroHPC가 맡는다", "운영을 맡는다")
    ("runBy", "runBy", r"주관|주최|운영|이행|담당|전담(?!기관)|총괄|주도|실행\s?주체|이끌|이끄|맡|집행|수행"),
    ("replaces", "replaces", r"교체|대체"),
]
EN_TRIGGERS: list[tuple[str, str, str]] = [
    # (importing is buying from abroad: "Korea imports almost all of its GPUs")
    ("dependsOn", "dependsOn", r"rel(?:y|ying|ies|ied|iance|iant)|depend(?:s|ed|ing|ence|ency|encies|ent)?|"
                               r"expos(?:ed|ure) to|import(?:s|ed|ing)?|lean(?:s|ed|ing)? on|leant on"),
    # (the verbs' base forms too: "will continue to source GPUs from NVIDIA"; not "open-source")
    ("dependsOn", "dependsOn@", r"(?<!open )(?<!open-)sourc(?:e|es|ed|ing)\b|purchas(?:e|es|ed|ing)|"
                                r"buy(?:s|ing)?|bought|procur(?:e|es|ed|ing)|supplied by"),
    ("controls", "directlyControls",
     r"self-relian(?:ce|t)|self-sufficien(?:cy|t)|indigeni[sz]\w*|locali[sz](?:e|es|ed|ing|ation)|"
     r"domestic(?:ally)? produc\w*|"
     # (not restrictions placed on something: "controls on advanced AI chips")
     r"(?<!export )(?<!export-)control(?:s|led|ling)?(?!\s+on\b)|"
     # (what a country owns: "Korea owns memory"; not a stake: "owns 30 per cent of …")
     r"owns(?!\s+(?:a\s+)?(?:\d|stake|shares|majority|minority))"),
    # where a thing is kept, with the country after it ("data must be stored in Norway"): control only
    # so (the trailing "^": ingest.objects.Objects.held_by)
    ("controls", "directlyControls^", r"(?:stored|hosted|kept|held|processed|housed|resid(?:e|es|ing)|"
                                      r"stay(?:s|ing)?)(?= (?:in|within|inside) )"),
    ("controls", "directlyControls>", r"domestic|homegrown|home-grown|indigenous|in-country|sovereign|own|"
                                      # ("a publicly owned AI supercomputer", "domestically designed NPUs")
                                      r"(?:publicly|state|government|nationally)[- ]owned|"
                                      r"(?:domestically|locally)[- ](?:designed|made|built|developed|hosted)"),
    ("strengthens", "strengthens",
     r"strengthen\w*|bolster\w*|expand\w*|expansion|reinforc\w*|enhanc\w*|scal(?:e|es|ed|ing) up|build(?:s|ing)? up(?! to\b)|"
     # the English of the Korean cues 건설 배치 증설 육성 양성 유치 촉진 고도화 제고 (not of 구축 확보 투자 개발 지원 도입)
     r"construct\w*|deploy\w*|foster\w*|nurtur\w*|train(?:s|ed|ing)? (?=\w+ talent)|attract\w*|promot\w*|"
     r"accelerat(?:e|es|ed|ing)|boost(?:s|ed|ing)?|step(?:s|ped|ping)? up|ramp(?:s|ed|ing)? up|upgrad\w*|rais(?:e|es|ed|ing)|"
     r"build(?:s|ing)? out|built out|doubl(?:e|es|ed|ing) down on|pour(?:s|ed|ing)? (?:\w+ )?into"),
    ("strengthens", "supplements", r"supplement\w*|complement\w*"),
    ("strengthens", "prioritises", r"prioriti[sz]\w*|focus(?:es|ed|ing)? on|concentrat(?:e|es|ed|ing) on|"
                                   r"cent(?:red|ered|ring|ering) on|(?:top|first|highest) priority"),
    ("hasPolicy", "hasPolicy",
     r"launch\w*|enact\w*|announc\w*|adopt\w*|unveil\w*|introduc\w*|publish\w*|implement\w*|pursu\w*|"
     r"establish\w*|releas\w*|formulat\w*|propos\w*|embark\w*|roll(?:s|ed|ing)? out|sign(?:s|ed|ing)?|"
     r"issu(?:e|es|ed|ing)|pass(?:es|ed)|approv(?:e|es|ed|ing)|amend(?:s|ed|ing)?|revis(?:e|es|ed|ing)|"
     r"promulgat\w*|inaugurat\w*|initiat(?:e|es|ed|ing)|kick(?:s|ed|ing)? off|set(?:s|ting)? up|"
     r"put in place|put(?:s|ting)?(?=\s+(?:the\s+|its\s+)?[A-Z])|set out|dr[ae]w(?:s|n)? up|through|under|via|"
     r"creat(?:e|es|ed|ing)|designat\w*|select(?:s|ed|ing)?|maintain\w*|present(?:s|ed|ing)?|conduct(?:s|ed|ing)?|"
     r"carr(?:y|ies|ied|ying) out|"
     # (funding a policy: "the Government committed €150 million to a National AI Compute Programme")
     r"commit(?:s|ted|ting)|allocat(?:e|es|ed|ing)"),
    ("runBy", "runBy", r"(?:run|led|managed|operated|overseen|administered|coordinated|spearheaded|headed|"
                       r"promoted|pursued|implemented|organi[sz]ed|hosted|delivered|executed|carried out|supervised|"
                       r"steered) (?:jointly |together )?by|"
                       # ("will be run jointly with the Ministry …")
                       r"(?:run|led|managed|operated|overseen|administered|implemented|delivered) jointly with"),
    ("runBy", "runBy<", r"runs|leads|manages|operates|oversees|administers|coordinates|spearheads|heads|"
                        r"(?:will|to|shall) (?:run|lead|manage|operate|oversee|administer|coordinate|spearhead)|"
                        # (the perfect and the past: "the OGCIO has administered the … Policy since 2019")
                        r"(?:has|have|had) (?:jointly )?(?:run|led|managed|operated|overseen|administered|coordinated|"
                        r"spearheaded|headed|supervised)(?! by)|oversaw|ran|"
                        # (the plural, after bodies listed: "MIIT and the NDRC jointly oversee the … programme";
                        # not run and lead, which are nouns too)
                        r"oversee|administer|manage|operate|coordinate|supervise|spearhead"),
    ("replaces", "replaces", r"replac(?:e|es|ed|ing)"),
]
# the hasPolicy triggers of approving, enacting or proposing a policy: a body that does so gives the policy
# to its country but does not run it (ingest.relations)
ENACTING = {"en": re.compile(r"(?i)approv|adopt|enact|pass|sign|endors|promulgat|amend|ratif|propos|present"),
            "ko": re.compile(r"의결|승인|제정|통과|공포|채택|개정|발의")}
KO_TRIGGER_RES = [(r, p, re.compile(rx)) for r, p, rx in KO_TRIGGERS]
EN_TRIGGER_RES = [(r, p, re.compile(rf"(?<![\w-])(?:{rx})\b", re.I)) for r, p, rx in EN_TRIGGERS]

# a label that names who runs a policy, before the organisations (ingest.roles): "주관기관:", "추진 주체 ⦁",
# "운영책임", "Lead agency:", "Implementing bodies:", "Operational responsibility:" (not "참여 기업": taking
# part is not running)
ROLE_LABEL = {
    "ko": re.compile(r"(?<![가-힣])(?:(?:주관|추진|수행|전담|운영|담당|소관|시행|총괄|재정|핵심)\s?(?:기관|주체|부처|책임)|"
                     r"주관(?=\s?[:：]))"),
    "en": re.compile(r"\b(?:(?:Lead|Implementing|Responsible|Executing|Managing|Key)\s+(?:agency|agencies|ministry|"
                     r"ministries|body|bodies|institutions?|organi[sz]ations?)|(?:Run|Led|Managed|Operated) by(?=\s?:)|"
                     r"(?:Operational|Financial|Technical|Overall)\s+responsibility(?=\s?:))",
                     re.I),
}
# the label of a row or line that lists a country's own instruments: "핵심 수단 ⦁AI 스킬 아카데미, AI
# 펠로우십", "핵심 법제 ⦁「인공지능법」", "연계 프로그램 ⦁…", "법제 기반 ⦁…", "Legal basis: the AI Act, the
# Data Act", "Key instruments:", "Related programmes:"
INSTRUMENT_LABEL = {
    "ko": re.compile(r"(?<![가-힣])(?:(?:핵심|주요|정책|연계|관련|적용|실행)\s?(?:수단|법제|법령|제도|정책|사업|프로그램)|"
                     r"법제\s?기반|법적\s?근거|근거\s?법)(?=\s?[:：⦁•·\-–]|\s)"),
    "en": re.compile(r"\b(?:(?:Key|Main|Policy|Core|Related|Linked|Supporting)\s+(?:instruments?|measures|policies|"
                     r"programmes|programs|initiatives|laws|legislation)|Legal basis|Legal framework|"
                     r"Legislative basis)\s?:", re.I),
}
# (not 줄이/탈피/벗어나/낮추: "reducing its dependence on X" still states that it depends on X; but
# a level that is low or lacking is: "국산화율이 낮아", "자급 역량이 부족", "의존은 낮은")
KO_NEG = {"않", "못", "없", "어렵", "아니", "불가능", "힘들", "한계", "보다", "낮", "부족", "미흡", "저조", "실패"}
# (and whether, or merely considered: "확충할지 여부를", "자립을 검토하고 있다")
KO_HEDGE = re.compile(r"^(?:면|으면|다면|경우|라면|할지|될지|일지|여부|검토)$")
# verbs of cutting something back: what they take is not strengthened ("규제를 최소화함으로써 혁신을
# 촉진", "규제 철폐를 통한"); searched in the words between the name and the trigger
KO_REDUCE = re.compile(r"최소화|철폐|완화|간소화|축소|폐지|감축|경감|줄이|줄여|줄인|없애|해소|억제|낮추|낮춰|벗어나|벗어날|탈피")
# English words of reducing before a dependence ("to reduce its dependence", "breaking away from dependence")
EN_REDUCE = {"reduce", "reduces", "reduced", "reducing", "lower", "lowers", "lowering", "mitigate", "mitigates",
             "mitigating", "minimise", "minimises", "minimising", "minimize", "minimizes", "minimizing", "cut",
             "cuts", "cutting", "curb", "curbs", "curbing", "end", "ending", "away", "wean", "weaning"}
EN_NEG = {"not", "n't", "no", "never", "without", "neither", "nor", "cannot", "unable", "longer", "lack", "lacks",
          # what holds a capacity back: "which limits its self-sufficiency in compute"
          "limits", "limiting", "hampers", "hampering", "undermines", "undermining", "constrains", "constraining",
          # an attempt that did not succeed: "failed to secure domestic production of GPUs"
          "fail", "fails", "failed", "failing", "struggles", "struggled", "struggling"}
EN_HEDGE = {"if", "could", "may", "might", "would", "whether", "unless", "unlikely", "considering", "considers", "consider",
            "exploring", "explores", "explore", "mulling", "weighing",
            # a recommendation, not what is done: "Germany should secure sovereign cloud capacity"
            "should", "ought", "recommends", "recommended", "urges", "urged",
            # asked for, not granted: "the agency has requested $303 million"
            "requested", "requests", "request",
            # an analyst's figure, not a commitment: "We estimate the purchases at ₩4.4 trillion"
            "estimate", "estimates"}
# a sentence that defines a concept states no fact about an actor ("중국의 소버린 AI 개념은 'AI 기술, 인프라,
# 데이터 … 통제를 국가 주권하에 두고 …'로 정의될 수 있다", "Sovereign AI is defined as a state's control over …")
DEFINITION = {
    "ko": re.compile(r"(?:로|으로|라고|이라고)[’'”\"」)]?\s*정의(?:된|될|되|한|할|하|해)|"
                     r"\S란\s.*(?:뜻하|뜻한|뜻합|의미하|의미한|의미합|가리키|가리킨|말한다|말합니다)"),
    "en": re.compile(r"\b(?:is|are|be|been|being)\s+(?:commonly\s+|broadly\s+|often\s+|here\s+)?defined\s+as\b|"
                     r"\brefers?\s+to\s+(?:a|an|the)\s+(?:\w+\s+){0,3}(?:capacity|ability|capability|state|condition)\b", re.I),
}
# verbs of recommending: what they say "that" a country do is not done ("recommends that Germany pursue …")
EN_RECOMMEND = {"recommend", "recommends", "recommended", "urge", "urges", "urged", "suggest", "suggests", "suggested",
                "propose", "proposes", "proposed", "advise", "advises", "advised", "calls"}
# verbs that report a plan: "would" after them is the plan's future, no hedge ("said it would spend")
EN_REPORTING = {"said", "says", "announced", "announces", "stated", "added", "confirmed", "pledged", "promised",
                "declared", "told"}
# a level that is low or lacking, right before the trigger or just after it: "low self-sufficiency",
# "self-sufficiency remains limited" (not "lower": "to lower its dependence" states the dependence)
EN_LOW = {"low", "limited", "insufficient", "weak", "lacking", "inadequate", "little"}
EN_COPULA = {"is", "are", "was", "were", "remains", "remain", "remained", "stays", "stay", "appears", "seems"}
# a sentence that opens (after a list number: "(2)", "가.") by referring back to a policy named before: "동 계획은", "이 사업은",
# "The programme is coordinated by"
ANAPHOR = {
    "ko": re.compile(r"^[\s\-–•⦁○□◦*]*(?:\(?[0-9a-z가-힣]{1,2}[.)]\s+)?(?:(?:동|이번|이|해당|본|同)\s?)?"
                     r"(?P<kind>계획|전략|사업|프로그램|프로젝트|정책|법|법안|이니셔티브|기금|펀드|과제|구상|로드맵)\s?"
                     # (and its running: "사업 운영은 NIPA가 맡는다", "펀드 운용은 …")
                     r"(?:(?:운영|운용|집행|관리|수행)\s?)?(?:은|는|이|가|의|에는|에서는|에)"),
    # (a capitalised kind too, as a law's text writes it: "(2) The Programme shall be administered by")
    "en": re.compile(r"^[\s\-–•*]*(?:\(?[0-9a-z]{1,2}[.)]\s+)?(?:The|This|That|Such a)\s+(?:new\s+)?(?P<kind>(?i:plan|strategy|"
                     r"programme|program|project|initiative|fund|facility|act|law|mission|scheme|policy|roadmap))\b"),
}
# ... or that points back to one with a demonstrative anywhere: "MeitY가 이 사업을 총괄한다",
# "MeitY oversees this programme"
ANAPHOR_INSIDE = {
    "ko": re.compile(r"(?<![가-힣])(?:동|이|해당|同)\s?(?P<kind>계획|전략|사업|프로그램|프로젝트|정책|법|법안|이니셔티브|기금|"
                     r"펀드|구상|로드맵)\s?(?:을|를|은|는|이|가|의|에)"),
    "en": re.compile(r"\b(?:this|that|the same)\s+(?:new\s+)?(?P<kind>plan|strategy|programme|program|project|initiative|"
                     r"fund|facility|act|law|mission|scheme|policy|roadmap)\b", re.I),
}
# a Korean kind noun as the object of a runBy trigger, with no demonstrative: "DSIT가 계획 이행을 총괄"
# (the last policy named of that kind)
KO_BARE_KIND = re.compile(r"(?<![가-힣])(?P<kind>계획|전략|사업|프로그램|프로젝트|이니셔티브|기금|펀드|로드맵)"
                          r"(?:\s?(?:이행|운영|추진|집행|실행|전반))?\s?(?:을|를)\s*$")
# words that open an adverbial before an English sentence's main clause ("In response to …, China
# has …", "Amid US export controls, Japan is …")
EN_FRONTED = {"in", "with", "through", "amid", "amidst", "under", "against", "following", "despite", "after",
              "before", "since", "as", "while", "although", "though", "given", "facing", "due", "during", "beyond",
              "alongside", "because", "if", "unlike", "like", "compared", "for", "on", "from", "by", "at", "whereas",
              "besides", "within", "across", "over", "once", "when", "where"}
# the words of EN_FRONTED that open a clause with its own subject ("As China has accelerated …,")
EN_SUBORDINATORS = {"as", "while", "although", "though", "since", "because", "whereas", "once", "when", "where", "if"}
# "the Government of Canada": the country after "of" is the subject
GOVERNMENT_EN = {"government", "governments", "administration", "republic", "kingdom", "state", "people"}
EN_CLAUSE_START = {"and", "but", "while", "whereas", "which", "who", "that", "although", "though", "because"}

# ---------------------------------------------------------------- investment cues
# a sum that qualifies a policy is its budget, with no investment word: "a $2 billion plan",
# "a ¥200 billion subsidy programme", "3,000억 원 규모의 사업"
BUDGET_OF = {
    "ko": re.compile(r"^\s*(?:규모|상당)?(?:의|인)?\s*(?:\S+\s){0,2}?\S*(?:사업|펀드|기금|계획|프로그램|프로젝트|패키지|이니셔티브)"),
    "en": re.compile(r"(?i)^\s*(?:[\w-]+\s){0,2}?(?:plan|programme|program|fund|package|initiative|strategy|scheme|"
                     r"project|mission)s?\b"),
}
# a policy's worth is its budget, not a valuation: "a subsidy programme worth ¥200 billion"
BUDGET_WORTH = re.compile(r"(?i)\b(?:plan|programme|program|fund|package|initiative|strategy|scheme|project|mission)s?"
                          r",?\s+(?:worth|of|totalling|totaling|valued at)\s*(?:about|around|some|roughly|up to|nearly)?\s*$")
INVEST_KO = re.compile(r"투자|투입|지원|출자|출연|예산|사업비|조성|집행|유치|편성|배정|기금|펀드|자금")
NOT_INVESTMENT = re.compile(r"(?i)(?:기업\s?가치|가치|매출|시장\s?규모|규모의 시장|시장|자산|시가총액|valuation|valued at|worth|"
                             r"revenue|market|assets|sales)\s*(?:는|은|이|가|을|를|of|at|to)?\s*(?:약|총|about)?\s*$")
# a sum that says by how much another changed: "3조 2천억 원 늘어난 10조 1천억 원" (after it, in Korean),
# "up $3 billion to $10 billion", "an increase of $3 billion" (before it, in English)
CHANGE_BY = {
    "ko": re.compile(r"^\s*(?:이|가)?\s*(?:늘어난|늘어|증가한|증가해|증액된|증액돼|늘린|확대된|감소한|줄어든|삭감된|늘었)"),
    "en": re.compile(r"(?i)(?:\b(?:up|down)|\b(?:rose|increased|grew|fell|decreased|jumped)\s+by|"
                     r"\b(?:increase|rise|jump|cut|decrease|drop)\s+of)\s*(?:about|some|around|nearly)?\s*$"),
}
# a price per unit, not a sum committed: "under ₹100 an hour", "$2 per GPU-hour", "시간당 100루피" (the unit
# after the sum in English, before it in Korean; not per year: "$5 billion a year" is committed)
PER_UNIT = {
    "ko": re.compile(r"(?:시간|개|장|명|인|kWh|MWh)\s?당\s*(?:약|최대|최소)?\s*$"),
    "en": re.compile(r"(?i)\s*(?:an?|per|each|/)\s*(?:hour|unit|gpu|chip|user|person|head|token|"
                     r"kwh|mwh|megawatt|share)"),
}
# the same sum converted, in brackets: "EUR 100 million (approximately KRW 160 billion)", "(약 1,700억 엔)"
CONVERTED = re.compile(r"(?i)\(\s*(?:약|about|approx\.?|approximately|around|roughly|c\.)?\s*$")
INVEST_EN = re.compile(r"(?i)\b(invest\w*|fund\w*|budget\w*|commit\w*|allocat\w*|spend\w*|pledg\w*|financ\w*|outlay\w*|"
                       r"earmark\w*|grant\w*|subsid\w*|contribut\w*|provid\w*|support\w*|"
                       # (approved, credited to a fund, set aside, mobilised, raised: "has raised $180 million")
                       r"approv\w*|credit\w*|set(?:s|ting)? aside|mobili[sz]\w*|rais(?:e|es|ed|ing)|"
                       # (a law's appropriation: "Twenty-five billion pesos is authorised for the Program")
                       r"authori[sz]\w*|appropriat\w*)\b")

# the English adjective of a country, looked up by the country's English name: "The Korean government …",
# "the Swiss Government Cloud" (ingest.discourse), not a policy's name alone: "the Japanese programme" (ingest.cues)
DEMONYMS = {"Korean": "Korea", "South Korean": "South Korea", "Japanese": "Japan", "Chinese": "China",
            "French": "France", "British": "United Kingdom", "American": "United States", "German": "Germany",
            "Saudi": "Saudi Arabia", "Emirati": "United Arab Emirates", "Indian": "India", "Taiwanese": "Taiwan",
            "Canadian": "Canada", "Italian": "Italy", "Israeli": "Israel", "Singaporean": "Singapore",
            "Russian": "Russia", "Dutch": "Netherlands", "Spanish": "Spain", "Australian": "Australia",
            "Brazilian": "Brazil", "Indonesian": "Indonesia", "Vietnamese": "Vietnam", "Malaysian": "Malaysia",
            "Thai": "Thailand", "Philippine": "Philippines", "Filipino": "Philippines", "Mexican": "Mexico",
            "Swedish": "Sweden", "Finnish": "Finland", "Norwegian": "Norway", "Danish": "Denmark",
            "Swiss": "Switzerland", "Austrian": "Austria", "Polish": "Poland", "Irish": "Ireland",
            "Belgian": "Belgium", "Portuguese": "Portugal", "Turkish": "Turkey", "Qatari": "Qatar",
            "Egyptian": "Egypt", "Nigerian": "Nigeria", "Kenyan": "Kenya", "South African": "South Africa",
            "Pakistani": "Pakistan", "Argentine": "Argentina", "Chilean": "Chile", "Kazakh": "Kazakhstan"}
