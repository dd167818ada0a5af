#!/usr/bin/env python3
"""Checks of the iPhone app target (ios/Steady) that need no Apple toolchain: the SwiftUI views cannot
be compiled on Linux, so what can be checked about them is checked here. Prints one "ok ..." or
"FAIL ..." line per check (tests/swift/run.sh counts them); exits 1 if any failed.

    ship_check.py --root REPO

1. screens      every screen the issue lists exists in ios/Steady/Screens, is a SwiftUI view and
                renders SteadyKit's model (`@Environment(DiaryModel.self)`).
2. words        no patient-facing string literal in ios/Steady: every literal with a letter is an
                SF Symbol name (`systemImage:`/`systemName:`/a `symbol` function) or an identifier
                of the platform code (Keychain service, folder names); no `Text("…")` anywhere.
3. members      every `model.X`, `words.X` and `words.labels.X` a view uses is declared by SteadyKit's
                DiaryModel / Words or the core's AppLabels (a misspelt member would only show in Xcode).
4. a11y         every icon-only control has an accessibility label (or is hidden), every chart and
                its marks have labels and values, no fixed font sizes (Dynamic Type).
5. privacy      PrivacyInfo.xcprivacy: no tracking, nothing collected, and a valid reason for each
                required-reason API the app and the bundled SQLite use (FileTimestamp, DiskSpace,
                UserDefaults).
6. project      project.yml: iOS 17.0, the SteadyKit package, ITSAppUsesNonExemptEncryption false,
                the app icon; the icon is a 1024 × 1024 PNG without alpha; InfoPlist.strings and
                NSFaceIDUsageDescription are the core's words; the entitlements ask for complete
                data protection.
7. old errors   the four compile errors of issue 15 cannot come back: no `KeyProvider(message:`,
                no four-argument SummaryRequest, no ObservableObject/Combine in the app.
8. readme       ios/README.md says what is compiled and tested here and what only Xcode can check.
"""

from __future__ import annotations

import argparse
import json
import plistlib
import re
import struct
import subprocess
import sys
from pathlib import Path

SCREENS = {
    "Today": ("TodayScreen.swift", "TodayScreen"),
    "Log": ("LogScreen.swift", "LogScreen"),
    "My medicines": ("MedicinesScreen.swift", "MedicinesScreen"),
    "Plan": ("PlanScreen.swift", "PlanScreen"),
    "Goals and reviews": ("GoalsScreen.swift", "GoalsScreen"),
    "Questions": ("QuestionsScreen.swift", "QuestionsScreen"),
    "History": ("HistoryScreen.swift", "HistoryScreen"),
    "Summary": ("SummaryScreen.swift", "SummaryScreenView"),
    "Settings": ("SettingsScreen.swift", "SettingsScreen"),
    "App lock": ("LockScreens.swift", "LockScreen"),
    "Lost key": ("LockScreens.swift", "KeyLostScreen"),
    "Damaged diary": ("LockScreens.swift", "DamagedScreen"),
    "Form (every entry kind, edit)": ("FormScreen.swift", "FormScreen"),
}

# Apple's required-reason API categories and the reasons valid for each (developer.apple.com,
# "Describing use of required reason API").
VALID_REASONS = {
    "NSPrivacyAccessedAPICategoryFileTimestamp": {"DDA9.1", "C617.1", "3B52.1", "0A2A.1"},
    "NSPrivacyAccessedAPICategorySystemBootTime": {"35F9.1", "8FFB.1", "3D61.1"},
    "NSPrivacyAccessedAPICategoryDiskSpace": {"85F4.1", "E174.1", "7D9E.1", "B728.1"},
    "NSPrivacyAccessedAPICategoryActiveKeyboards": {"3EC4.1", "54BD.1"},
    "NSPrivacyAccessedAPICategoryUserDefaults": {"CA92.1", "1C8F.1", "C56D.1", "AC6B.1"},
}
REQUIRED_CATEGORIES = {
    # SQLite's unix VFS: fstat/stat of the diary files.
    "NSPrivacyAccessedAPICategoryFileTimestamp",
    # SQLite on Apple platforms: statfs/fstatfs (locking style, sector size).
    "NSPrivacyAccessedAPICategoryDiskSpace",
    # The app's two preferences.
    "NSPrivacyAccessedAPICategoryUserDefaults",
}

