#!/usr/bin/env python3
"""Syntax check for Kotlin files (.kt, .kts) with tree-sitter-kotlin, for a machine without Gradle
or the Android SDK: the Compose screens cannot be compiled here, but they can at least be parsed.

    parse_kotlin.py FILE...   print "ok   FILE" or "FAIL FILE" plus one "  FILE:LINE:COL: ..." line per
                              ERROR or MISSING node; exit 1 if any file failed
    parse_kotlin.py --self-test
                              parse known-good and known-bad snippets; exit 1 if the checker judges
                              any of them wrongly (so a checker that cannot fail is caught)

One grammar gap is worked around before parsing. tree-sitter-kotlin reads a modifier word that
Kotlin also allows as a name (`open`, `inline`, `internal`, …) as a modifier when it starts a
statement, even when it is a call: `open().close()` or `{ open(key) }` followed by another statement
turns a whole, valid class into one ERROR node (the JVM tests call a helper named `open`). kotlinc
accepts such calls, and a modifier is never directly followed by `(`, so such a word that starts a
statement (at the start of a line, or after `{`, `;` or `->`) and is directly followed by `(` is
upper-cased before parsing: same length, so every reported line and column still points into the
real file, and the call stays a call. Nothing else is rewritten.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import tree_sitter_kotlin
from tree_sitter import Language, Node, Parser

# Modifier words that tree-sitter-kotlin 1.1.0 misreads at the start of a statement when they are
# the name of a called function (found by parsing `WORD()` before each kind of statement; in
# argument lists, after `=` or `return`, and after a `.` the grammar reads them right).
_MODIFIER_CALL = re.compile(
    r"(^|[{;]|->)([ \t]*)(open|override|abstract|sealed|lateinit|internal|external|tailrec|infix|inline|suspend"
    r"|crossinline|noinline|vararg|dynamic|private|public|protected|final)(?=\()",
    re.MULTILINE,
)


def work_around_grammar(source: str) -> str:
    """Upper-cases a modifier word used as a called name at the start of a statement (same length)."""
    return _MODIFIER_CALL.sub(lambda m: m.group(1) + m.group(2) + m.group(3).upper(), source)


@dataclass
class Problem:
    line: int
    column: int
    what: str


_PARSER = Parser(Language(tree_sitter_kotlin.language()))


def _snippet(source: bytes, node: Node) -> str:
    text = source[node.start_byte : min(node.end_byte, node.start_byte + 40)].decode("utf-8", "replace")
    text = " ".join(text.split())
    return text + ("…" if node.end_byte - node.start_byte > 40 else "")


def problems(source_text: str) -> list[Problem]:
    """Every ERROR and MISSING node of the parse tree (ERROR subtrees are reported once)."""
    source = work_around_grammar(source_text).encode("utf-8")
    tree = _PARSER.parse(source)
    found: list[Problem] = []

    def walk(node: Node) -> None:
        if node.is_missing:
            found.append(Problem(node.start_point[0] + 1, node.start_point[1] + 1, f"MISSING {node.type!r}"))
            return
        if node.is_error:
            found.append(
                Problem(node.start_point[0] + 1, node.start_point[1] + 1, f"ERROR near {_snippet(source, node)!r}")
            )
            return
        if node.has_error:
            for child in node.children:
                walk(child)

    walk(tree.root_node)
    if not found and tree.root_node.has_error:
        # Defensive: an error flag with no node found must still fail.
        found.append(Problem(1, 1, "ERROR somewhere in the file"))
    return found


def check_file(path: Path) -> list[Problem]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return [Problem(1, 1, f"not UTF-8 ({e.reason} at byte {e.start})")]
    return problems(text)


_SCREEN = """package app.steady.ui.screens

import androidx.compose.foundation.layout.Column
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable

@Composable
fun Today(names: List<String>, onOpen: (String) -> Unit) {
    Column {
        names.forEach { name ->
            Text(text = name)
        }
    }
}
"""

# Snippets with their expected verdict: None = must parse; a line number = must fail there (within a
# line); 0 = must fail, anywhere (an unclosed brace is reported where its construct starts).
SELF_TEST: list[tuple[str, str, int | None]] = [
    ("compose screen", _SCREEN, None),
    (
        "gradle script",
        'plugins {\n    id("com.android.application")\n}\nandroid {\n    compileSdk = 36\n'
        '    defaultConfig { minSdk = 26 }\n}\ndependencies {\n    implementation("a:b:1@aar")\n}\n',
        None,
    ),
    (
        "call named like a modifier (kotlinc accepts it)",
        "class T {\n    private fun open() = 1\n    fun t() {\n        open().toString()\n"
        "        val x = when (val o = open()) {\n            1 -> open()\n            else -> 3\n        }\n"
        "        run { open() }; open()\n        check(x > 0)\n    }\n}\n",
        None,
    ),
    ("real modifiers still parse", "open class A {\n    internal open fun f() = 1\n}\n", None),
    ("compose screen without its last brace", _SCREEN.rstrip().removesuffix("}"), 0),
    ("missing brace in the middle", _SCREEN.replace("names.forEach { name ->", "names.forEach  name ->"), 0),
    ("broken val", "fun f() {\n    val = 3\n}\n", 2),
    ("unclosed call", "fun g() {\n    val y = maxOf(1, 2\n}\n", 3),
    ("stray brace", "val a = 1\n}\nval b = 2\n", 2),
    ("modifier word as a call, then a broken line", "fun t() {\n    open().close()\n    val = 2\n}\n", 0),
]


def self_test() -> int:
    wrong = 0
    for name, source, expected_line in SELF_TEST:
        found = problems(source)
        if expected_line is None:
            ok = not found
        else:
            # The problem must be reported, and near the line that is broken.
            ok = bool(found) and (expected_line == 0 or any(abs(p.line - expected_line) <= 1 for p in found))
        detail = "; ".join(f"{p.line}:{p.column} {p.what}" for p in found) or "no problem reported"
        if expected_line is None:
            verdict = "must parse"
        else:
            verdict = "must fail" + (f" at line {expected_line}" if expected_line else "")
        print(f"{'ok  ' if ok else 'WRONG'} self-test: {name} ({verdict}){'' if ok else ': ' + detail}")
        wrong += not ok
    sample = "x\n    open(1)\nopen class A\n  val open = inline(2)\nr { open(3) }; a.open(4)\n"
    expected = "x\n    OPEN(1)\nopen class A\n  val open = inline(2)\nr { OPEN(3) }; a.open(4)\n"
    rewritten = work_around_grammar(sample)
    if rewritten != expected:
        print(f"WRONG self-test: the grammar work-around moved or changed the wrong text: {rewritten!r}")
        wrong += 1
    return 1 if wrong else 0


def main(argv: list[str]) -> int:
    if argv == ["--self-test"]:
        return self_test()
    if not argv or any(a.startswith("-") for a in argv):
        print(__doc__, file=sys.stderr)
        return 2
    failed = 0
    for name in argv:
        found = check_file(Path(name))
        if found:
            failed += 1
            print(f"FAIL {name}")
            for p in found:
                print(f"  {name}:{p.line}:{p.column}: {p.what}")
        else:
            print(f"ok   {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
