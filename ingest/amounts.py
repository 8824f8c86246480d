"""Sums of money in Korean and English text, normalised to a number and an ISO 4217 currency."""

from __future__ import annotations

import re

_UNIT_KO = {"조": 1e12, "억": 1e8, "만": 1e4, "천": 1e3, "백": 1e2}
# Korean currency words; a country before 달러 names its dollar ("싱가포르 달러"), 달러 alone is the US one
_CUR_KO = {"원": "KRW", "달러": "USD", "불": "USD", "유로": "EUR", "엔": "JPY", "파운드": "GBP", "위안": "CNY",
           "리얄": "SAR", "디르함": "AED", "루피": "INR", "루피아": "IDR", "링깃": "MYR", "바트": "THB",
           "루블": "RUB", "리라": "TRY", "헤알": "BRL", "랜드": "ZAR", "셰켈": "ILS", "즈워티": "PLN",
           "스위스 프랑": "CHF", "싱가포르 달러": "SGD", "호주 달러": "AUD", "캐나다 달러": "CAD",
           "홍콩 달러": "HKD", "대만 달러": "TWD", "뉴질랜드 달러": "NZD", "페소": "MXN", "크로네": "NOK",
           "디나르": "KWD"}
_CUR_KO_UNSPACED = {k.replace(" ", ""): v for k, v in _CUR_KO.items()}  # "싱가포르달러" is "싱가포르 달러"
_CUR_EN = {"$": "USD", "us$": "USD", "dollars": "USD", "dollar": "USD", "€": "EUR", "euro": "EUR", "euros": "EUR",
           "£": "GBP", "pounds": "GBP", "pound": "GBP", "¥": "JPY", "yen": "JPY", "won": "KRW", "₩": "KRW",
           "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY", "riyals": "SAR", "dirhams": "AED", "rupees": "INR",
           "₹": "INR", "rs": "INR", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "roubles": "RUB",
           "rubles": "RUB", "lira": "TRY", "reais": "BRL", "rand": "ZAR", "shekels": "ILS", "zloty": "PLN",
           "swiss francs": "CHF", "s$": "SGD", "singapore dollars": "SGD", "a$": "AUD", "australian dollars": "AUD",
           "c$": "CAD", "ca$": "CAD", "canadian dollars": "CAD", "hk$": "HKD", "hong kong dollars": "HKD",
           "nt$": "TWD", "taiwan dollars": "TWD", "nz$": "NZD", "r$": "BRL", "brazilian reais": "BRL",
           "mx$": "MXN", "riyal": "SAR", "rials": "SAR", "pesos": "MXN", "peso": "MXN", "kroner": "NOK",
           "krone": "NOK", "kronor": "SEK", "dinars": "KWD", "złoty": "PLN", "zlotys": "PLN", "rupee": "INR"}
# ISO 4217 codes written as such ("USD 40 billion", "40 billion SGD")
_ISO = ("USD", "EUR", "GBP", "JPY", "KRW", "CNY", "SAR", "AED", "INR", "IDR", "MYR", "THB", "RUB", "TRY", "BRL",
        "ZAR", "ILS", "PLN", "CHF", "SGD", "AUD", "CAD", "HKD", "TWD", "NZD", "SEK", "NOK", "DKK", "MXN", "VND",
        "PHP", "QAR", "KWD", "EGP", "NGN", "KES")
_CUR_EN.update({c.lower(): c for c in _ISO})
_SCALE_EN = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6,
             "m": 1e6, "thousand": 1e3, "crore": 1e7, "lakh": 1e5}
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
# a number in words, as laws write them before a scale ("Twenty-five billion pesos")
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUE = {**{w: i + 1 for i, w in enumerate(_ONES)}, **{w: 20 + 10 * i for i, w in enumerate(_TENS)}}
_WORD_NUM = rf"(?i:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES[:9])}))?|{'|'.join(sorted(_ONES, key=len, reverse=True))})" \
            r"(?:\s+hundred)?"


def _number(text: str) -> float:
    """A number written in figures or in words ("25", "1,200.5", "twenty-five", "two hundred")."""
    if text[:1].isdigit():
        return float(text.replace(",", ""))
    words = text.lower().replace("-", " ").split()
    value = sum(_WORD_VALUE.get(w, 0) for w in words if w != "hundred")
    return float(value * (100 if words[-1] == "hundred" else 1))


