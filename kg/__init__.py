"""kg: a knowledge graph of military-diplomatic contacts, read from news articles.

Importing the package is cheap: the spaCy model and the store load only when first used.
"""

__version__ = "0.1.0"
