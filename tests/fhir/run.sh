#!/usr/bin/env bash
# Validates Steady's FHIR R4 export with independent validators (PyPI fhir.resources R4B models and
# fhircraft R4 models with FHIRPath invariants, plus document, reference, narrative and code checks):
#   1. a venv under target/fhir-venv with tests/fhir/requirements.txt (re-made when that file changes);
#   2. the ignored Rust test write_fhir_samples writes sample bundles to target/fhir-samples/;
#   3. a self-test: a valid sample must pass and deliberately broken copies of it must fail;
#   4. every sample is validated.
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
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
