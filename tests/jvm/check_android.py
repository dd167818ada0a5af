#!/usr/bin/env python3
"""Cheap checks of the Android shell that need no Android SDK. Prints the problems and exits 1, or
prints nothing.

- every XML file parses; no resource name twice within one values folder;
- every R.string / R.plurals / R.array / R.xml / R.drawable the Kotlin sources use, and every
  @string/@xml/@style the manifest uses, is defined in the default resources;
- the French, Dutch and Norwegian folders (values-fr, values-nl, values-nb) translate every
  translatable string and plural of the default folder, and define nothing else;
- the words of the screens before the diary opens (gate_* strings) are the core's own, in each
  language: each repeats the message of shared/locales/<lang>/app.ftl named in the comment above it in
  values/strings.xml (so a change of wording in the core cannot leave the Android fallback behind);
- no INTERNET permission (tests/android/check_promises.py checks the manifest's promises in full).
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

repo = pathlib.Path(__file__).resolve().parents[2]
root = repo / "android" / "app" / "src" / "main"
res = root / "res"
problems = []
KINDS = {"string": "string", "string-array": "array", "plurals": "plurals", "style": "style", "color": "color"}
LANGS = {"fr": "fr", "nl": "nl", "nb": "nb"}

# name -> kind -> set of names, per values folder
folders: dict[str, dict[str, set[str]]] = {}
texts: dict[str, dict[str, str]] = {}
translatable: set[str] = set()
defined = {"xml": set(), "drawable": set(), "mipmap": set()}

for path in sorted(root.rglob("*.xml")):
    try:
        tree = ET.parse(path)
    except ET.ParseError as e:
        problems.append(f"{path}: {e}")
        continue
    folder = path.parent.name
    if folder.startswith("values"):
        names = folders.setdefault(folder, {})
        for el in tree.getroot():
            name = el.get("name")
            kind = KINDS.get(el.tag)
            if not (kind and name):
                continue
            seen = names.setdefault(kind, set())
            if name in seen:
                problems.append(f"{path}: {el.tag} {name} defined twice")
            seen.add(name)
            if el.tag == "string":
                texts.setdefault(folder, {})[name] = el.text or ""
            if folder == "values" and el.tag in ("string", "plurals") and el.get("translatable") != "false":
                translatable.add(name)
    elif path.parent.parent == res:
        kind = folder.split("-", 1)[0]
        if kind in defined:
            defined[kind].add(path.stem)

default = folders.get("values", {})


def has(kind: str, name: str) -> bool:
    if kind in defined:
        return name in defined[kind]
    return name in default.get(kind, set())


for path in sorted(root.rglob("*.kt")):
    for kind, name in re.findall(r"(?<![\w.])R\.(string|plurals|array|xml|drawable|mipmap)\.([A-Za-z0-9_]+)", path.read_text()):
        if not has(kind, name):
            problems.append(f"{path}: R.{kind}.{name} is not defined")

manifest = root / "AndroidManifest.xml"
for kind, name in re.findall(r'"@(string|xml|style|drawable|mipmap)/([A-Za-z0-9_.]+)"', manifest.read_text()):
    if not has(kind, name):
        problems.append(f"{manifest}: @{kind}/{name} is not defined")

# Translations: every translatable string and plural in each language, nothing else.
for folder, lang in (("values-" + code, code) for code in LANGS):
    names = folders.get(folder)
    if names is None:
        problems.append(f"{res / folder}: missing (the {lang} words Android needs before a diary is open)")
        continue
    local = names.get("string", set()) | names.get("plurals", set())
    for name in sorted(translatable - local):
        problems.append(f"{res / folder}/strings.xml: {name} is not translated")
    for name in sorted(local - translatable):
        problems.append(f"{res / folder}/strings.xml: {name} is not in values/strings.xml (or is not translatable)")


def android_text(raw: str) -> str:
    """A string resource as Android shows it: \\' \\" \\\\ \\@ \\? unescaped."""
    return re.sub(r"\\(['\"\\@?])", r"\1", raw)


def ftl_messages(lang: str) -> dict[str, str]:
    out = {}
    for line in (repo / "shared" / "locales" / lang / "app.ftl").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([a-z0-9-]+) = (.*)$", line)
        if m:
            # Fluent's quoted literals for special spaces: {"\u00A0"}.
            out[m.group(1)] = re.sub(r'\{"\\u([0-9A-Fa-f]{4})"\}', lambda u: chr(int(u.group(1), 16)), m.group(2))
    return out


# gate_* strings: which core message each repeats (the comment above it in values/strings.xml).
sources = {}
default_xml = (res / "values" / "strings.xml").read_text(encoding="utf-8")
for message, name in re.findall(r"<!--\s*([a-z0-9-]+)\s*-->\s*<string name=\"(gate_[a-z_]+)\"", default_xml):
    sources[name] = message
gate_names = sorted(n for n in default.get("string", set()) if n.startswith("gate_"))
for name in gate_names:
    if name not in sources:
        problems.append(f"{res}/values/strings.xml: {name} names no core message (<!-- message-id --> above it)")
if not gate_names:
    problems.append(f"{res}/values/strings.xml: no gate_* strings (the words before the diary opens)")
for folder, lang in [("values", "en")] + [("values-" + c, c) for c in LANGS]:
    messages = ftl_messages(lang)
    for name, message in sorted(sources.items()):
        want = messages.get(message)
        got = texts.get(folder, {}).get(name)
        if want is None:
            problems.append(f"shared/locales/{lang}/app.ftl has no {message} (named for {name})")
        elif got is None or android_text(got) != want:
            problems.append(f"{res / folder}/strings.xml: {name} is {got!r}, the core says {want!r} ({lang}, {message})")

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
