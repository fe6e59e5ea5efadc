"""The argument rules (bot/matcher/arguments.py): one sentence of our own per rule, the
language facts read from the lexicons' [grammar] tables, and the complexity gate."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.domain import MatchResult
from bot.errors import ConfigError
from bot.matcher import arguments
from bot.matcher.grammar import CaseEndings, grammar_from_data, slavic_case
from bot.matcher.lexicon import load_lexicons
from tests.support.matching import pairs

Match = Callable[..., MatchResult]
REPO = Path(__file__).resolve().parents[2]
MACRON, SCHOLZ, PUTIN, MUSK = "emmanuel-macron", "olaf-scholz", "vladimir-putin", "elon-musk"
MELONI, SANCHEZ, XI, BIDEN = "giorgia-meloni", "pedro-sanchez", "xi-jinping", "joe-biden"


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [
        ("noun_or_nominalised_verb", "Olaf Scholz welcomed Emmanuel Macron's invitation to Paris.",
         (MACRON, SCHOLZ)),
        ("noun_or_nominalised_verb", "L'invito di Giorgia Meloni a Pedro Sánchez resta valido.",
         (MELONI, SANCHEZ)),
        ("head_final_agent", "习近平国家主席の招待で、プーチン大統領は北京を訪問する。", (XI, PUTIN)),
        ("passive_with_agent", "Pedro Sánchez fue invitado por Giorgia Meloni a Roma.",
         (MELONI, SANCHEZ)),
        ("passive_with_agent", "Путин был приглашён Маском на беседу.", (MUSK, PUTIN)),
        ("clitic_object", "Giorgia Meloni ha chiamato Pedro Sánchez e lo ha invitato a Roma.",
         (MELONI, SANCHEZ)),
        ("relative_object", "Xi Jinping, whom Joe Biden had invited to California, arrived.",
         (BIDEN, XI)),
        ("relative_object_subject_after", "Си Цзиньпин, которого пригласил Байден, прибыл.",
         (BIDEN, XI)),
        ("relative_subject_pronoun_object",
         "Olaf Scholz traf Emmanuel Macron, der ihn nach Paris einlud.", (MACRON, SCHOLZ)),
        ("relative_subject_pronoun_object",
         "Olaf Scholz a rencontré Emmanuel Macron, qui l'a invité à Paris.", (MACRON, SCHOLZ)),
        ("relative_object_pronoun_subject",
         "Joe Biden met Xi Jinping, whom he invited to California.", (BIDEN, XI)),
        ("relative_object_pronoun_subject",
         "Путин встретился с Си Цзиньпином, которого он пригласил в Москву.", (PUTIN, XI)),
        ("subject_verb_object", "Joe Biden invited Xi Jinping to a summit in California.",
         (BIDEN, XI)),
        ("verb_second", "Am Dienstag lud Emmanuel Macron Olaf Scholz nach Paris ein.",
         (MACRON, SCHOLZ)),
        ("verb_final", "Es heißt, dass Macron Scholz nach Paris eingeladen habe.",
         (MACRON, SCHOLZ)),
        ("pronoun_subject", "Emmanuel Macron spoke on Monday. He invited Olaf Scholz to Paris.",
         (MACRON, SCHOLZ)),
        ("pronouns_previous_sentence",
         "Emmanuel Macron received Olaf Scholz. He invited him to a summit in Nice.",
         (MACRON, SCHOLZ)),
    ],
)
def test_each_rule_on_its_construction(match: Match, rule: str, text: str,
                                       expected: tuple[str, str]) -> None:
    assert rule in {r.__name__ for r in arguments.RULES}
    found = {(inviter, invitee) for inviter, invitee, _status in pairs(match(text))}
    assert expected in found, (rule, found)


def test_every_rule_documents_its_example() -> None:
    for rule in arguments.RULES:
        doc = rule.__doc__ or ""
        assert "\"" in doc or "“" in doc, f"{rule.__name__} has no example in its docstring"


def test_language_facts_come_from_the_lexicons() -> None:
    lexicons = load_lexicons()
    assert lexicons["de"].grammar.verb_final and lexicons["de"].grammar.verb_second
    assert not lexicons["en"].grammar.preverbal_clitics
    assert lexicons["ru"].grammar.case_marked and not lexicons["fr"].grammar.case_marked
    assert "を" in lexicons["ja"].grammar.object_particles
    assert "ові" in lexicons["uk"].grammar.case_endings.dative


def test_case_endings_drive_slavic_case() -> None:
    endings = CaseEndings(dative=("ому", "у"), genitive=("а",), instrumental=("ом",))
    assert slavic_case("Зеленському", endings) == "dat"
    assert slavic_case("Орбаном", endings) == "ins"
    assert slavic_case("Орбана", endings) == "gen"
    assert slavic_case("Macron", endings) is None
    assert slavic_case("Зеленському", CaseEndings()) is None


def test_a_bad_grammar_table_names_file_and_key() -> None:
    problems: list[str] = []
    grammar_from_data({"verb_final": "yes", "word_order": "SOV"}, source="xx.toml",
                      problems=problems)
    assert any("grammar.verb_final" in p for p in problems)
    assert any("grammar.word_order" in p for p in problems)
    with pytest.raises(ConfigError):
        from bot.matcher.lexicon import lexicon_from_data

        lexicon_from_data({"lang": "xx", "grammar": {"particle_style": "sideways"}},
                          source="xx.toml")


def _ruff() -> str:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if found is None:
        pytest.skip("ruff is not installed (pip install -e '.[dev]')")
    return found


def test_no_matcher_function_above_complexity_30(tmp_path: Path) -> None:
    ruff = _ruff()
    flags = ["check", "--isolated", "--select", "C901", "--config",
             "lint.mccabe.max-complexity=30", "--output-format", "concise"]
    done = subprocess.run([ruff, *flags, "bot/matcher"], cwd=REPO, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    # The gate itself bites: a function with 31 branches fails it.
    branches = "\n".join(f"    if x == {i}:\n        return {i}" for i in range(31))
    (tmp_path / "tangled.py").write_text(f"def tangled(x: int) -> int:\n{branches}\n    return -1\n")
    done = subprocess.run([ruff, *flags, str(tmp_path / "tangled.py")], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode != 0 and "C901" in done.stdout


def test_date_words_come_from_the_lexicons_and_are_checked() -> None:
    from bot.matcher.lexicon import lexicon_from_data

    lexicons = load_lexicons()
    dates = lexicons["ru"].dates
    assert dates is not None and dates.months[2] == ("марта",)
    assert lexicons["en"].dates is not None and lexicons["en"].dates.month_first
    with pytest.raises(ConfigError, match=r"dates\.months"):
        lexicon_from_data({"lang": "xx", "dates": {"weekdays": [["mo"]] * 7,
                                                   "months": [["jan"]] * 11}}, source="xx.toml")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the meeting is where the invitation was made, not the invited visit
        ("Olaf Scholz met Emmanuel Macron, who invited him to Paris.", "pending"),
        ("Olaf Scholz a rencontré Emmanuel Macron, qui l'a invité à Paris.", "pending"),
        # pluperfect: the invitation came first, the meeting answers it
        ("Olaf Scholz arrived in Paris and met Emmanuel Macron, who had invited him.",
         "took_place"),
    ],
)
def test_a_meeting_before_the_relative_clause_of_an_invitation(match: Match, text: str,
                                                               status: str) -> None:
    assert (MACRON, SCHOLZ, status) in set(pairs(match(text)))

