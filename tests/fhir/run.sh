#!/usr/bin/env bash
# Validates Steady's FHIR R4 export with independent validators (PyPI fhir.resources R4B models and
# fhircraft R4 models with FHIRPath invariants, plus document, reference, narrative and code checks):
#   1. a venv under target/fhir-venv with tests/fhir/requirements.txt (re-made when that file changes);
#   2. the ignored Rust test write_fhir_samples writes sample bundles to target/fhir-samples/;
#   3. a self-test: a valid sample must pass and deliberately broken copies of it must fail;
#   4. every sample is validated;
#   5. the IPS samples (ips-*.json) are checked against the IPS 2.0.0 profiles by ips_check.py, which
#      reads the StructureDefinitions of the npm package hl7.fhir.uv.ips@2.0.0 (fetched once with
#      `npm pack` into target/fhir-ips; Node.js/npm from Debian if missing), with its own self-test
#      (a bundle without the allergies section, with the wrong type, ... must be rejected).
#      ips-anonymous.json (no name entered) must be rejected for ips-pat-1 only: IPS requires a
#      patient name, Steady never invents one (README, "FHIR export").
# The last line is "N passed, M failed" (N = sample bundles that validated; a failed self-test counts
# as one failure). Exits non-zero on any failure.
# Usage: bash tests/fhir/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

target="${CARGO_TARGET_DIR:-$PWD/target}"
venv="$target/fhir-venv"
samples="$target/fhir-samples"
req="tests/fhir/requirements.txt"

if [ ! -x "$venv/bin/python" ] || ! cmp -s "$req" "$venv/requirements.installed"; then
  echo "== FHIR: installing validators into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
  cp "$req" "$venv/requirements.installed"
fi

echo "== FHIR: writing sample bundles to $samples"
rm -rf "$samples"
mkdir -p "$samples"
FHIR_SAMPLES_DIR="$samples" cargo test -p steady-core --test fhir -- --ignored --exact write_fhir_samples

shopt -s nullglob
files=("$samples"/*.json)
if [ "${#files[@]}" -eq 0 ]; then
  echo "no sample bundle was written"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== FHIR: validator self-test (broken bundles must be rejected)"
self_failed=0
"$venv/bin/python" tests/fhir/validate.py --self-test "$samples/rich.json" || self_failed=1

echo "== FHIR: validating ${#files[@]} bundles"
set +e
out="$("$venv/bin/python" tests/fhir/validate.py "${files[@]}")"
status=$?
set -e
printf '%s\n' "$out" | grep -v -E '^[0-9]+ passed, [0-9]+ failed$' || true
passed="$(printf '%s\n' "$out" | grep -c '^PASS ' || true)"
failed="$(printf '%s\n' "$out" | grep -c '^FAIL ' || true)"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the validator itself broke
fi
if [ "$self_failed" -ne 0 ]; then
  echo "the validator self-test failed: it cannot be trusted to reject a broken bundle"
  failed=$((failed + 1))
fi

echo "== FHIR: IPS 2.0.0 profiles (npm hl7.fhir.uv.ips, checked by tests/fhir/ips_check.py)"
ips_dir="$target/fhir-ips"
if [ ! -f "$ips_dir/package/package.json" ] || ! grep -q '"version": *"2.0.0"' "$ips_dir/package/package.json"; then
  if ! command -v npm >/dev/null; then
    apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
  fi
  rm -rf "$ips_dir"
  mkdir -p "$ips_dir"
  (cd "$ips_dir" && npm pack --silent hl7.fhir.uv.ips@2.0.0 >/dev/null && tar xzf hl7.fhir.uv.ips-2.0.0.tgz)
fi
if "$venv/bin/python" tests/fhir/ips_check.py "$ips_dir/package" --self-test "$samples/ips-rich.json"; then
  passed=$((passed + 1))
else
  echo "the IPS checker's self-test failed"
  failed=$((failed + 1))
fi
set +e
ips_out="$("$venv/bin/python" tests/fhir/ips_check.py "$ips_dir/package" "$samples"/ips-*.json)"
set -e
printf '%s\n' "$ips_out" | grep -v -E '^[0-9]+ passed, [0-9]+ failed$' || true
for f in "$samples"/ips-*.json; do
  name="$(basename "$f")"
  if [ "$name" = "ips-anonymous.json" ]; then
    # Rejected, and only for the missing name (ips-pat-1 and the Patient slice it empties).
    block="$(printf '%s\n' "$ips_out" | awk -v f="$f" '$0 == "FAIL " f {on=1; next} /^(PASS|FAIL) / {on=0} on')"
    if [ -n "$block" ] && ! printf '%s\n' "$block" | grep -v -E 'ips-pat-1|slice Bundle.entry:patient has 0' | grep -q .; then
      passed=$((passed + 1))
    else
      echo "$name: expected a rejection for ips-pat-1 only"
      failed=$((failed + 1))
    fi
  elif printf '%s\n' "$ips_out" | grep -qx "PASS $f"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
