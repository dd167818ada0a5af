#!/usr/bin/env python3
"""Profile conformance of Steady's IPS bundles against the IPS 2.0.0 StructureDefinitions.

Usage:
    ips_check.py PACKAGE_DIR FILE...            check each bundle; last line "N passed, M failed"
    ips_check.py PACKAGE_DIR --self-test FILE   FILE must pass; broken copies of it must fail

PACKAGE_DIR is the unpacked npm package `hl7.fhir.uv.ips@2.0.0` (its `package/` folder). Nothing
about the profiles is written here: every rule comes from the package's StructureDefinition
snapshots —
  * cardinality (min/max) of every element, per instance of its parent (a primitive's `_name`
    extension counts as present, as FHIR JSON defines);
  * fixed[x] / pattern[x] values (pattern: the instance must contain the pattern);
  * slicing by value/pattern (e.g. the Composition's sections by LOINC code) and by type/profile
    (the Bundle's entries by resource type): each slice's min/max, and the slice's own element
    rules on the instances it matches;
  * the profile's own FHIRPath invariants (e.g. ips-comp-1, ips-pat-1), evaluated with fhircraft's
    FHIRPath engine.
A resource is checked against every IPS profile it claims in meta.profile and against the profile
the Bundle's slice names for its entry. Required value-set bindings are not checked here (the
terminology is not in the package); validate.py checks the small HL7 code systems.
"""

import copy
import glob
import json
import os
import sys
import warnings

warnings.filterwarnings("ignore")  # fhircraft's notes on its own type resolution, not findings

from fhircraft.fhir.path import parse_fhirpath


def load_package(pkg):
    sds = {}
    for path in glob.glob(os.path.join(pkg, "StructureDefinition-*.json")):
        with open(path, encoding="utf-8") as f:
            sd = json.load(f)
        if sd.get("snapshot") and sd.get("kind") == "resource":
            sds[sd["url"]] = sd
    if not sds:
        raise SystemExit(f"no StructureDefinition with a snapshot in {pkg}")
    return sds


def children(value, name):
    """Values of member `name` (a `[x]` choice matches every typed name) of one instance."""
    if not isinstance(value, dict):
        return []
    if name.endswith("[x]"):
        stem = name[:-3]
        found = []
        for k, v in value.items():
            if k.startswith(stem) and k[len(stem):len(stem) + 1].isupper():
                found.extend(v if isinstance(v, list) else [v])
        return found
    if name in value:
        v = value[name]
        return v if isinstance(v, list) else [v]
    if "_" + name in value:  # a primitive given only by its extensions
        v = value["_" + name]
        return v if isinstance(v, list) else [v]
    return []


def at(instances, rel):
    out = list(instances)
    for part in [p for p in rel.split(".") if p]:
        out = [c for v in out for c in children(v, part)]
    return out


def matches(value, pattern):
    if isinstance(pattern, dict):
        return isinstance(value, dict) and all(
            k in value and matches(value[k], p) for k, p in pattern.items()
        )
    if isinstance(pattern, list):
        return isinstance(value, list) and all(any(matches(v, p) for v in value) for p in pattern)
    return value == pattern


def fixed_or_pattern(el):
    for k, v in el.items():
        if k.startswith("fixed") or k.startswith("pattern"):
            return k, v
    return None


