"""Ingest throughput on the default corpus, next to the bare morpheme tokenizer on the same text.

    .venv/bin/python bench/ingest_throughput.py [--repeat N] [--json PATH]

Measured in one run, side by side: (a) Kiwi's ``tokenize`` alone over the clean Korean segments
of both documents (what any Korean pipeline has to pay), and (b) the whole extraction pipeline
(clean, segment, language per paragraph, spaCy tokenize, gazetteer, cues, relations, mapping back
to source lines) over the raw documents. Start-up (loading Kiwi's model, building the gazetteer)
is measured apart and excluded from both. Reports characters and sentences per second and the
ratio pipeline / tokenizer (target: <= 3).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, help="also write the results as JSON")
    args = ap.parse_args()

    from kg.build import load_ontology
    from kg.curation import load_curated
    from kg.extraction import corpus_inputs, gazetteer_patterns

    from ingest.clean import clean
    from ingest.extract import extract
    from ingest.nlp import pipeline

    t = time.perf_counter()
    pats = gazetteer_patterns(load_ontology(), load_curated().graph)
    docs = corpus_inputs()
    nlp = pipeline("ko", pats)
    pipeline("en", pats)
    kiwi = nlp.tokenizer.kiwi
    startup = time.perf_counter() - t

    ko_texts = [s.text for _, raw, _ in docs for s in clean(raw).segments if s.language == "ko"]
    chars = sum(len(raw) for _, raw, _ in docs)

    def bare() -> None:
        for text in ko_texts:
            kiwi.tokenize(text)

    sentences = 0

    def whole() -> None:
        nonlocal sentences
        sentences = sum(extract(d, raw, h, pats).sentences for d, raw, h in docs)

    bare(), whole()  # warm up
    runs: dict[str, list[float]] = {"tokenizer": [], "pipeline": []}
    for _ in range(args.repeat):
        for name, fn in (("tokenizer", bare), ("pipeline", whole)):
            t = time.perf_counter()
            fn()
            runs[name].append(time.perf_counter() - t)
    med = {k: statistics.median(v) for k, v in runs.items()}
    result = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine()},
        "documents": len(docs), "characters": chars, "sentences": sentences,
        "korean_characters_tokenized": sum(len(t) for t in ko_texts),
        "startup_s": round(startup, 3),
        "median_s": {k: round(v, 3) for k, v in med.items()},
        "spread_s": {k: [round(min(v), 3), round(max(v), 3)] for k, v in runs.items()},
        "pipeline_chars_per_s": round(chars / med["pipeline"]),
        "pipeline_sentences_per_s": round(sentences / med["pipeline"]),
        "tokenizer_chars_per_s": round(sum(len(t) for t in ko_texts) / med["tokenizer"]),
        "ratio_pipeline_to_tokenizer": round(med["pipeline"] / med["tokenizer"], 2),
    }
    print(f"{'':<12} {'median s':>9} {'min-max s':>13} {'chars/s':>9} {'sent/s':>7}")
    print(f"{'tokenizer':<12} {med['tokenizer']:9.3f} {result['spread_s']['tokenizer'][0]:6.3f}-"
          f"{result['spread_s']['tokenizer'][1]:<6.3f} {result['tokenizer_chars_per_s']:9d} {'':>7}")
    print(f"{'pipeline':<12} {med['pipeline']:9.3f} {result['spread_s']['pipeline'][0]:6.3f}-"
          f"{result['spread_s']['pipeline'][1]:<6.3f} {result['pipeline_chars_per_s']:9d} "
          f"{result['pipeline_sentences_per_s']:7d}")
    print(f"pipeline / tokenizer: {result['ratio_pipeline_to_tokenizer']}x (target <= 3x); "
          f"start-up excluded: {result['startup_s']} s; {chars} characters, {sentences} sentences")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
