"""Data shipped with the code: the built-in gazetteer (figures.toml)."""