class Checker:
    def __init__(self, sds):
        self.sds = sds
        self.cache = {}

    def conforms(self, resource, url, where):
        """The problems of `resource` against profile `url` (memoised per resource object)."""
        key = (id(resource), url)
        if key not in self.cache:
            self.cache[key] = self.check(resource, url, where)
        return self.cache[key]

    def check(self, resource, url, where):
        sd = self.sds[url]
        elements = sd["snapshot"]["element"]
        by_id = {e["id"]: e for e in elements}
        problems = []
        self._elements(resource, elements, by_id, sd["type"], [resource], sd["url"], where, problems)
        return problems

    def _elements(self, root, elements, by_id, base, instances, url, where, problems, prefix=None):
        """Checks `instances` (all at element id `prefix`, or the resource root) against the
        elements directly below them, recursing into slices."""
        prefix = prefix or base
        for el in elements:
            eid = el["id"]
            if not eid.startswith(prefix + ".") or ":" in eid[len(prefix) + 1:]:
                continue
            rel = eid[len(prefix) + 1:]
            parent_rel, _, name = rel.rpartition(".")
            if name in ("extension", "modifierExtension") and el.get("min", 0) == 0:
                continue
            parents = at(instances, parent_rel)
            lo, hi = el.get("min", 0), el.get("max", "*")
            for p in parents:
                values = children(p, name)
                if len(values) < lo:
                    problems.append(f"{where}: {eid} has {len(values)}, needs at least {lo} ({url})")
                if hi != "*" and len(values) > int(hi):
                    problems.append(f"{where}: {eid} has {len(values)}, at most {hi} allowed ({url})")
                fp = fixed_or_pattern(el)
                if fp:
                    for v in values:
                        if not matches(v, fp[1]):
                            problems.append(f"{where}: {eid} {json.dumps(v)} does not match {fp[0]} {json.dumps(fp[1])}")
                self._constraints(el, values, url, where, problems)
            if el.get("slicing"):
                self._slices(root, elements, by_id, el, parents, name, url, where, problems)
        if prefix == base:
            self._constraints(by_id.get(base, {}), instances, url, where, problems)

    def _constraints(self, el, values, url, where, problems):
        for c in el.get("constraint", []):
            if c.get("source") != url or c.get("severity") != "error" or not c.get("expression"):
                continue
            expr = parse_fhirpath(c["expression"])
            for v in values:
                if not isinstance(v, dict):
                    continue
                try:
                    ok = expr.values(v)
                except Exception as e:  # an expression the engine cannot evaluate is a failure
                    problems.append(f"{where}: {c['key']} could not be evaluated: {e}")
                    continue
                if ok != [True]:
                    problems.append(f"{where}: {el['id']} fails {c['key']}: {c.get('human', '')}")

    def _slices(self, root, elements, by_id, el, parents, name, url, where, problems):
        sliced = el["id"]
        discriminators = el["slicing"].get("discriminator", [])
        slices = [e for e in elements if e["id"].startswith(sliced + ":") and "." not in e["id"][len(sliced) + 1:]]
        for sl in slices:
            sid = sl["id"]
            for p in parents:
                candidates = children(p, name)
                matched = [v for v in candidates if self._in_slice(v, sid, by_id, discriminators)]
                lo, hi = sl.get("min", 0), sl.get("max", "*")
                if len(matched) < lo:
                    problems.append(f"{where}: slice {sid} has {len(matched)}, needs at least {lo} ({url})")
                    # Say why the candidates of the right type do not conform to the slice's profile.
                    for v in candidates:
                        for prof in self._profiles(by_id, sid, discriminators, v):
                            problems.extend(self.conforms(v["resource"], prof, f"{where} {sid}"))
                if hi != "*" and len(matched) > int(hi):
                    problems.append(f"{where}: slice {sid} has {len(matched)}, at most {hi} allowed ({url})")
                if matched:
                    self._constraints(sl, matched, url, where, problems)
                    self._elements(root, elements, by_id, sid, matched, url, f"{where} {sid}", problems, prefix=sid)

    def _profiles(self, by_id, sid, discriminators, value):
        """The profiles a profile discriminator of slice `sid` asks `value`'s resource to meet."""
        out = []
        for d in discriminators:
            if d["type"] == "profile" and d.get("path") == "resource" and isinstance(value, dict):
                for t in (by_id.get(f"{sid}.resource") or {}).get("type", []):
                    if value.get("resource", {}).get("resourceType") == t["code"]:
                        out.extend(p for p in t.get("profile", []) if p in self.sds)
        return out

    def _in_slice(self, value, sid, by_id, discriminators):
        if not discriminators:
            return False
        for d in discriminators:
            path = d.get("path", "$this")
            if d["type"] in ("value", "pattern"):
                el = by_id.get(f"{sid}.{path}") if path != "$this" else by_id.get(sid)
                fp = fixed_or_pattern(el or {})
                if not fp:
                    return False
                vals = at([value], path) if path != "$this" else [value]
                if not any(matches(v, fp[1]) for v in vals):
                    return False
            elif d["type"] in ("type", "profile"):
                el = by_id.get(f"{sid}.{path}") if path != "$this" else by_id.get(sid)
                types = [t for t in (el or {}).get("type", [])]
                vals = at([value], path) if path != "$this" else [value]
                if not vals or not all(
                    isinstance(v, dict) and v.get("resourceType") in [t["code"] for t in types] for v in vals
                ):
                    return False
                if d["type"] == "profile":
                    # Slicing by profile: the resource belongs to the slice when it conforms.
                    profiles = [p for t in types for p in t.get("profile", []) if p in self.sds]
                    if profiles and not any(not self.conforms(v, p, "slice") for v in vals for p in profiles):
                        return False
            else:
                return False
        return True