results: list[tuple[bool, str]] = []


def check(ok: bool, what: str, detail: str = "") -> None:
    results.append((ok, what if ok or not detail else f"{what}: {detail}"))


def strip_comments(source: str) -> str:
    """Blanks // and /* */ comments, keeping line numbers and string literals."""
    out, i, n = [], 0, len(source)
    in_string = False
    while i < n:
        c = source[i]
        if in_string:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(source[i + 1])
                i += 2
                continue
            if c == '"':
                in_string = False
            i += 1
        elif c == '"':
            in_string = True
            out.append(c)
            i += 1
        elif source.startswith("//", i):
            j = source.find("\n", i)
            j = n if j < 0 else j
            i = j
        elif source.startswith("/*", i):
            j = source.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("".join("\n" if ch == "\n" else " " for ch in source[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def literals(source: str):
    """(line number, text of the literal without interpolations, the line) for every literal."""
    for number, line in enumerate(source.split("\n"), 1):
        for match in LITERAL.finditer(line):
            body = re.sub(r"\\\((?:[^()]|\([^()]*\))*\)", "", match.group(1))
            yield number, body, line, match.start()


def enclosing_function(lines: list[str], index: int) -> str:
    for j in range(index, -1, -1):
        m = re.search(r"\b(?:func|var)\s+(\w+)", lines[j])
        if m:
            return m.group(1)
        if re.match(r"^\s*(struct|class|enum|extension)\b", lines[j]):
            return ""
    return ""


def check_screens(app: Path) -> None:
    missing, wrong = [], []
    for screen, (file, view) in SCREENS.items():
        path = app / "Screens" / file
        if not path.is_file():
            missing.append(f"{screen} ({file})")
            continue
        text = path.read_text(encoding="utf-8")
        block = re.search(rf"struct {view}: View \{{(.*?)\n\}}", text, re.DOTALL)
        if not block or "import SwiftUI" not in text:
            wrong.append(f"{screen}: no SwiftUI view {view}")
        elif "@Environment(DiaryModel.self)" not in block.group(1) and view != "FormScreen":
            wrong.append(f"{screen}: {view} does not render SteadyKit's DiaryModel")
        elif view == "FormScreen" and "model.form" not in block.group(1):
            wrong.append(f"{screen}: {view} does not render the model's form")
    check(not missing and not wrong, f"screens: {len(SCREENS)} screens exist as SwiftUI views over DiaryModel",
          "; ".join(missing + wrong))
    root = (app / "Screens/RootView.swift").read_text(encoding="utf-8") if (app / "Screens/RootView.swift").exists() else ""
    reached = [view for _, (_, view) in SCREENS.items() if view not in ("FormScreen",) and not re.search(rf"\b{view}\(", "".join(
        p.read_text(encoding="utf-8") for p in (app / "Screens").glob("*.swift")).replace(f"struct {view}:", ""))]
    check("MainTabs" in root and not reached, "screens: every screen is reached from RootView's tabs or phases",
          "not reached: " + ", ".join(reached))


def check_words(app: Path) -> None:
    bad = []
    for path in sorted(app.rglob("*.swift")):
        rel = path.relative_to(app.parent.parent)
        source = strip_comments(path.read_text(encoding="utf-8"))
        lines = source.split("\n")
        platform = path.parent.name == "Platform" or path.name == "SteadyApp.swift"
        for number, body, line, column in literals(source):
            if re.search(r"\bText\(\s*\"", line[max(0, column - 6) : column + 1]) and re.search(r"[A-Za-zÀ-ÿ]", body):
                bad.append(f"{rel}:{number}: Text with a literal")
                continue
            if not re.search(r"[A-Za-zÀ-ÿ]", body):
                continue  # punctuation, times, numbers
            before = line[:column]
            sf_symbol = re.fullmatch(r"[a-z0-9]+(\.[a-z0-9]+)*", body) is not None
            if sf_symbol and (re.search(r"(systemImage|systemName):", before)
                              or "symbol" in enclosing_function(lines, number - 1).lower()):
                continue
            if platform and not re.search(r"\b(Text|Button|Label|Toggle|Picker|navigationTitle|alert)\b", line):
                continue  # identifiers: Keychain service, folder names, locale fallback
            bad.append(f"{rel}:{number}: \"{body}\"")
    check(not bad, "words: no patient-facing string literal in ios/Steady (every word is the core's)", "; ".join(bad[:12]))


def declared_members(kit: Path, core_swift: Path) -> dict[str, set[str]]:
    def public_members(text: str) -> set[str]:
        names = set(re.findall(r"public\s+(?:private\(set\)\s+)?(?:static\s+)?(?:var|let|func)\s+(\w+)", text))
        return names

    model = public_members((kit / "DiaryModel.swift").read_text(encoding="utf-8").split("public final class DiaryModel", 1)[1])
    words_text = (kit / "Words.swift").read_text(encoding="utf-8")
    words = public_members(words_text)
    labels: set[str] = set()
    if core_swift.is_file():
        block = re.search(r"public struct AppLabels \{(.*?)\n\}", core_swift.read_text(encoding="utf-8"), re.DOTALL)
        if block:
            labels = set(re.findall(r"public let (\w+):", block.group(1)))
    return {"model": model, "words": words, "labels": labels}


def check_members(app: Path, kit: Path, core_swift: Path) -> None:
    declared = declared_members(kit, core_swift)
    if not declared["labels"]:
        check(False, "members: the generated SteadyCore.swift has AppLabels", str(core_swift))
        return
    unknown = []
    for path in sorted(app.rglob("*.swift")):
        source = strip_comments(path.read_text(encoding="utf-8"))
        for number, line in enumerate(source.split("\n"), 1):
            for name in re.findall(r"\bwords\.labels\.(\w+)", line):
                if name not in declared["labels"]:
                    unknown.append(f"{path.name}:{number}: words.labels.{name}")
            for name in re.findall(r"\bwords\.(?!labels\b)(\w+)", line):
                if name not in declared["words"]:
                    unknown.append(f"{path.name}:{number}: words.{name}")
            for name in re.findall(r"\b(?:delegate\.)?model\.(\w+)", line):
                if name not in declared["model"]:
                    unknown.append(f"{path.name}:{number}: model.{name}")
    check(not unknown, "members: every model./words./words.labels. member the views use is declared by SteadyKit or the core",
          "; ".join(unknown[:12]))


def check_accessibility(app: Path) -> None:
    bad = []
    for path in sorted((app / "Screens").glob("*.swift")):
        source = strip_comments(path.read_text(encoding="utf-8"))
        lines = source.split("\n")
        for i, line in enumerate(lines):
            if "Image(systemName:" in line and "Label(" not in line:
                window = "\n".join(lines[i : i + 5])
                if ".accessibilityLabel" not in window and ".accessibilityHidden(true)" not in window:
                    bad.append(f"{path.name}:{i + 1}: an image without a label")
            if re.search(r"\.font\(\.system\(size:", line):
                bad.append(f"{path.name}:{i + 1}: a fixed font size")
        if re.search(r"\bChart\(", source):
            for needed in (".accessibilityLabel(", ".accessibilityValue("):
                if needed not in source:
                    bad.append(f"{path.name}: a chart without {needed}")
    check(not bad, "a11y: icon-only controls and charts carry the core's words for VoiceOver; no fixed font sizes",
          "; ".join(bad[:12]))


def check_privacy(app: Path) -> None:
    path = app / "PrivacyInfo.xcprivacy"
    try:
        manifest = plistlib.loads(path.read_bytes())
    except Exception as error:  # noqa: BLE001 - any parse failure is the finding
        check(False, "privacy: PrivacyInfo.xcprivacy parses", str(error))
        return
    problems = []
    if manifest.get("NSPrivacyTracking") is not False:
        problems.append("NSPrivacyTracking must be false")
    if manifest.get("NSPrivacyTrackingDomains") != []:
        problems.append("no tracking domains")
    if manifest.get("NSPrivacyCollectedDataTypes") != []:
        problems.append("nothing collected")
    declared = {}
    for entry in manifest.get("NSPrivacyAccessedAPITypes", []):
        category = entry.get("NSPrivacyAccessedAPIType")
        reasons = entry.get("NSPrivacyAccessedAPITypeReasons", [])
        if category not in VALID_REASONS:
            problems.append(f"unknown category {category}")
            continue
        if not reasons or any(r not in VALID_REASONS[category] for r in reasons):
            problems.append(f"{category}: invalid reasons {reasons}")
        declared[category] = reasons
    for category in sorted(REQUIRED_CATEGORIES - declared.keys()):
        problems.append(f"missing {category}")
    check(not problems, "privacy: PrivacyInfo.xcprivacy declares FileTimestamp, DiskSpace and UserDefaults with valid reasons, no tracking",
          "; ".join(problems))


def png_header(path: Path) -> tuple[int, int, int] | None:
    data = path.read_bytes()[:33]
    if len(data) < 33 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    width, height, _depth, color = struct.unpack(">IIBB", data[16:26])
    return width, height, color


def ftl_message(root: Path, lang: str, message_id: str) -> str | None:
    path = root / "shared/locales" / lang / "app.ftl"
    if not path.is_file():
        return None
    m = re.search(rf"^{re.escape(message_id)} = (.+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    return m.group(1).strip() if m else None


def check_project(root: Path, app: Path) -> None:
    project = (root / "ios/project.yml").read_text(encoding="utf-8")
    problems = []
    if len(re.findall(r'(?:iOS|deploymentTarget):\s*"17\.0"', project)) < 2:
        problems.append("iOS 17.0 for the project and the target")
    if re.search(r'(iOS|deploymentTarget|IPHONEOS_DEPLOYMENT_TARGET):\s*"?1[0-6]\b', project):
        problems.append("an iOS 16 setting is left")
    if not re.search(r"^\s*ITSAppUsesNonExemptEncryption:\s*false\s*$", project, re.MULTILINE):
        problems.append("ITSAppUsesNonExemptEncryption: false")
    if not re.search(r"^\s*SteadyKit:\s*\n\s*path:\s*SteadyKit", project, re.MULTILINE) or "product: SteadyKit" not in project:
        problems.append("the SteadyKit package and its product")
    if "ASSETCATALOG_COMPILER_APPICON_NAME: AppIcon" not in project:
        problems.append("the app icon")
    face_id = re.search(r"^\s*NSFaceIDUsageDescription:\s*(.+)$", project, re.MULTILINE)
    if not face_id or face_id.group(1).strip() != ftl_message(root, "en", "shell-unlock-reason"):
        problems.append("NSFaceIDUsageDescription is the core's shell-unlock-reason (en)")
    check(not problems, "project: project.yml (iOS 17, SteadyKit, ITSAppUsesNonExemptEncryption, icon, Face ID text)",
          "; ".join(problems))

    icon_dir = app / "Assets.xcassets/AppIcon.appiconset"
    icon_problems = []
    try:
        contents = json.loads((icon_dir / "Contents.json").read_text(encoding="utf-8"))
        images = [i for i in contents.get("images", []) if i.get("size") == "1024x1024" and i.get("filename")]
        if not images:
            icon_problems.append("no 1024x1024 image in Contents.json")
        for image in images:
            header = png_header(icon_dir / image["filename"])
            if header is None:
                icon_problems.append(f"{image['filename']} is not a PNG")
            elif header[:2] != (1024, 1024):
                icon_problems.append(f"{image['filename']} is {header[0]}x{header[1]}")
            elif header[2] not in (0, 2):  # greyscale or RGB: no alpha channel
                icon_problems.append(f"{image['filename']} has an alpha channel (colour type {header[2]})")
    except (OSError, ValueError) as error:
        icon_problems.append(str(error))
    check(not icon_problems, "project: app icon 1024x1024 PNG without alpha", "; ".join(icon_problems))

    strings = subprocess.run([sys.executable, str(root / "ios/scripts/generate-infoplist-strings.py"), "--check"],
                             capture_output=True, text=True)
    check(strings.returncode == 0, "project: InfoPlist.strings (en, fr, nl, nb) are the core's words",
          (strings.stdout + strings.stderr).strip())

    entitlements = plistlib.loads((app / "Steady.entitlements").read_bytes())
    check(entitlements.get("com.apple.developer.default-data-protection") == "NSFileProtectionComplete",
          "project: entitlements ask for complete data protection")


def check_old_errors(root: Path, app: Path) -> None:
    problems = []
    for path in sorted((root / "ios").rglob("*.swift")):
        if ".build" in path.parts or path.parent.name == "SteadyCore":
            continue
        text = strip_comments(path.read_text(encoding="utf-8"))
        rel = path.relative_to(root)
        if "KeyProvider(message:" in text:
            problems.append(f"{rel}: KeyProvider(message:) (the case is KeyProvider(detail:))")
        for m in re.finditer(r"SummaryRequest\(([^()]*)\)", text):
            labels = re.findall(r"(\w+):", m.group(1))
            if labels == ["from", "to", "format", "table"]:
                problems.append(f"{rel}: SummaryRequest(from:to:format:table:)")
        if path.is_relative_to(app) and re.search(r"\b(ObservableObject|@Published|import Combine)\b", text):
            problems.append(f"{rel}: Combine/ObservableObject (the model is @Observable)")
    for old in ("Core.swift", "KeychainKeyProvider.swift", "SummaryView.swift"):
        if (app / old).exists():
            problems.append(f"ios/Steady/{old} is back")
    check(not problems, "old errors: the four compile errors of issue 15 are gone for good", "; ".join(problems))


def check_readme(root: Path) -> None:
    path = root / "ios/README.md"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    needed = ["tests/swift/run.sh", "ITSAppUsesNonExemptEncryption", "PrivacyInfo.xcprivacy", "only Xcode",
              "LocalAuthentication", "UserNotifications", "SteadyKit"]
    missing = [n for n in needed if n not in text]
    check(not missing, "readme: ios/README.md says what is compiled and tested here and what only Xcode can check",
          "missing: " + ", ".join(missing))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True, type=Path)
    args = ap.parse_args()
    root = args.root.resolve()
    app = root / "ios/Steady"
    kit = root / "ios/SteadyKit/Sources/SteadyKit"
    core_swift = root / "ios/SteadyKit/Sources/SteadyCore/SteadyCore.swift"
    for step in (
        lambda: check_screens(app),
        lambda: check_words(app),
        lambda: check_members(app, kit, core_swift),
        lambda: check_accessibility(app),
        lambda: check_privacy(app),
        lambda: check_project(root, app),
        lambda: check_old_errors(root, app),
        lambda: check_readme(root),
    ):
        try:
            step()
        except Exception as error:  # noqa: BLE001 - a crashing check is a failed check
            check(False, "a check crashed", repr(error))
    for ok, what in results:
        print(("ok   " if ok else "FAIL ") + what)
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
