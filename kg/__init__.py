"""policykg: a knowledge graph of sovereign-AI policy documents.

Importing ``kg`` is cheap: heavy libraries (owlready2, pyshacl, spaCy) are imported inside the
functions that need them, so ``policykg query`` stays fast.
"""

__version__ = "0.1.0"
