"""Ingest throughput on the default corpus, next to the bare morpheme tokenizer on the same text.

    .venv/bin/python bench/ingest_throughput.py [--quick] [--repeat N]

Measured in one run, side by side: (a) Kiwi's ``tokenize`` alone over the clean Korean segments
of both documents (what any Korean pipeline has to pay), and (b) the whole extraction pipeline
(clean, segment, language per paragraph, spaCy tokenize, gazetteer, cues, relations, mapping back
to source lines) over the raw documents. Start-up (loading Kiwi's model, building the gazetteer)
is measured apart and excluded from both. Reports characters and sentences per second and the
ratio pipeline / tokenizer (target: <= 3).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Result, Target, options, table, timed, write_result  # noqa: E402


def korean_texts(docs: list[tuple[str, str, str]]) -> list[str]:
    """The clean Korean segments of the documents: what the bare tokenizer is timed on."""
    from ingest.clean import clean

    return [seg.text for _, raw, _ in docs for seg in clean(raw).segments if seg.language == "ko"]


def main() -> int:
    args = options(__doc__)
    import time

    from kg.build import load_ontology
    from kg.curation import load_curated
    from kg.extraction import corpus_inputs, gazetteer_patterns

    from ingest.extract import extract
    from ingest.nlp import pipeline

    t = time.perf_counter()
    pats = gazetteer_patterns(load_ontology(), load_curated().graph)
    docs = corpus_inputs()
    nlp = pipeline("ko", pats)
    pipeline("en", pats)
    kiwi = nlp.tokenizer.kiwi
    startup = time.perf_counter() - t

    ko_texts = korean_texts(docs)
    chars = sum(len(raw) for _, raw, _ in docs)

    def bare() -> None:
        for text in ko_texts:
            kiwi.tokenize(text)

    sentences = 0

    def whole() -> None:
        nonlocal sentences
        sentences = sum(extract(d, raw, h, pats).sentences for d, raw, h in docs)

    tok, pipe = timed(bare, args.repeat), timed(whole, args.repeat)
    ko_chars = sum(len(t) for t in ko_texts)
    res = Result("ingest_throughput", args)
    table(f"Extraction of the default corpus ({len(docs)} documents, {chars:,} characters, {sentences:,} sentences) "
          f"next to bare Kiwi on its clean Korean text; start-up ({startup:.1f} s) excluded",
          ["", "median s", "min s", "max s", "chars/s", "sentences/s"],
          [["bare Kiwi tokenize", tok.median, tok.spread[0], tok.spread[1], round(ko_chars / tok.median), None],
           ["whole pipeline", pipe.median, pipe.spread[0], pipe.spread[1], round(chars / pipe.median),
            round(sentences / pipe.median)]])
    res.targets.append(Target("pipeline / bare tokenizer", round(pipe.median / tok.median, 2), 3, "x"))
    res.data = {"documents": len(docs), "characters": chars, "sentences": sentences,
                "korean_characters_tokenized": ko_chars, "startup_s": round(startup, 3),
                "tokenizer": tok.to_dict(), "pipeline": pipe.to_dict(),
                "pipeline_chars_per_s": round(chars / pipe.median), "pipeline_sentences_per_s": round(sentences / pipe.median)}
    write_result(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
