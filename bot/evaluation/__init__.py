"""Offline evaluations of the matcher and the tracker against labelled corpora."""
