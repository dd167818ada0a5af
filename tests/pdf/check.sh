#!/usr/bin/env bash
# Reads the PDF summaries back with independent tools, as a clinician's computer would. Writes the
# samples with the ignored test `write_pdf_samples` (shared/tests/pdf.rs): the 8-week demo diary in
# en, fr, nl and nb, the English one with two sections hidden, a switch to diazepam in Dutch, and a
# year of data. Then checks each with qpdf (structure), pdfinfo (A4, 1–2 pages), pdffonts (every
# font embedded), pdftotext (the period as the locale writes dates, the DE table, the mean daily DE
# in the locale's decimals, localized section titles, accents intact) and pdftoppm (page 1 as PNG;
# every pixel grey, so the page prints the same in black and white). A truncated copy must fail the
# same checks, which proves they can fail.
# Tagged PDF: every sample passes PyPI pdfua's machine-checkable subset of PDF/UA-1 with no finding
# and tests/pdf/tagged.py's pikepdf reading of the structure tree (Document, one H1, H2, P, tables
# with TH /Scope /Column, every Figure with an /Alt stating numbers, /Lang, DisplayDocTitle, XMP
# pdfuaid:part 1); both are installed into target/pdf-venv from tests/pdf/requirements.txt. An
# untagged copy and a copy whose figures lost their /Alt must fail both. The questions section is
# on the same page in all four languages (page 1, as in English).
# Usage: tests/pdf/check.sh [--update-docs]   (--update-docs copies page 1 of the English sample to
# docs/summary-demo-page1.png)
set -euo pipefail
cd "$(dirname "$0")/../.."
export LC_ALL=C.UTF-8

update_docs=false
for arg in "$@"; do
  case "$arg" in
    --update-docs) update_docs=true ;;
    *) echo "usage: $0 [--update-docs]" >&2; exit 2 ;;
  esac
done

missing=()
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  missing+=(poppler-utils)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing ${missing[*]}"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

dir=target/pdf-samples
rm -rf "$dir"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! cargo test -q -p steady-core --test pdf -- --ignored --exact write_pdf_samples >"$log" 2>&1; then
  cat "$log" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
ko() { failed=$((failed + 1)); echo "FAIL $1"; }
check() {
  local name="$1"
  shift
  if "$@"; then ok "$name"; else ko "$name"; fi
}

# Text of a PDF (in a file next to it, so grep never cuts a pipe short), with no-break spaces
# (U+00A0, U+202F) read as plain spaces.
text_of() {
  local txt="${1%.pdf}.txt"
  if [ ! -f "$txt" ]; then
    pdftotext -enc UTF-8 "$1" "$txt.raw" 2>/dev/null || : >"$txt.raw"
    sed -e 's/\xc2\xa0/ /g' -e 's/\xe2\x80\xaf/ /g' "$txt.raw" >"$txt"
    rm -f "$txt.raw"
  fi
  echo "$txt"
}
has_text() { grep -qiF -- "$2" "$(text_of "$1")"; }
lacks_text() { ! has_text "$1" "$2"; }
qpdf_ok() { qpdf --check "$1" >/dev/null 2>&1; }
pages_ok() {
  local info pages
  info="$(pdfinfo "$1" 2>/dev/null)" || return 1
  pages="$(awk '/^Pages:/ {print $2}' <<<"$info")"
  grep -q '^Page size: *595.28 x 841.89 pts (A4)' <<<"$info" && [ "${pages:-0}" -ge 1 ] && [ "$pages" -le 2 ]
}
fonts_embedded() {
  local fonts
  fonts="$(pdffonts "$1" 2>/dev/null | tail -n +3)" || return 1
  [ -n "$fonts" ] && ! awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit !bad }' <<<"$fonts"
}
small_enough() { [ "$(stat -c %s "$1")" -lt $((200 * 1024)) ]; }

# Every check one sample must pass: structure, A4 with 1–2 pages, fonts, and each expected phrase.
sample_checks() {
  local pdf="$1"
  shift
  qpdf_ok "$pdf" && pages_ok "$pdf" && fonts_embedded "$pdf" || return 1
  local needle
  for needle in "$@"; do
    has_text "$pdf" "$needle" || { echo "     missing: $needle" >&2; return 1; }
  done
}

