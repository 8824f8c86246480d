"""policykg ingest: reading the documents of a corpus.

Today: the document registry of a corpus folder (``documents.yaml``). Text cleaning, segmentation
and spaCy extraction are the extraction issue's work and are not here yet.
"""
