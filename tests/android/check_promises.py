#!/usr/bin/env python3
"""What the Android app promises in its manifest, resources and Gradle files, checked without the
Android SDK. Prints one line per check, "ok   WHAT" or "FAIL WHAT: WHY", and "skip WHAT: WHY" for
what only a Gradle build leaves behind; exits 1 if any check failed.

    check_promises.py [REPO_ROOT]      (default: two levels above this file)

The promises:
- privacy: INTERNET appears exactly once in the manifests, in a
  `<uses-permission android:name="android.permission.INTERNET" tools:node="remove"/>` line, so no
  library can bring network access in through manifest merging; no hasFragileUserData (it offers to
  keep app data on uninstall, but the Keystore key that opens the diary goes with the app: the kept
  diary could never be opened again); allowBackup and fullBackupContent off; dataExtractionRules
  present and excluding, never including;
- store: targetSdk is the API level Google Play requires (PLAY_TARGET_SDK below) and compileSdk is
  at least that; an adaptive launcher icon (background, foreground, monochrome) and a round one;
- 16 KB pages: JNA is the Android AAR (`@aar`) at 5.17.0 or newer; every ABI the Gradle cargo task
  builds gets `-C link-arg=-Wl,-z,max-page-size=16384` from .cargo/config.toml, and no host target
  does; ndkVersion, when set, is r28 or newer;
- resources (as tests/jvm/check_android.py): every XML file parses, and every R.string / R.array /
  R.xml the Kotlin code uses and every @string/@xml/@style/@mipmap/@drawable/@color reference in the
  manifest and the resources is defined.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    tomllib = None

# Google Play's target API level requirement: from 31 August 2026, new apps and app updates must
# target Android 16 (API level 36) or higher (an extension to 1 November 2026 could be requested).
# https://developer.android.com/google/play/requirements/target-sdk
# https://support.google.com/googleplay/android-developer/answer/11926878
# Raise it (and targetSdk in android/app/build.gradle.kts) when Play raises the requirement, usually
# each August for the Android version released the year before.
PLAY_TARGET_SDK = 36

# JNA 5.16.0 (issue 1618) and 5.17.0 (issue 1647) fixed libjnidispatch.so for 16 KB pages.
JNA_MIN = (5, 17, 0)
# NDK r28 links 64-bit ABIs with 16 KB alignment by default.
NDK_MIN_MAJOR = 28
PAGE_FLAG = "link-arg=-Wl,-z,max-page-size=16384"
ABI_TRIPLES = {
    "arm64-v8a": "aarch64-linux-android",
    "armeabi-v7a": "armv7-linux-androideabi",
    "x86_64": "x86_64-linux-android",
    "x86": "i686-linux-android",
}
ANDROID_NS = "http://schemas.android.com/apk/res/android"
TOOLS_NS = "http://schemas.android.com/tools"
A = f"{{{ANDROID_NS}}}"
T = f"{{{TOOLS_NS}}}"
ADAPTIVE_LAYERS = ("background", "foreground", "monochrome")


class Report:
    def __init__(self) -> None:
        self.failed = 0

    def check(self, ok: bool, what: str, why: str = "") -> bool:
        if ok:
            print(f"ok   {what}")
        else:
            self.failed += 1
            print(f"FAIL {what}{': ' + why if why else ''}")
        return ok


def strip_kotlin_comments(text: str) -> str:
    """Blanks // and /* */ comments (keeping newlines), leaving string literals alone."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if text.startswith('"""', i):
            end = text.find('"""', i + 3)
            end = n if end < 0 else end + 3
            out.append(text[i:end])
            i = end
        elif text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"' and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            i = end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def qualifier_free(folder: str) -> str:
    """res/mipmap-anydpi-v26 -> mipmap."""
    return folder.split("-", 1)[0]