# The demo diary: 12 Jan – 8 Mar 2026; 98.25 mg lormetazepam over 56 days, Ashton 1–2 mg ≈ 10 mg
# diazepam → 491.25–982.5 mg DE → 8.77–17.5 mg DE per day (hand-computed in shared/tests/pdf.rs).
en=(
  "12 Jan – 8 Mar 2026" "Ashton" "8.77–17.5 mg DE per day" "Daily dose in diazepam equivalents"
  "Sleep and anxiety by week" "What I want to talk about" "Taper plan" "Goal attainment (GAS)"
  "Funeral of my aunt" "Can I take my evening dose earlier" "Réveil à 3 h, j'ai repris ¼ comprimé"
  "søvnen var dårlig" "Planned dose (taper plan)"
)
fr=(
  "12 janv. – 8 mars 2026" "Ashton" "8,77–17,5 mg éq. diazépam par jour"
  "Dose quotidienne en équivalents diazépam" "Sommeil et anxiété par semaine" "Ce dont je veux parler"
  "Plan de réduction progressive" "lormétazépam" "Réveil à 3 h"
)
nl=(
  "12 jan. – 8 mrt. 2026" "Ashton" "8,77–17,5 mg DE per dag" "Diazepamequivalenten (DE) volgens Ashton"
  "Waarover ik wil praten" "Afbouwschema" "patiënt" "Réveil à 3 h"
)
nb=(
  "12. jan. – 8. mars 2026" "Ashton" "8,77–17,5 mg DE per dag" "Døgndose i diazepamekvivalenter"
  "Søvn og angst per uke" "Dette vil jeg snakke om" "Nedtrappingsplan" "søvnen var dårlig"
)
check "en: qpdf, A4, 1–2 pages, fonts embedded, period, table, mean DE, titles, accents" \
  sample_checks "$dir/summary-en.pdf" "${en[@]}"
check "fr: qpdf, A4, 1–2 pages, fonts embedded, period, table, mean DE, titles, accents" \
  sample_checks "$dir/summary-fr.pdf" "${fr[@]}"
check "nl: qpdf, A4, 1–2 pages, fonts embedded, period, table, mean DE, titles, accents" \
  sample_checks "$dir/summary-nl.pdf" "${nl[@]}"
check "nb: qpdf, A4, 1–2 pages, fonts embedded, period, table, mean DE, titles, accents" \
  sample_checks "$dir/summary-nb.pdf" "${nb[@]}"
for lang in en fr nl nb; do
  check "$lang: under 200 KB" small_enough "$dir/summary-$lang.pdf"
done

check "hidden: says what the patient left out" sample_checks "$dir/summary-en-hidden.pdf" \
  "2 sections hidden by the patient" "Left out by the patient: non-prescribed use, notes"
hidden_text_absent() { lacks_text "$1" "Réveil" && lacks_text "$1" "Funeral of my aunt"; }
check "hidden: the hidden notes and hold reason are not in the text" \
  hidden_text_absent "$dir/summary-en-hidden.pdf"
check "switch (nl): the equivalence used and its table, with ≈; pace flags" \
  sample_checks "$dir/summary-nl-switch.pdf" "alprazolam 1,5 mg ≈ 30 mg diazepam (Ashton Manual)" \
  "afgesproken met Dr. Janssens" "Sneller dan 25% per 2 weken"
check "year: a year of data fits 1–2 pages and counts what did not fit" \
  sample_checks "$dir/summary-en-year.pdf" "10 Mar 2025 – 8 Mar 2026" "… and"

# Tagged PDF (PDF/UA-1): pdfua and a pikepdf reading of the structure tree, from a venv under target/.
target="${CARGO_TARGET_DIR:-$PWD/target}"
venv="$target/pdf-venv"
req="tests/pdf/requirements.txt"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$req" "$venv/requirements.installed"; then
  echo "installing pdfua and pikepdf into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
  cp "$req" "$venv/requirements.installed"
fi
# pdfua exits 0 only with no finding at all (errors, warnings or info); its summary line is kept.
pdfua_clean() {
  local out rc=0
  out="$("$venv/bin/pdfua" check "$1" 2>&1)" || rc=$?
  grep -E 'checked against|result:|\[(ERROR|WARN|INFO|skip)' <<<"$out" | sed 's/^ */     /' >&2
  [ "$rc" -eq 0 ] && grep -q 'errors=0 warnings=0 info=0' <<<"$out" && ! grep -q '\[skip' <<<"$out"
}
tags_ok() { "$venv/bin/python" tests/pdf/tagged.py "$1" "$2" >&2; }
pdfinfo_tagged() { pdfinfo "$1" 2>/dev/null | grep -q '^Tagged: *yes'; }
tagged_sample() { pdfinfo_tagged "$1" && tags_ok "$1" "$2" && pdfua_clean "$1"; }
for sample in en:en fr:fr nl:nl nb:nb en-hidden:en nl-switch:nl en-year:en; do
  name="${sample%%:*}"
  check "$name: tagged PDF/UA-1 (pdfua: no finding; structure tree, TH scope, figure alt, /Lang)" \
    tagged_sample "$dir/summary-$name.pdf" "${sample##*:}"
