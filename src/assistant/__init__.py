"""A retrieval assistant for Dutch vocational education (mbo) qualification dossiers."""

__version__ = "0.1.0"
