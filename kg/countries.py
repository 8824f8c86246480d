"""The world's countries in the base knowledge base: ``kg/curated/countries.yaml``.

A document may be about any country, so every ISO 3166-1 country has an entity with its English
and Korean names, taken from the Unicode CLDR (through Babel) rather than typed by hand; the file
is generated and committed, so a build needs neither Babel nor a network::

    python -m kg.countries            # rewrite kg/curated/countries.yaml
    python -m kg.countries --check    # exit 1 when the committed file is not what this gives

The countries the corpus discusses are declared in ``common.yaml`` by hand, with Wikidata links,
definitions and the 美/中/日 abbreviations; this file declares the others (so rerun the generator
after declaring a country there: the check says so). ISO 3166-1 lists dependent
territories too (Greenland, Puerto Rico); they are typed Country as ISO lists them, except Hong
Kong and Macao, which are regions of China. ISO's two-letter codes are not names: in running text
IT, LA, ET or GB mean something else.

Names that are common words in Korean (수단 "means", 오만 "arrogance", 가나, 피지) or English
(Chad, Jordan, Georgia, Jersey) are listed as ambiguous: the extractor takes them only inside
quotes or as the subject of a clause (``kg/curated/README.md``).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .paths import CURATED_DIR

OUT = CURATED_DIR / "countries.yaml"

# CLDR codes that are no ISO 3166-1 country (regions, pseudo-codes) or have no people to have policies
_SKIP = {"AC", "CP", "DG", "EA", "IC", "TA", "XA", "XB", "EU", "EZ", "UN", "QO", "ZZ", "AQ", "BV", "HM", "UM", "GS"}
# (English, Korean, aliases) where CLDR's display name is a disambiguated form, not how text writes it
_NAMES: dict[str, tuple[str, str, list[str]]] = {
    "CD": ("Democratic Republic of the Congo", "콩고민주공화국", ["DR Congo", "DRC", "민주콩고"]),
    "CG": ("Republic of the Congo", "콩고공화국", []),
    "MM": ("Myanmar", "미얀마", ["Burma"]),
    "TR": ("Türkiye", "튀르키예", ["Turkey", "터키"]),
    "CZ": ("Czechia", "체코", ["Czech Republic"]),
    "PS": ("Palestine", "팔레스타인", ["Palestinian Territories"]),
    "CI": ("Côte d’Ivoire", "코트디부아르", ["Côte d'Ivoire", "Ivory Coast"]),
    "KP": ("North Korea", "북한", []),
    "TW": ("Taiwan", "대만", []),
}
# Hong Kong and Macao: regions of China
_REGIONS: dict[str, tuple[str, str, list[str]]] = {
    "HK": ("Hong Kong", "홍콩", []),
    "MO": ("Macao", "마카오", ["Macau"]),
}
AMBIGUOUS_KO = {"수단", "오만", "가나", "말리", "기니", "차드", "피지", "토고", "통가", "조지아", "도미니카", "니제르", "몰타"}
AMBIGUOUS_EN = {"Chad", "Jordan", "Georgia", "Jersey", "Guernsey", "Niger", "Dominica"}


def declared() -> set[str]:
    """The country and region ids ``common.yaml`` declares by hand."""
    import yaml

    data = yaml.safe_load((CURATED_DIR / "common.yaml").read_text(encoding="utf-8")) or {}
    return {e["id"] for e in data.get("entities") or [] if str(e.get("id", "")).startswith(("country/", "region/"))}


def countries(skip: set[str] | None = None) -> list[dict[str, Any]]:
    """Every country and the two regions as entity dicts in the curated format, by id, except the
    ids of ``skip`` (by default those :func:`declared` by hand)."""
    from babel import Locale

    skip = declared() if skip is None else skip
    en, ko = Locale("en").territories, Locale("ko").territories
    out = []
    for code in sorted(c for c in en if len(c) == 2 and c.isalpha() and c.isupper() and c not in _SKIP):
        if code in _REGIONS:
            name_en, name_ko, alt = _REGIONS[code]
            e: dict[str, Any] = {"id": f"region/{code.lower()}", "type": "Region", "en": name_en, "ko": name_ko,
                                 **({"alt": alt} if alt else {}), "country": "country/cn",
                                 "def_en": f"{name_en}, a special administrative region of China (ISO 3166-1 {code}).",
                                 "def_ko": f"중국의 특별행정구 {name_ko}(ISO 3166-1 {code})."}
        else:
            name_en, name_ko, alt = _NAMES.get(code, (en[code], ko[code], []))
            alt = list(alt)
            if "&" in name_en:
                alt.append(name_en.replace("&", "and"))
            if name_en.startswith("St. "):
                alt.append("Saint " + name_en[4:].replace("&", "and"))
            e = {"id": f"country/{code.lower()}", "type": "Country", "en": name_en, "ko": name_ko,
                 **({"alt": alt} if alt else {}),
                 "def_en": f"{name_en}, the country or territory of ISO 3166-1 code {code}.",
                 "def_ko": f"ISO 3166-1 코드 {code}의 국가 또는 지역 {name_ko}."}
        if e["id"] not in skip:
            out.append(e)
    return out


def ambiguous(entities: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The names of ``entities`` that usually mean something else in running text."""
    out = {}
    for e in entities:
        names = [n for n in (e["en"], e["ko"], *e.get("alt", [])) if n in AMBIGUOUS_KO | AMBIGUOUS_EN]
        if names:
            out[e["id"]] = names
    return out


def _flow(value: Any) -> str:
    import json

    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def render() -> str:
    """The text of ``countries.yaml``: one flow mapping per entity, so a diff shows one line per change."""
    ents = countries()
    lines = ["# Generated by `python -m kg.countries` from the Unicode CLDR (Babel): do not edit; see kg/countries.py.",
             "# Every ISO 3166-1 country with its English and Korean names, except those common.yaml declares",
             "# by hand (with Wikidata links, definitions and 美/中/日 forms).",
             "entities:"]
    for e in ents:
        lines.append("  - {" + ", ".join(f"{k}: {_flow(v)}" for k, v in e.items()) + "}")
    lines.append("# names that usually mean something else in running text (kg/curated/README.md)")
    lines.append("ambiguous:")
    for eid, names in sorted(ambiguous(ents).items()):
        lines.append(f"  {eid}: {_flow(names)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.countries", description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = ap.parse_args(argv)
    text = render()
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.name} is not what `python -m kg.countries` gives: rerun it", file=sys.stderr)
            return 1
        return 0
    from .fsutil import atomic_write

    atomic_write(OUT, text.encode("utf-8"))
    print(f"wrote {OUT} ({text.count(chr(10) + '  - ')} entities)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
