"""The command line, `invitewatch <command>` (every command has --help), one module per
subject. `root` holds the group and its global options; each subject module defines its
commands and a `register(main)` that adds them to the group; `common` holds what they share
(the lazily built context, JSON lines, the error handling). A new subject is a new module
here plus one line in `SUBJECTS`."""

from __future__ import annotations

from bot.cli import (
    analysis,
    corrections,
    evaluation,
    explain,
    feeds,
    health,
    invitations,
    maintenance,
    running,
    web,
)
from bot.cli.root import main

SUBJECTS = (running, analysis, evaluation, invitations, feeds, corrections, explain, health,
            maintenance, web)
for _subject in SUBJECTS:
    _subject.register(main)

__all__ = ["main"]
