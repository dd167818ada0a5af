#!/usr/bin/env python3
"""Cheap checks of the Android shell that need no Android SDK: every XML file parses, and every
R.string / R.array / R.xml the Kotlin sources use (and every @string/@xml/@style the manifest
uses) is defined. Prints the problems and exits 1, or prints nothing."""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(__file__).resolve().parents[2] / "android" / "app" / "src" / "main"
problems = []
defined = {"string": set(), "array": set(), "xml": set(), "style": set()}

for path in sorted(root.rglob("*.xml")):
    try:
        tree = ET.parse(path)
    except ET.ParseError as e:
        problems.append(f"{path}: {e}")
        continue
    if path.parent.name.startswith("values"):
        for el in tree.getroot():
            name = el.get("name")
            kind = {"string": "string", "string-array": "array", "style": "style"}.get(el.tag)
            if kind and name:
                if name in defined[kind]:
                    problems.append(f"{path}: {el.tag} {name} defined twice")
                defined[kind].add(name)
    elif path.parent.name == "xml":
        defined["xml"].add(path.stem)

for path in sorted(root.rglob("*.kt")):
    for kind, name in re.findall(r"\bR\.(string|array|xml)\.([A-Za-z0-9_]+)", path.read_text()):
        if name not in defined[kind]:
            problems.append(f"{path}: R.{kind}.{name} is not defined")

manifest = root / "AndroidManifest.xml"
for kind, name in re.findall(r'"@(string|xml|style)/([A-Za-z0-9_.]+)"', manifest.read_text()):
    if name not in defined[kind]:
        problems.append(f"{manifest}: @{kind}/{name} is not defined")
# INTERNET may appear only as <uses-permission ... tools:node="remove"/>, which strips it from
# whatever a dependency's manifest asks for (tests/android/check_promises.py checks the rest).
ANDROID = "{http://schemas.android.com/apk/res/android}"
TOOLS = "{http://schemas.android.com/tools}"
for el in ET.parse(manifest).getroot().iter():
    if el.tag.startswith("uses-permission") and "INTERNET" in (el.get(f"{ANDROID}name") or ""):
        if el.get(f"{TOOLS}node") != "remove":
            problems.append(f"{manifest}: Steady must not ask for INTERNET")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