done
"$venv/bin/python" tests/pdf/tagged.py --strip "$dir/summary-en.pdf" "$dir/broken-untagged.pdf"
"$venv/bin/python" tests/pdf/tagged.py --no-alt "$dir/summary-en.pdf" "$dir/broken-no-alt.pdf"
fails_pdfua() { ! pdfua_clean "$1" 2>/dev/null; }
fails_tags() { ! tags_ok "$1" en 2>/dev/null; }
check "an untagged copy fails pdfua" fails_pdfua "$dir/broken-untagged.pdf"
check "an untagged copy fails the structure-tree reading" fails_tags "$dir/broken-untagged.pdf"
check "a copy whose figures lost their /Alt fails pdfua" fails_pdfua "$dir/broken-no-alt.pdf"
check "a copy whose figures lost their /Alt fails the structure-tree reading" fails_tags "$dir/broken-no-alt.pdf"

# The same pages in every language: the questions section is on the page English puts it on (1).
questions_page() {
  local pdf="$1" title="$2" page
  for page in 1 2; do
    if pdftotext -f "$page" -l "$page" -enc UTF-8 "$pdf" - 2>/dev/null | grep -qxF -- "$title"; then
      echo "$page"
      return
    fi
  done
  echo none
}
en_page="$(questions_page "$dir/summary-en.pdf" "What I want to talk about")"
same_page() { [ "$en_page" = 1 ] && [ "$(questions_page "$1" "$2")" = "$en_page" ]; }
check "en: the questions are on page 1" same_page "$dir/summary-en.pdf" "What I want to talk about"
check "fr: the questions are on the same page as in English" same_page "$dir/summary-fr.pdf" "Ce dont je veux parler"
check "nl: the questions are on the same page as in English" same_page "$dir/summary-nl.pdf" "Waarover ik wil praten"
check "nb: the questions are on the same page as in English" same_page "$dir/summary-nb.pdf" "Dette vil jeg snakke om"

# The checks can fail: a truncated copy of a good PDF must not pass them.
head -c "$(($(stat -c %s "$dir/summary-en.pdf") / 2))" "$dir/summary-en.pdf" >"$dir/broken-truncated.pdf"
rejected() { ! sample_checks "$@" 2>/dev/null; }
check "a truncated PDF is rejected" rejected "$dir/broken-truncated.pdf" "${en[@]}"

# Page 1 as a picture for a person to look at; grey-scale only, so it prints the same.
png="$dir/summary-en-page1.png"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$dir/summary-en.pdf" "${png%.png}"
is_png() { [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; }
check "page 1 renders to PNG" is_png "$png"
pdftoppm -r 40 -f 1 -l 1 -singlefile "$dir/summary-en.pdf" "$dir/summary-en-page1"
check "page 1 is grey-scale only (readable in black-and-white print)" python3 - "$dir/summary-en-page1.ppm" <<'EOF'
import sys
data = open(sys.argv[1], "rb").read()
# Binary PPM: "P6", width, height, max value (each followed by whitespace), then RGB bytes.
fields, pos = [], 0
while len(fields) < 4:
    while data[pos : pos + 1].isspace():
        pos += 1
    end = pos
    while not data[end : end + 1].isspace():
        end += 1
    fields.append(data[pos:end])
    pos = end
assert fields[0] == b"P6", fields[0]
pixels = data[pos + 1 :]
assert len(pixels) == int(fields[1]) * int(fields[2]) * 3, "truncated image"
coloured = sum(1 for i in range(0, len(pixels) - 2, 3) if not pixels[i] == pixels[i + 1] == pixels[i + 2])
sys.exit(1 if coloured else 0)
EOF

if $update_docs; then
  mkdir -p docs
  cp "$png" docs/summary-demo-page1.png
  echo "updated docs/summary-demo-page1.png"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
