#!/usr/bin/env python3
"""Independent validation of Steady's FHIR R4 document bundles.

Usage:
    validate.py FILE...           validate each bundle; last line "N passed, M failed"
    validate.py --self-test FILE  FILE must pass, and every deliberately broken copy of it must fail

Layers, each reported with its tag:
  [R4B]       fhir.resources (PyPI) R4B pydantic models: the Bundle and every entry's resource
  [R4]        fhircraft (PyPI) FHIR 4.0.1 models, which also evaluate the specification's FHIRPath
              invariants (bdl-*, mad-1, gol-1, obs-*, cpl-3, cmp-*, ...)
  [document]  document-bundle rules checked here: type, identifier, timestamp, Composition first,
              unique fullUrls, resource id matching its urn:uuid fullUrl
  [reference] every `reference` anywhere resolves to a fullUrl inside the bundle
  [narrative] every narrative div is well-formed XHTML in the XHTML namespace, uses only the
              elements FHIR allows, has no event attributes and is not empty
  [codes]     codes of required bindings are in their R4 value sets; codes of small HL7 code
              systems exist in that system; dateTimes with a time carry an offset
Exit status is non-zero when anything fails.
"""

import copy
import json
import re
import sys
import warnings
import xml.etree.ElementTree as ET

XHTML = "http://www.w3.org/1999/xhtml"
# Elements FHIR narrative may use (R4, Narrative: "basic html formatting elements").
ALLOWED_XHTML = set(
    "a abbr acronym b big blockquote br caption cite code col colgroup dd dfn div dl dt em h1 h2 h3 "
    "h4 h5 h6 hr i img li ol p pre q samp small span strong sub sup table tbody td tfoot th thead tr "
    "tt ul var".split()
)