class Resources:
    """Every resource name the app defines, by type."""

    def __init__(self, res: Path, report: Report) -> None:
        self.res = res
        self.defined: dict[str, set[str]] = {}
        self.trees: dict[Path, ET.ElementTree] = {}
        self.files: dict[tuple[str, str], list[Path]] = {}
        parse_failures = []
        for path in sorted(res.rglob("*")):
            if not path.is_file():
                continue
            kind = qualifier_free(path.parent.name)
            if path.suffix == ".xml":
                try:
                    self.trees[path] = ET.parse(path)
                except ET.ParseError as e:
                    parse_failures.append(f"{path}: {e}")
                    continue
            if kind == "values":
                for el in self.trees[path].getroot():
                    name = el.get("name")
                    kind_of = {"string": "string", "string-array": "array", "plurals": "plurals", "style": "style", "color": "color",
                               "dimen": "dimen", "integer": "integer", "bool": "bool"}.get(el.tag)
                    if kind_of and name:
                        names = self.defined.setdefault(kind_of, set())
                        if name in names and path.parent.name == "values":
                            parse_failures.append(f"{path}: {el.tag} {name} defined twice")
                        names.add(name)
            else:
                self.defined.setdefault(kind, set()).add(path.stem)
                self.files.setdefault((kind, path.stem), []).append(path)
        report.check(not parse_failures, f"resources: every XML file under {res.name}/ parses, no name twice",
                     "; ".join(parse_failures))

    def has(self, kind: str, name: str) -> bool:
        return name in self.defined.get(kind, set())

    def xml_of(self, kind: str, name: str) -> list[ET.ElementTree]:
        return [self.trees[p] for p in self.files.get((kind, name), []) if p in self.trees]


def reference(value: str | None) -> tuple[str, str] | None:
    m = re.fullmatch(r"@(?:\+)?([a-z]+)/([A-Za-z0-9_.]+)", value or "")
    return (m.group(1), m.group(2)) if m else None


