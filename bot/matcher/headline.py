"""Headlines that join two reports with a semicolon (issue 14, stop 36, falsepair36 round).

"Tajani invita le imprese a investire in Africa; Meloni e Schlein, scontro in Aula",
"UK invites bids for a crossing; Lula talks to Sánchez": the half with the invitation
word invites a crowd or a market, the other half names figures in another story. Read
as one sentence, the figures of the second half become the invitation's parties. When
the other half holds no invitation and no status word of its own, it cannot answer the
invitation, so the halves are separate sentences. "Marcelo pede a Lula que venha;
agenda não permite", "X invites Y; Paris confirms": the second half answers, one sentence.
A half that names no figure gives no party to take, so it stays joined too ("Belém convida
chefe de Estado brasileiro; Planalto confirma": an office answers).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.matcher.extract import sentence_cues
from bot.matcher.lexicon import Lexicon


def separate_reports(first: str, second: str, lexicons: list[Lexicon],
                     names_figure: Callable[[str], bool]) -> bool:
    """Exactly one half holds an invitation word; the other holds no status word and
    names a figure."""
    invites_first, statuses_first, _ = sentence_cues(first, lexicons)
    invites_second, statuses_second, _ = sentence_cues(second, lexicons)
    if invites_first and not invites_second:
        return not statuses_second and names_figure(second)
    if invites_second and not invites_first:
        return not statuses_first and names_figure(first)
    return False