def check_bundle(checker, bundle):
    problems = []
    claimed = [p for p in bundle.get("meta", {}).get("profile", []) if p in checker.sds]
    if not claimed:
        return ["the Bundle claims no IPS profile"]
    for url in claimed:
        problems.extend(checker.check(bundle, url, "Bundle"))
    for i, e in enumerate(bundle.get("entry", [])):
        r = e.get("resource", {})
        for url in r.get("meta", {}).get("profile", []):
            if url.startswith("http://hl7.org/fhir/uv/ips/") and url not in checker.sds:
                problems.append(f"entry {i}: unknown IPS profile {url}")
            elif url in checker.sds:
                problems.extend(checker.check(r, url, f"entry {i} {r.get('resourceType')}"))
    return sorted(set(problems))


def broken_copies(bundle):
    """Deliberately broken IPS bundles, each of which must be rejected."""
    def comp(b):
        return b["entry"][0]["resource"]

    def drop_section(code):
        def f(b):
            comp(b)["section"] = [s for s in comp(b)["section"] if s["code"]["coding"][0]["code"] != code]
        return f

    def wrong_type(b):
        comp(b)["type"]["coding"][0]["code"] = "51855-5"

    def empty_problems(b):
        for s in comp(b)["section"]:
            if s["code"]["coding"][0]["code"] == "11450-4":
                s.pop("entry", None)
                s.pop("emptyReason", None)

    def no_patient_name(b):
        b["entry"][1]["resource"].pop("name", None)

    def no_timestamp(b):
        b.pop("timestamp", None)

    # name: (breakage, a word the rejection must name: the rule read from the package)
    cases = {
        "missing allergies section": (drop_section("48765-2"), "sectionAllergies"),
        "missing problems section": (drop_section("11450-4"), "sectionProblems"),
        "wrong composition type": (wrong_type, "60591-5"),
        "problems section with neither entry nor emptyReason": (empty_problems, "ips-comp-1"),
        "patient without name": (no_patient_name, "Patient.name"),
        "bundle without timestamp": (no_timestamp, "Bundle.timestamp"),
    }
    for name, (f, word) in cases.items():
        b = copy.deepcopy(bundle)
        f(b)
        yield name, word, b


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    checker = Checker(load_package(argv[1]))
    print(f"loaded {len(checker.sds)} IPS StructureDefinitions from {argv[1]}")
    if argv[2] == "--self-test":
        with open(argv[3], encoding="utf-8") as f:
            good = json.load(f)
        ok = True
        problems = check_bundle(checker, good)
        if problems:
            print(f"SELF-TEST FAIL: the valid sample was rejected: {problems[:5]}")
            ok = False
        for name, word, bad in broken_copies(good):
            found = [p for p in check_bundle(checker, bad) if word in p]
            if found:
                print(f"rejected as expected: {name} ({found[0]})")
            else:
                print(f"SELF-TEST FAIL: not rejected for {word}: {name}")
                ok = False
        return 0 if ok else 1
    passed = failed = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            problems = check_bundle(checker, json.load(f))
        if problems:
            failed += 1
            print(f"FAIL {path}")
            for p in problems:
                print(f"  {p}")
        else:
            passed += 1
            print(f"PASS {path}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
