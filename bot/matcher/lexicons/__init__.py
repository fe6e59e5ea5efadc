"""Cue lexicons, one TOML file per language (data, loaded by bot.matcher.lexicon)."""