def check_manifests(root: Path, app: Path, resources: Resources, report: Report) -> None:
    main = app / "src" / "main" / "AndroidManifest.xml"
    manifests = sorted(p for p in app.glob("src/*/AndroidManifest.xml"))
    text = main.read_text(encoding="utf-8")
    try:
        tree = ET.parse(main)
    except ET.ParseError as e:
        report.check(False, "manifest parses", str(e))
        return
    manifest = tree.getroot()
    application = manifest.find("application")
    if not report.check(application is not None, "manifest has an <application>"):
        return

    # --- INTERNET: only as a removal -----------------------------------------------------------
    removal = [
        el for el in manifest.findall("uses-permission")
        if el.get(f"{A}name") == "android.permission.INTERNET" and el.get(f"{T}node") == "remove"
    ]
    report.check(len(removal) == 1, 'manifest removes INTERNET (<uses-permission ... tools:node="remove"/>)',
                 f"found {len(removal)} such elements")
    for path in manifests:
        for el in ET.parse(path).getroot().iter():
            if el.tag.startswith("uses-permission") and "INTERNET" in (el.get(f"{A}name") or ""):
                if el.get(f"{T}node") != "remove":
                    report.check(False, f"{path.relative_to(root)}: no INTERNET permission",
                                 f"<{el.tag} android:name=\"{el.get(f'{A}name')}\"> asks for network access")
    occurrences = []
    for path in manifests:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "INTERNET" in line:
                occurrences.append((path, number, line.strip()))
    only_in_removal = (
        len(occurrences) == 1
        and occurrences[0][0] == main
        and 'tools:node="remove"' in occurrences[0][2]
        and occurrences[0][2].startswith("<uses-permission")
    )
    report.check(only_in_removal, "INTERNET appears once in the manifests, in the removal line",
                 "; ".join(f"{p.relative_to(root)}:{n}: {l}" for p, n, l in occurrences) or "not at all")

    # --- backup and uninstall --------------------------------------------------------------------
    fragile = [
        str(p.relative_to(root)) for p in manifests
        if any(f"{A}hasFragileUserData" in el.attrib for el in ET.parse(p).getroot().iter())
    ]
    report.check(not fragile, "no hasFragileUserData (its 'keep app data' cannot keep the Keystore key)",
                 ", ".join(fragile))
    report.check(application.get(f"{A}allowBackup") == "false", 'allowBackup="false"',
                 f"allowBackup={application.get(f'{A}allowBackup')!r}")
    report.check(application.get(f"{A}fullBackupContent") == "false", 'fullBackupContent="false"',
                 f"fullBackupContent={application.get(f'{A}fullBackupContent')!r}")
    rules = reference(application.get(f"{A}dataExtractionRules"))
    rules_ok = rules is not None and rules[0] == "xml" and bool(resources.xml_of("xml", rules[1]))
    why = f"dataExtractionRules={application.get(f'{A}dataExtractionRules')!r}"
    if rules_ok:
        rules_root = resources.xml_of("xml", rules[1])[0].getroot()
        sections = {child.tag: child for child in rules_root}
        for section in ("cloud-backup", "device-transfer"):
            element = sections.get(section)
            if element is None or not len(element):
                rules_ok, why = False, f"{rules[1]}.xml has no <{section}> with excludes"
            elif any(child.tag != "exclude" for child in element):
                rules_ok, why = False, f"{rules[1]}.xml includes something in <{section}>"
    report.check(rules_ok, "dataExtractionRules present, cloud backup and device transfer exclude everything", why)

    # --- launcher icon -----------------------------------------------------------------------------
    icons = {attr: application.get(f"{A}{attr}") for attr in ("icon", "roundIcon")}
    report.check(icons == {"icon": "@mipmap/ic_launcher", "roundIcon": "@mipmap/ic_launcher_round"},
                 "launcher icon is the app's own (@mipmap/ic_launcher, @mipmap/ic_launcher_round)", str(icons))
    for name in ("ic_launcher", "ic_launcher_round"):
        path = resources.res / "mipmap-anydpi-v26" / f"{name}.xml"
        problems = []
        if not path.is_file() or path not in resources.trees:
            problems.append(f"{path.relative_to(root)} is missing")
        else:
            icon = resources.trees[path].getroot()
            if icon.tag != "adaptive-icon":
                problems.append(f"root is <{icon.tag}>, not <adaptive-icon>")
            for layer in ADAPTIVE_LAYERS:
                element = icon.find(layer)
                ref = reference(element.get(f"{A}drawable") if element is not None else None)
                if ref is None:
                    problems.append(f"no <{layer} android:drawable=...>")
                elif not resources.has(*ref):
                    problems.append(f"<{layer}> names @{ref[0]}/{ref[1]}, which is not defined")
                elif ref[0] == "drawable":
                    for drawable in resources.xml_of(*ref):
                        vector = drawable.getroot()
                        size = [vector.get(f"{A}{a}") for a in ("width", "height", "viewportWidth", "viewportHeight")]
                        if vector.tag != "vector" or size != ["108dp", "108dp", "108", "108"]:
                            problems.append(f"@drawable/{ref[1]} is not a 108dp x 108dp vector ({vector.tag} {size})")
        report.check(not problems, f"adaptive icon {name}: background, foreground and monochrome layers",
                     "; ".join(problems))

    # --- every reference in the manifest and the resources resolves --------------------------------
    unresolved = []
    xml_files = [main] + sorted(resources.trees)
    for path in xml_files:
        content = path.read_text(encoding="utf-8")
        for kind, name in re.findall(r'"@(string|xml|style|mipmap|drawable|color|dimen)/([A-Za-z0-9_.]+)"', content):
            if not resources.has(kind, name):
                unresolved.append(f"{path.relative_to(root)}: @{kind}/{name}")
    report.check(not unresolved, "every @string/@xml/@style/@mipmap/@drawable/@color reference is defined",
                 "; ".join(unresolved))
    # After a Gradle build: the merged manifest (every library's manifest folded in) must have no
    # INTERNET left at all.
    merged = sorted(app.glob("build/intermediates/merged_manifest*/**/AndroidManifest.xml"))
    for path in merged:
        asks = [el for el in ET.parse(path).getroot().iter("uses-permission")
                if "INTERNET" in (el.get(f"{A}name") or "")]
        report.check(not asks, f"merged manifest {path.relative_to(root)} has no INTERNET permission")
    if not merged:
        print("skip the merged manifest: no app/build/intermediates here (Gradle's processManifest makes it)")
    framework_icon = re.search(r'android:(round)?[iI]con="@android:', text)
    report.check(framework_icon is None, "no framework drawable as the app icon",
                 framework_icon.group(0) if framework_icon else "")


def check_kotlin_references(app: Path, resources: Resources, root: Path, report: Report) -> None:
    missing = []
    for path in sorted(app.glob("src/main/**/*.kt")):
        uses = re.findall(r"(?<![\w.])R\.(string|plurals|array|xml|drawable|mipmap|color)\.([A-Za-z0-9_]+)", path.read_text())
        for kind, name in uses:
            if not resources.has(kind, name):
                missing.append(f"{path.relative_to(root)}: R.{kind}.{name}")
    report.check(not missing, "every R.string / R.plurals / R.array / R.xml the Kotlin code uses is defined", "; ".join(missing))