def _alternatives(words) -> str:
    """A regex alternation of ``words``, longest first ("싱가포르 달러" before "달러")."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(words, key=len, reverse=True))


MONEY_KO = re.compile(rf"(?:약\s*)?((?:{_NUM}\s*[천백]?\s*[조억만]\s*)+(?:{_NUM}\s*[천백]?)?|{_NUM}\s*[천백]?)\s*"
                      rf"({_alternatives(_CUR_KO)})")
_SYMBOLS = [k for k in _CUR_EN if not k.isalpha()]  # $, US$, S$, €...
_WORDS = [k for k in _CUR_EN if k.isalpha() or " " in k]
MONEY_EN = re.compile(
    rf"(?i)((?<![A-Za-z]){_alternatives(_SYMBOLS)}|\b(?:{_alternatives(_ISO)})\s?)\s*({_NUM})\s*"
    rf"(trillion|billion|million|thousand|crore|lakh|tn|bn|mn)?\b"
    rf"|\b({_NUM}|{_WORD_NUM}(?=\s+(?:trillion|billion|million)))\s*(trillion|billion|million|thousand|crore|lakh)?\s*"
    rf"({_alternatives(_WORDS)})\b")


# the currency a country's own text means by a word several countries use ("$2 billion" in a Canadian
# text, "riyals" in a Qatari one, "pesos" in a Chilean one): by the word's kind, the countries that
# mean their own (elsewhere the word means the currency of _CUR_EN and _CUR_KO)
LOCAL_CURRENCY = {
    "dollar": {"country/ca": "CAD", "country/au": "AUD", "country/sg": "SGD", "country/nz": "NZD",
               "country/tw": "TWD", "region/hk": "HKD"},
    "riyal": {"country/qa": "QAR", "country/om": "OMR", "country/ye": "YER", "country/ir": "IRR"},
    "peso": {"country/cl": "CLP", "country/ar": "ARS", "country/co": "COP", "country/ph": "PHP",
             "country/uy": "UYU", "country/do": "DOP", "country/cu": "CUP"},
    "krone": {"country/dk": "DKK", "country/se": "SEK", "country/is": "ISK", "country/no": "NOK"},
    "rupee": {"country/pk": "PKR", "country/lk": "LKR", "country/np": "NPR", "country/id": "IDR"},
    "dinar": {"country/bh": "BHD", "country/jo": "JOD", "country/iq": "IQD", "country/dz": "DZD",
              "country/tn": "TND", "country/rs": "RSD", "country/ly": "LYD"},
}
_KIND = {"$": "dollar", "dollars": "dollar", "dollar": "dollar", "riyals": "riyal", "riyal": "riyal",
         "rials": "riyal", "리얄": "riyal", "pesos": "peso", "peso": "peso", "페소": "peso", "kroner": "krone",
         "krone": "krone", "kronor": "krone", "크로네": "krone", "rupees": "rupee", "rupee": "rupee", "rs": "rupee",
         "루피": "rupee", "dinars": "dinar", "디나르": "dinar"}


def shared_currency(text: str) -> str:
    """The kind of currency word, one several countries use, that an amount is written in, else "".
    (Korean 달러 alone is the US dollar: Korean writing converts other dollars.)

    >>> [shared_currency(t) for t in ("$2 billion", "2 billion dollars", "US$2 billion", "C$2 billion", "USD 2 billion")]
    ['dollar', 'dollar', '', '', '']
    >>> [shared_currency(t) for t in ("2.5 billion riyals", "14 billion pesos", "3억 달러", "300억 페소")]
    ['riyal', 'peso', '', 'peso']
    """
    m = MONEY_EN.search(text)
    if m is not None:
        return _KIND.get((m.group(1) or m.group(6) or "").strip().lower(), "")
    m = MONEY_KO.search(text)
    return _KIND.get(m.group(2), "") if m is not None and m.group(2) != "달러" else ""


def parse_amount(text: str) -> tuple[float, str] | None:
    """Normalise a written amount to (number, ISO 4217 currency).

    >>> parse_amount("5,300억 원"), parse_amount("1조 2,000억 원"), parse_amount("$100 billion")
    ((530000000000.0, 'KRW'), (1200000000000.0, 'KRW'), (100000000000.0, 'USD'))
    >>> parse_amount("5천억 원"), parse_amount("1조5천억 원"), parse_amount("1억 파운드")
    ((500000000000.0, 'KRW'), (1500000000000.0, 'KRW'), (100000000.0, 'GBP'))
    >>> parse_amount("EUR 20 billion"), parse_amount("3.5 trillion yen")
    ((20000000000.0, 'EUR'), (3500000000000.0, 'JPY'))
    >>> parse_amount("10억 싱가포르 달러"), parse_amount("30조 루피아"), parse_amount("10,372 crore rupees")
    ((1000000000.0, 'SGD'), (30000000000000.0, 'IDR'), (103720000000.0, 'INR'))
    >>> parse_amount("R$23 billion"), parse_amount("NT$190 billion"), parse_amount("MX$5 million")
    ((23000000000.0, 'BRL'), (190000000000.0, 'TWD'), (5000000.0, 'MXN'))
    >>> parse_amount("Twenty-five billion dollars"), parse_amount("two hundred million euros")
    ((25000000000.0, 'USD'), (200000000.0, 'EUR'))
    """
    m = MONEY_KO.search(text)
    if m:
        total, rest = 0.0, m.group(1)
        for num, small, unit in re.findall(rf"({_NUM})\s*([천백]?)\s*([조억만]?)", rest):
            total += float(num.replace(",", "")) * _UNIT_KO.get(small, 1) * _UNIT_KO.get(unit, 1)
        return total, _CUR_KO_UNSPACED[re.sub(r"\s+", "", m.group(2))]
    m = MONEY_EN.search(text)
    if m:
        if m.group(1):
            cur, num, scale = m.group(1).strip().lower(), m.group(2), m.group(3)
        else:
            num, scale, cur = m.group(4), m.group(5), m.group(6).lower()
        value = _number(num) * _SCALE_EN.get((scale or "").lower(), 1)
        return value, _CUR_EN[" ".join(cur.split())]
    return None
