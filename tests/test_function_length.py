"""No function above 80 lines in the two fronts (`bot/discord`, `bot/cli`): a command that
grows past a screenful is a unit that wants splitting (issue 11). Nested functions count on
their own and inside their parent, as the reader has to read both."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[1] / "bot"
FRONTS = ("discord", "cli")
LIMIT = 80


def long_functions(root: Path, limit: int = LIMIT) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno] + [d.lineno for d in node.decorator_list])
                length = (node.end_lineno or node.lineno) - start + 1
                if length > limit:
                    found.append(f"{path.relative_to(root.parent)}:{node.lineno}: "
                                 f"{node.name} is {length} lines")
    return found


@pytest.mark.parametrize("front", FRONTS)
def test_no_function_above_80_lines(front: str) -> None:
    assert long_functions(BOT / front) == []


def test_the_check_sees_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMIT))
    (tmp_path / "long.py").write_text(f"def short() -> None:\n    pass\n\n\n"
                                      f"def long() -> None:\n{body}\n")
    assert [p.split(": ", 1)[1] for p in long_functions(tmp_path)] == ["long is 81 lines"]
