"""Sums of money in Korean and English text, normalised to a number and an ISO 4217 currency."""

from __future__ import annotations

import re

_UNIT_KO = {"조": 1e12, "억": 1e8, "만": 1e4, "천": 1e3, "백": 1e2}
_CUR_KO = {"원": "KRW", "달러": "USD", "불": "USD", "유로": "EUR", "엔": "JPY", "파운드": "GBP", "위안": "CNY",
           "리얄": "SAR", "디르함": "AED", "루피": "INR"}
_CUR_EN = {"$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD", "€": "EUR", "eur": "EUR",
           "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP", "pound": "GBP", "¥": "JPY",
           "yen": "JPY", "jpy": "JPY", "won": "KRW", "krw": "KRW", "₩": "KRW", "yuan": "CNY", "cny": "CNY",
           "rmb": "CNY", "sar": "SAR", "riyals": "SAR", "aed": "AED", "dirhams": "AED"}
_SCALE_EN = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6,
             "m": 1e6, "thousand": 1e3}
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
MONEY_KO = re.compile(rf"(?:약\s*)?((?:{_NUM}\s*[천백]?\s*[조억만]\s*)+(?:{_NUM}\s*[천백]?)?|{_NUM}\s*[천백]?)\s*"
                       r"(원|달러|유로|엔|파운드|위안|리얄|디르함|루피)")
MONEY_EN = re.compile(
    rf"(?i)(US\$|\$|€|£|¥|₩|\b(?:USD|EUR|GBP|JPY|KRW|CNY|SAR|AED)\s?)\s*({_NUM})\s*(trillion|billion|million|thousand|tn|bn|mn)?\b"
    rf"|\b({_NUM})\s*(trillion|billion|million|thousand)?\s*(dollars|euros|pounds|yen|won|yuan|riyals|dirhams|"
    rf"USD|EUR|GBP|JPY|KRW|CNY|SAR|AED)\b")


def parse_amount(text: str) -> tuple[float, str] | None:
    """Normalise a written amount to (number, ISO 4217 currency).

    >>> parse_amount("5,300억 원"), parse_amount("1조 2,000억 원"), parse_amount("$100 billion")
    ((530000000000.0, 'KRW'), (1200000000000.0, 'KRW'), (100000000000.0, 'USD'))
    >>> parse_amount("5천억 원"), parse_amount("1조5천억 원"), parse_amount("1억 파운드")
    ((500000000000.0, 'KRW'), (1500000000000.0, 'KRW'), (100000000.0, 'GBP'))
    >>> parse_amount("EUR 20 billion"), parse_amount("3.5 trillion yen")
    ((20000000000.0, 'EUR'), (3500000000000.0, 'JPY'))
    """
    m = MONEY_KO.search(text)
    if m:
        total, rest = 0.0, m.group(1)
        for num, small, unit in re.findall(rf"({_NUM})\s*([천백]?)\s*([조억만]?)", rest):
            total += float(num.replace(",", "")) * _UNIT_KO.get(small, 1) * _UNIT_KO.get(unit, 1)
        return total, _CUR_KO[m.group(2)]
    m = MONEY_EN.search(text)
    if m:
        if m.group(1):
            cur, num, scale = m.group(1).strip().lower(), m.group(2), m.group(3)
        else:
            num, scale, cur = m.group(4), m.group(5), m.group(6).lower()
        value = float(num.replace(",", "")) * _SCALE_EN.get((scale or "").lower(), 1)
        return value, _CUR_EN[cur]
    return None