def check_gradle(root: Path, app: Path, report: Report) -> tuple[list[str], int | None]:
    gradle_file = app / "build.gradle.kts"
    gradle = strip_kotlin_comments(gradle_file.read_text(encoding="utf-8"))

    def number(key: str) -> int | None:
        m = re.search(rf"\b{key}\s*=\s*(\d+)\b", gradle)
        return int(m.group(1)) if m else None

    target, compile_sdk, min_sdk = number("targetSdk"), number("compileSdk"), number("minSdk")
    report.check(target == PLAY_TARGET_SDK,
                 f"targetSdk = {PLAY_TARGET_SDK}, Google Play's target API level requirement",
                 f"targetSdk = {target}")
    report.check(compile_sdk is not None and target is not None and compile_sdk >= target,
                 "compileSdk is at least targetSdk", f"compileSdk = {compile_sdk}, targetSdk = {target}")
    report.check(min_sdk is not None and min_sdk >= 26,
                 "minSdk >= 26, so the anydpi-v26 adaptive icon serves every supported device",
                 f"minSdk = {min_sdk}: older devices would need PNG launcher icons")

    ndk = re.search(r'\bndkVersion\s*=\s*"([^"]+)"', gradle)
    if ndk:
        report.check(version_tuple(ndk.group(1))[:1] >= (NDK_MIN_MAJOR,),
                     f"ndkVersion {ndk.group(1)} is r{NDK_MIN_MAJOR} or newer (16 KB alignment by default)")

    deps = re.findall(r'\b(\w+)\(\s*"net\.java\.dev\.jna:jna:([^"@]+)(@aar)?"\s*\)', gradle)
    app_deps = [(conf, version, aar) for conf, version, aar in deps if not conf.startswith("test")]
    aar_ok = len(app_deps) == 1 and app_deps[0][0] == "implementation" and app_deps[0][2] == "@aar"
    report.check(aar_ok, "the app depends on JNA once, as the Android AAR (net.java.dev.jna:jna:X@aar)",
                 str(app_deps))
    if aar_ok:
        version = app_deps[0][1]
        report.check(version_tuple(version) >= JNA_MIN,
                     f"JNA {version} >= {'.'.join(map(str, JNA_MIN))} (16 KB aligned libjnidispatch.so)")
        tests = [v for conf, v, _ in deps if conf.startswith("test")]
        report.check(all(v == version for v in tests), "the JVM unit tests use the app's JNA version", str(tests))

    # The ABIs: the cargo task's -t arguments and the abiFilters must agree.
    cargo_task = re.search(r"val cargoBuild by tasks\.registering.*?\n}\n", gradle, re.S)
    cargo_abis = re.findall(r'"-t",\s*"([^"]+)"', cargo_task.group(0)) if cargo_task else []
    filters = re.search(r"abiFilters\s*\+=\s*listOf\(([^)]*)\)", gradle)
    filter_abis = re.findall(r'"([^"]+)"', filters.group(1)) if filters else []
    report.check(bool(cargo_abis) and sorted(cargo_abis) == sorted(filter_abis),
                 f"the cargo task builds the ABIs the app packages ({', '.join(cargo_abis)})",
                 f"cargo -t {cargo_abis}, abiFilters {filter_abis}")
    return cargo_abis, target


def check_cargo_config(root: Path, abis: list[str], report: Report) -> None:
    path = root / ".cargo" / "config.toml"
    if not report.check(path.is_file(), ".cargo/config.toml exists"):
        return
    if tomllib is None:
        report.check(False, ".cargo/config.toml can be read", "needs Python 3.11 (tomllib)")
        return
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        report.check(False, ".cargo/config.toml parses", str(e))
        return
    targets = config.get("target", {})
    for abi in abis:
        triple = ABI_TRIPLES.get(abi)
        flags = targets.get(triple, {}).get("rustflags", []) if triple else []
        if isinstance(flags, str):
            flags = flags.split()
        joined = " ".join(flags).replace("-C ", "-C")
        report.check(f"-C{PAGE_FLAG}" in joined, f".cargo/config.toml: {triple} ({abi}) links with max-page-size=16384",
                     f"rustflags = {flags}")
    foreign = [name for name in targets if name not in ABI_TRIPLES.values()]
    build_flags = config.get("build", {}).get("rustflags")
    report.check(not foreign and build_flags is None, ".cargo/config.toml sets flags for Android targets only",
                 f"also for {foreign}" + (f", build.rustflags = {build_flags}" if build_flags is not None else ""))


def main(argv: list[str]) -> int:
    root = Path(argv[0]).resolve() if argv else Path(__file__).resolve().parents[2]
    app = root / "android" / "app"
    report = Report()
    resources = Resources(app / "src" / "main" / "res", report)
    check_manifests(root, app, resources, report)
    check_kotlin_references(app, resources, root, report)
    abis, _ = check_gradle(root, app, report)
    check_cargo_config(root, abis, report)
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