# Required bindings (R4 4.0.1), by path.
REQUIRED = {
    ("Bundle", "type"): {"document"},
    ("Composition", "status"): {"preliminary", "final", "amended", "entered-in-error"},
    ("Composition", "confidentiality"): {"U", "L", "M", "N", "R", "V"},
    ("MedicationAdministration", "status"): {
        "in-progress", "not-done", "on-hold", "completed", "entered-in-error", "stopped", "unknown",
    },
    ("Observation", "status"): {
        "registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown",
    },
    ("Goal", "lifecycleStatus"): {
        "proposed", "planned", "accepted", "active", "on-hold", "completed", "cancelled", "entered-in-error",
        "rejected",
    },
    ("CarePlan", "status"): {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"},
    ("CarePlan", "intent"): {"proposal", "plan", "order", "option"},
}
ACTIVITY_STATUS = {
    "not-started", "scheduled", "in-progress", "on-hold", "completed", "cancelled", "stopped", "unknown",
    "entered-in-error",
}
NARRATIVE_STATUS = {"generated", "extensions", "additional", "empty"}

# Small HL7 code systems: a code used with one of these systems must exist in it.
CODE_SYSTEMS = {
    "http://terminology.hl7.org/CodeSystem/medication-admin-category": {"inpatient", "outpatient", "community"},
    "http://terminology.hl7.org/CodeSystem/medication-statement-category": {
        "inpatient", "outpatient", "community", "patientspecified",
    },
    "http://terminology.hl7.org/CodeSystem/observation-category": {
        "social-history", "vital-signs", "imaging", "laboratory", "procedure", "survey", "exam", "therapy",
        "activity",
    },
    "http://terminology.hl7.org/CodeSystem/goal-achievement": {
        "in-progress", "improving", "worsening", "no-change", "achieved", "sustaining", "not-achieved",
        "no-progress", "not-attainable",
    },
    "http://terminology.hl7.org/CodeSystem/goal-category": {
        "dietary", "safety", "behavioral", "nursing", "physiotherapy",
    },
    "http://terminology.hl7.org/CodeSystem/list-empty-reason": {
        "nilknown", "notasked", "withheld", "unavailable", "notstarted", "closed",
    },
}
CODE_FORMATS = {
    "http://loinc.org": re.compile(r"^(LA)?\d{1,6}-\d$"),
    "http://www.whocc.no/atc": re.compile(r"^[A-Z]\d\d[A-Z][A-Z]\d\d$"),
}
DATE_TIME_WITH_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?$")
HAS_OFFSET = re.compile(r"(Z|[+-]\d\d:\d\d)$")


def _snake(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class Models:
    """The two independent model libraries, imported once (fhircraft takes ~30 s to import)."""

    def __init__(self):
        from fhir.resources.R4B import get_fhir_model_class

        self.r4b = get_fhir_model_class
        self._r4 = {}

    def r4(self, resource_type):
        if resource_type not in self._r4:
            import importlib

            module = importlib.import_module(
                "fhircraft.fhir.resources.datatypes.R4.core." + _snake(resource_type)
            )
            self._r4[resource_type] = getattr(module, resource_type)
        return self._r4[resource_type]


def _first_lines(err, n=6):
    lines = [l for l in str(err).splitlines() if l.strip() and "errors.pydantic.dev" not in l]
    return " | ".join(lines[:n])


def _walk(value, path=""):
    """Yields (path, key, value) for every key of every object in `value`."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield path, k, v
            yield from _walk(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, f"{path}[{i}]")


def check_models(bundle, models, errors, notes):
    entries = bundle.get("entry") or []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for tag, get in (("R4B", models.r4b), ("R4", models.r4)):
            try:
                get("Bundle").model_validate(bundle)
            except Exception as e:  # noqa: BLE001 — any model error is a validation failure
                errors.append(f"[{tag}] Bundle: {_first_lines(e)}")
            for i, entry in enumerate(entries):
                resource = entry.get("resource") or {}
                rtype = resource.get("resourceType", "?")
                try:
                    get(rtype).model_validate(resource)
                except Exception as e:  # noqa: BLE001
                    errors.append(f"[{tag}] entry[{i}] {rtype}: {_first_lines(e)}")
    skipped = [w for w in caught if w.category.__name__ == "FHIRPathWarning"]
    advisories = [w for w in caught if w.category.__name__ == "FhirValidationWarning"]
    if skipped:
        notes.append(f"{len(skipped)} invariant(s) fhircraft could not evaluate")
    if advisories:
        kinds = sorted({re.sub(r"^.*?\[([\w-]+)\].*$", r"\1", str(w.message).replace("\n", " ")) for w in advisories})
        notes.append(f"{len(advisories)} warning-level advisories ({', '.join(kinds)[:120]})")


def check_document(bundle, errors):
    if bundle.get("resourceType") != "Bundle":
        errors.append("[document] not a Bundle")
        return
    if bundle.get("type") != "document":
        errors.append("[document] Bundle.type is not 'document'")
    ident = bundle.get("identifier") or {}
    if not (ident.get("system") and ident.get("value")):
        errors.append("[document] bdl-9: a document needs identifier.system and identifier.value")
    if not bundle.get("timestamp"):
        errors.append("[document] bdl-10: a document needs a timestamp")
    entries = bundle.get("entry") or []
    if not entries or (entries[0].get("resource") or {}).get("resourceType") != "Composition":
        errors.append("[document] bdl-11: the first resource must be a Composition")
    seen = set()
    for i, e in enumerate(entries):
        url = e.get("fullUrl")
        resource = e.get("resource")
        if not url or resource is None:
            errors.append(f"[document] entry[{i}] needs fullUrl and resource")
            continue
        if url in seen:
            errors.append(f"[document] bdl-7: duplicate fullUrl {url}")
        seen.add(url)
        if url.startswith("urn:uuid:") and resource.get("id") not in (None, url[len("urn:uuid:"):]):
            errors.append(f"[document] entry[{i}] id {resource.get('id')} disagrees with fullUrl {url}")


def check_references(bundle, errors):
    urls = {e.get("fullUrl") for e in bundle.get("entry") or []}
    for path, key, value in _walk(bundle):
        if key == "reference" and isinstance(value, str) and value not in urls:
            errors.append(f"[reference] {path}.reference = {value} does not resolve inside the bundle")
    entries = bundle.get("entry") or []
    if entries:
        comp = entries[0].get("resource") or {}
        by_url = {e.get("fullUrl"): (e.get("resource") or {}).get("resourceType") for e in entries}
        subject = (comp.get("subject") or {}).get("reference")
        if comp.get("resourceType") == "Composition" and by_url.get(subject) != "Patient":
            errors.append("[reference] Composition.subject is not the bundle's Patient")


def _check_div(div, where, errors):
    try:
        root = ET.fromstring(div)
    except ET.ParseError as e:
        errors.append(f"[narrative] {where}: not well-formed XML: {e}")
        return
    if root.tag != f"{{{XHTML}}}div":
        errors.append(f"[narrative] {where}: root must be a div in the XHTML namespace, got {root.tag}")
    for el in root.iter():
        ns, _, local = el.tag.rpartition("}")
        if ns.lstrip("{") != XHTML or local not in ALLOWED_XHTML:
            errors.append(f"[narrative] {where}: element {el.tag} not allowed in FHIR narrative")
        for attr in el.attrib:
            if attr.lower().startswith("on"):
                errors.append(f"[narrative] {where}: event attribute {attr} not allowed")
    if not "".join(root.itertext()).strip():
        errors.append(f"[narrative] {where}: txt-2: narrative must have non-whitespace content")


def check_narrative(bundle, errors):
    for path, key, value in _walk(bundle):
        if key == "text" and isinstance(value, dict) and "div" in value:
            if value.get("status") not in NARRATIVE_STATUS:
                errors.append(f"[narrative] {path}.text.status {value.get('status')!r} not in the value set")
            _check_div(value["div"], path + ".text", errors)


def check_codes(bundle, errors):
    resources = [("Bundle", bundle)] + [
        ((e.get("resource") or {}).get("resourceType"), e.get("resource") or {}) for e in bundle.get("entry") or []
    ]
    for rtype, resource in resources:
        for (t, field), allowed in REQUIRED.items():
            if t == rtype and field in resource and resource[field] not in allowed:
                errors.append(f"[codes] {rtype}.{field} {resource[field]!r} not in its required value set")
        if rtype == "CarePlan":
            for i, a in enumerate(resource.get("activity") or []):
                status = (a.get("detail") or {}).get("status")
                if status not in ACTIVITY_STATUS:
                    errors.append(f"[codes] CarePlan.activity[{i}].detail.status {status!r} not in its value set")
    for path, key, value in _walk(bundle):
        if key == "coding" and isinstance(value, list):
            for c in value:
                system, code = c.get("system"), c.get("code")
                if system in CODE_SYSTEMS and code not in CODE_SYSTEMS[system]:
                    errors.append(f"[codes] {path}: code {code!r} does not exist in {system}")
                if system in CODE_FORMATS and not CODE_FORMATS[system].match(code or ""):
                    errors.append(f"[codes] {path}: {code!r} is not a well-formed code of {system}")
        if isinstance(value, str) and (key.endswith("DateTime") or key in ("timestamp", "date", "start", "end")):
            if DATE_TIME_WITH_TIME.match(value) and not HAS_OFFSET.search(value):
                errors.append(f"[codes] {path}.{key} {value!r}: a time needs an offset")


def validate(bundle, models):
    """Returns (errors, notes) for one parsed bundle."""
    errors, notes = [], []
    check_document(bundle, errors)
    check_references(bundle, errors)
    check_narrative(bundle, errors)
    check_codes(bundle, errors)
    check_models(bundle, models, errors, notes)
    return errors, notes


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _entry(bundle, rtype):
    return next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == rtype)


def mutants(base):
    """Deliberately broken copies of a valid bundle, each with the rule it breaks."""

    def m(name, tag, fn):
        b = copy.deepcopy(base)
        fn(b)
        return name, tag, b

    def no_status(b):
        del _entry(b, "MedicationAdministration")["status"]

    def dosage_without_dose(b):
        ma = _entry(b, "MedicationAdministration")
        ma["dosage"] = {"text": "1 tablet, strength unknown"}

    def dangling(b):
        _entry(b, "MedicationAdministration")["subject"] = {"reference": "urn:uuid:00000000-0000-4000-8000-000000000000"}

    def composition_second(b):
        b["entry"][0], b["entry"][1] = b["entry"][1], b["entry"][0]

    def duplicate_url(b):
        b["entry"][2]["fullUrl"] = b["entry"][1]["fullUrl"]

    def no_namespace(b):
        s = b["entry"][0]["resource"]["section"][0]["text"]
        s["div"] = s["div"].replace(f' xmlns="{XHTML}"', "")

    def script(b):
        s = b["entry"][0]["resource"]["section"][0]["text"]
        s["div"] = s["div"].replace("</div>", "<script>alert(1)</script></div>")

    def unknown_element(b):
        _entry(b, "Goal")["mood"] = "hopeful"

    def bad_lifecycle(b):
        _entry(b, "Goal")["lifecycleStatus"] = "changed"

    def wrong_category_system(b):
        for e in b["entry"]:
            r = e["resource"]
            for c in (r.get("category") or {}).get("coding", []) if isinstance(r.get("category"), dict) else []:
                c["system"] = "http://terminology.hl7.org/CodeSystem/medication-admin-category"
                c["code"] = "patientspecified"

    def no_offset(b):
        ma = _entry(b, "MedicationAdministration")
        ma["effectiveDateTime"] = ma["effectiveDateTime"][:19]

    def no_identifier(b):
        del b["identifier"]

    def goal_detail_without_measure(b):
        for e in b["entry"]:
            r = e["resource"]
            if r["resourceType"] == "Goal":
                r["target"] = [{"detailQuantity": {"value": 1, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]

    # Each broken copy names the layer that must catch it, so a layer that silently stops checking
    # (e.g. a library upgrade that no longer enforces an invariant) fails the self-test.
    return [
        m("MedicationAdministration without status", "R4B", no_status),
        m("MedicationAdministration without status", "R4", no_status),
        m("dosage without dose or rate", "R4:mad-1", dosage_without_dose),
        m("reference outside the bundle", "reference", dangling),
        m("Composition not first", "document:bdl-11", composition_second),
        m("duplicate fullUrl", "document:bdl-7", duplicate_url),
        m("narrative div without XHTML namespace", "narrative", no_namespace),
        m("script element in narrative", "narrative", script),
        m("unknown element on Goal", "R4B", unknown_element),
        m("unknown element on Goal", "R4", unknown_element),
        m("Goal.lifecycleStatus outside its value set", "codes", bad_lifecycle),
        m("patientspecified in medication-admin-category", "codes", wrong_category_system),
        m("dateTime with time but no offset", "codes", no_offset),
        m("document without identifier", "R4:bdl-9", no_identifier),
        m("target detail without measure", "R4:gol-1", goal_detail_without_measure),
    ]


def self_test(path, models):
    base = load(path)
    errors, _ = validate(base, models)
    if errors:
        print(f"SELF-TEST FAIL: base {path} does not validate:")
        for e in errors:
            print("   ", e)
        return False
    ok = True
    cases = mutants(base)
    for name, tag, bundle in cases:
        errors, _ = validate(bundle, models)
        layer, _, rule = tag.partition(":")
        caught = [e for e in errors if e.startswith(f"[{layer}]") and rule in e]
        caught.sort(key=lambda e: "] entry[" not in e)  # the resource's own error is the clearest
        if caught:
            print(f"self-test: rejected as expected by [{tag}]: {name}: {caught[0][len(layer) + 3:][:150]}")
        else:
            print(f"SELF-TEST FAIL: [{tag}] accepted a broken bundle: {name} (other errors: {len(errors)})")
            ok = False
    print(f"self-test: {'ok' if ok else 'FAILED'} ({len(cases)} broken bundles)")
    return ok


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    models = Models()
    if argv[0] == "--self-test":
        return 0 if all(self_test(p, models) for p in argv[1:]) and argv[1:] else 1
    passed = failed = 0
    for path in argv:
        try:
            bundle = load(path)
        except (OSError, ValueError) as e:
            errors, notes = [f"[json] {e}"], []
        else:
            errors, notes = validate(bundle, models)
        if errors:
            failed += 1
            print(f"FAIL {path}")
            for e in errors:
                print("    ", e)
        else:
            passed += 1
            n = len(bundle.get("entry") or [])
            extra = f" ({'; '.join(notes)})" if notes else ""
            print(f"PASS {path}: {n} resources{extra}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
