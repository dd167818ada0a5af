#!/usr/bin/env bash
# A real Swift 6 toolchain (swiftc, SwiftPM, XCTest, Foundation) on a Linux CI machine that has none.
#
# Debian bookworm has no Swift; Debian trixie packages the whole toolchain as `swiftlang`. So this
# installs trixie with debootstrap into a chroot under the cargo target directory
# (${CARGO_TARGET_DIR:-target}/swift-chroot, about 2.6 GB, so `cargo clean` removes it) and runs
# Swift commands inside it. Only Debian's own packages are used: no toolchain is downloaded from
# anywhere else.
#
# Usage, sourced (as tests/swift/run.sh does):
#   source tests/swift/toolchain.sh
#   swift_toolchain_setup                       # builds the chroot once, then reuses it
#   swift_in_chroot [--bind DIR]... [--ro DIR]... DIR CMD [ARG]...
#                                               # runs CMD in DIR inside the chroot, e.g.
#   swift_in_chroot --ro "$TARGET_DIR/debug" "$PKG" swift test
# or as a command:
#   tests/swift/toolchain.sh setup
#   tests/swift/toolchain.sh run [--bind DIR]... [--ro DIR]... DIR CMD [ARG]...
#   tests/swift/toolchain.sh clean              # unmounts what is left, deletes the chroot
#
# DIR and every --bind/--ro directory are bind-mounted into the chroot at the *same* path, so the
# paths in compiler messages, in `-L` flags and in rpaths are the same inside and outside, and
# SwiftPM's .build directory stays in DIR on the host (the second run is incremental).
#
# Mounts: each run happens in a private mount namespace (unshare --mount) when the kernel allows
# it, so the kernel drops every mount when the run ends, even when it is killed with SIGKILL; a
# trap unmounts them as well. Without unshare, plain mounts and the trap are used, and leftovers of
# a killed run are unmounted before the next run or deletion. Nothing under the chroot is ever
# deleted while findmnt shows a mount below it, and deletion never crosses a file system boundary.
# (Only on that fallback path can a SIGKILLed run leave binds behind; `toolchain.sh clean`, or any
# later run, removes them. Do that before deleting the target directory by other means.)
#
# Environment: CARGO_TARGET_DIR (where the chroot goes), SWIFT_CHROOT (the chroot's path, overrides
# that), SWIFT_CHROOT_MIRROR (Debian mirror; default: the host's apt sources, else
# http://deb.debian.org/debian), SWIFT_CHROOT_SUITE (default trixie), SWIFT_CHROOT_NO_UNSHARE=1
# (use the plain-mount path). Needs root (debootstrap, chroot and mount do).

# Only a script run as a command gets strict mode here: a caller that sources this file has its own
# options (tests/*.sh all use `set -euo pipefail`). The functions check every step themselves, so
# they behave the same with or without -e (bash ignores -e inside `f || …` anyway).
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
fi

SWIFT_TOOLCHAIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SWIFT_TARGET_DIR="${CARGO_TARGET_DIR:-$SWIFT_TOOLCHAIN_ROOT/target}"
case "$SWIFT_TARGET_DIR" in /*) ;; *) SWIFT_TARGET_DIR="$SWIFT_TOOLCHAIN_ROOT/$SWIFT_TARGET_DIR" ;; esac
SWIFT_CHROOT="${SWIFT_CHROOT:-$SWIFT_TARGET_DIR/swift-chroot}"
SWIFT_CHROOT_SUITE="${SWIFT_CHROOT_SUITE:-trixie}"
# swiftlang brings the compiler, SwiftPM, XCTest, swift-testing, Foundation, Dispatch and
# Observation, and depends on gcc, binutils, libcurl and libxml2. gcc only recommends libc6-dev,
# which --no-install-recommends skips, but every link needs its crt1.o and libc.so; tzdata is the
# zone database Foundation's TimeZone reads. (libstdc++-14-dev is not needed: a pure Swift package
# with a C header builds without it.) Changing this list re-runs apt-get in an existing chroot; it
# installs what is missing and removes nothing.
SWIFT_CHROOT_PACKAGES=(swiftlang libc6-dev tzdata)
# Two markers inside the chroot, each written only after its stage succeeded: the base one after
# debootstrap, the toolchain one after the packages are installed and `swift --version`, `swift test
# --version` and a compiled and linked program ran inside the chroot. The toolchain marker holds the
# suite and package list. No base marker: debootstrap was interrupted, the chroot is deleted and
# built again. Base marker only (apt-get interrupted, or the package list changed): the package
# stage runs again, and if that fails the chroot is built again from scratch once.
SWIFT_CHROOT_BASE_MARKER="$SWIFT_CHROOT/.steady-debootstrap-done"
SWIFT_CHROOT_MARKER="$SWIFT_CHROOT/.steady-swift-toolchain"
SWIFT_CHROOT_LOG="$SWIFT_CHROOT.log"
SWIFT_CHROOT_LOCK="$SWIFT_CHROOT.lock"

_swift_fail() {
  echo "swift toolchain: FAILED: $*" >&2
  return 1
}

# Runs a step with its output in the log; on failure shows the log's end, then one line.
_swift_step() {
  local what="$1"
  shift
  echo "== $what" >>"$SWIFT_CHROOT_LOG"
  if ! "$@" >>"$SWIFT_CHROOT_LOG" 2>&1; then
    tail -n 25 "$SWIFT_CHROOT_LOG" >&2
    _swift_fail "$what (full log: $SWIFT_CHROOT_LOG)"
    return 1
  fi
}

# The mirror: the first Debian archive (a URI whose path ends in /debian) of the host's apt sources,
# from deb822 `URIs:` lines or classic `deb [options] URI suite …` lines. Other repositories
# (security, nodesource, cloud vendors) and snapshot mirrors of them are skipped.
swift_chroot_mirror() {
  if [[ -n "${SWIFT_CHROOT_MIRROR:-}" ]]; then
    echo "$SWIFT_CHROOT_MIRROR"
    return
  fi
  local uri
  uri="$(
    {
      cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
        sed -n 's/^[[:space:]]*URIs:[[:space:]]*//p' | tr -s ' \t' '\n'
      cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        sed -n 's/^[[:space:]]*deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p'
    } | grep -E '^https?://[^[:space:]]+/debian/?$' | head -n 1 || true
  )"
  echo "${uri:-http://deb.debian.org/debian}"
}

# Every mount point at or below the chroot, deepest first (findmnt lists parents before children).
_swift_mounts_below() {
  local root
  root="$(realpath -m "$SWIFT_CHROOT")"
  findmnt -rn -o TARGET 2>/dev/null | sed 's/\\x20/ /g' |
    awk -v r="$root" '$0 == r || index($0, r "/") == 1' | tac
}

# Unmounts whatever a killed run (or debootstrap) left below the chroot. Fails when something stays.
swift_chroot_unmount_all() {
  local m
  while IFS= read -r m; do
    [[ -n $m ]] || continue
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done < <(_swift_mounts_below)
  if [[ -n "$(_swift_mounts_below)" ]]; then
    _swift_fail "still mounted below $SWIFT_CHROOT: $(_swift_mounts_below | tr '\n' ' ')"
    return 1
  fi
}

# Deletes the chroot, but only when nothing is mounted below it; --one-file-system is a second
# guard: rm never descends into a mount it did not expect (a bind-mounted source directory).
_swift_chroot_delete() {
  [[ -e $SWIFT_CHROOT ]] || return 0
  swift_chroot_unmount_all || return 1
  rm -rf --one-file-system "$SWIFT_CHROOT" || {
    _swift_fail "could not delete $SWIFT_CHROOT"
    return 1
  }
}

_swift_chroot_stamp() {
  echo "suite=$SWIFT_CHROOT_SUITE"
  echo "packages=${SWIFT_CHROOT_PACKAGES[*]}"
}

# usr/bin/swift is an absolute symlink into the chroot's /usr/libexec, which does not resolve from
# the host: test the link itself, not its target.
_swift_has_swift() {
  [[ -L $SWIFT_CHROOT/usr/bin/swift || -x $SWIFT_CHROOT/usr/bin/swift ]]
}

_swift_chroot_complete() {
  [[ -f $SWIFT_CHROOT_MARKER ]] && _swift_has_swift &&
    [[ "$(cat "$SWIFT_CHROOT_MARKER")" == "$(_swift_chroot_stamp)" ]]
}

# True when `unshare --mount` works here (root with CAP_SYS_ADMIN, not forbidden by a container).
_swift_can_unshare() {
  [[ "${SWIFT_CHROOT_NO_UNSHARE:-0}" != 1 ]] && command -v unshare >/dev/null 2>&1 &&
    unshare --mount --propagation private true 2>/dev/null
}

# The part that runs with the mounts: mounts proc and the binds, chroots, always unmounts.
# Arguments: CHROOT WORKDIR NBINDS [rw|ro DIR]... -- CMD [ARG]...
# Run in its own process (a new mount namespace, or a subshell), so its traps are its own and never
# replace those of the script that sourced this file.
_swift_mounted_run() {
  local chroot="$1" workdir="$2" nbinds="$3"
  shift 3
  local -a binds=()
  local i
  for ((i = 0; i < nbinds; i++)); do
    binds+=("$1" "$2")
    shift 2
  done
  [[ "${1:-}" == "--" ]] && shift

  # Global, not local: the EXIT trap runs after this function has returned. This process is a
  # subshell or a new namespace, so the caller never sees it.
  _swift_mounted=()
  _swift_unmount_mine() {
    local j
    for ((j = ${#_swift_mounted[@]} - 1; j >= 0; j--)); do
      umount "${_swift_mounted[j]}" 2>/dev/null || umount -l "${_swift_mounted[j]}" 2>/dev/null ||
        echo "swift toolchain: could not unmount ${_swift_mounted[j]}" >&2
    done
    _swift_mounted=()
  }
  trap _swift_unmount_mine EXIT
  # bash skips the EXIT trap when a signal kills it; turn the usual ones into an exit.
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP

  # swiftc finds its runtime and resource directory through /proc/self/exe; Foundation reads
  # /proc too. /dev/null etc. exist as nodes made by debootstrap, so /dev is not mounted.
  mount -t proc proc "$chroot/proc" || { _swift_fail "mount proc in $chroot"; return 1; }
  _swift_mounted+=("$chroot/proc")
  for ((i = 0; i < ${#binds[@]}; i += 2)); do
    local mode="${binds[i]}" dir="${binds[i + 1]}"
    mkdir -p "$chroot$dir" || { _swift_fail "mkdir $chroot$dir"; return 1; }
    mount --bind "$dir" "$chroot$dir" || { _swift_fail "bind-mount $dir"; return 1; }
    _swift_mounted+=("$chroot$dir")
    if [[ $mode == ro ]]; then
      mount -o remount,bind,ro "$chroot$dir" || { _swift_fail "remount $dir read-only"; return 1; }
    fi
  done

  # A clean environment: the host's PATH, CC, RUSTFLAGS, … mean nothing inside.
  chroot "$chroot" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" \
    PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
    /bin/sh -c 'cd "$1" && shift && exec "$@"' sh "$workdir" "$@"
}

# swift_in_chroot [--bind DIR]... [--ro DIR]... DIR CMD [ARG]...
# Runs CMD inside the chroot with DIR as working directory; returns CMD's exit status. DIR and the
# --bind directories are mounted read-write, the --ro ones read-only, each at its own path.
swift_in_chroot() {
  local -a binds=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --bind | --ro)
        [[ $# -ge 2 && -d $2 ]] || { _swift_fail "$1 needs an existing directory, got '${2:-}'"; return 1; }
        binds+=("$([[ $1 == --ro ]] && echo ro || echo rw)" "$(realpath "$2")")
        shift 2
        ;;
      *) break ;;
    esac
  done
  if [[ $# -lt 2 || ! -d $1 ]]; then
    _swift_fail "usage: swift_in_chroot [--bind DIR]... [--ro DIR]... DIR CMD [ARG]... (DIR must exist)"
    return 1
  fi
  local workdir
  workdir="$(realpath "$1")"
  shift
  _swift_chroot_complete || { _swift_fail "no complete chroot at $SWIFT_CHROOT (run swift_toolchain_setup)"; return 1; }
  binds=(rw "$workdir" "${binds[@]}")
  local i _len mode_path
  # Parents are mounted before what lies inside them (shorter paths first), so a --ro directory
  # inside DIR stays read-only and DIR inside a --ro directory stays writable.
  local -a sorted=()
  while IFS=$'\t' read -r _len mode_path; do
    sorted+=("${mode_path%%:*}" "${mode_path#*:}")
  done < <(for ((i = 0; i < ${#binds[@]}; i += 2)); do
    printf '%s\t%s:%s\n' "${#binds[i + 1]}" "${binds[i]}" "${binds[i + 1]}"
  done | sort -n -s -k1,1)
  binds=("${sorted[@]}")
  for ((i = 1; i < ${#binds[@]}; i += 2)); do
    # Mounting / (or the chroot's own /usr, /etc, …) over the chroot would hide the toolchain.
    case "${binds[i]}" in
      / | /usr | /usr/* | /etc | /etc/* | /proc | /proc/* | /dev | /dev/* | /bin | /lib | /lib64 | /sbin)
        _swift_fail "refusing to bind-mount ${binds[i]} into the chroot"
        return 1
        ;;
    esac
  done
  local chroot
  chroot="$(realpath "$SWIFT_CHROOT")"

  local status=0
  # One run at a time per chroot: two runs would mount proc on top of each other.
  exec {_swift_lock_fd}>"$SWIFT_CHROOT_LOCK"
  flock "$_swift_lock_fd"
  if _swift_can_unshare; then
    unshare --mount --propagation private \
      bash -c "$(declare -f _swift_fail _swift_mounted_run); _swift_mounted_run \"\$@\"" swift-run \
      "$chroot" "$workdir" $((${#binds[@]} / 2)) "${binds[@]}" -- "$@" || status=$?
  else
    swift_chroot_unmount_all || { exec {_swift_lock_fd}>&-; return 1; }
    (_swift_mounted_run "$chroot" "$workdir" $((${#binds[@]} / 2)) "${binds[@]}" -- "$@") || status=$?
  fi
  # Belt and braces: nothing of this run may stay mounted.
  if [[ -n "$(_swift_mounts_below)" ]]; then
    swift_chroot_unmount_all || status=1
  fi
  exec {_swift_lock_fd}>&-
  return "$status"
}

# Runs a command inside the chroot as root with only proc mounted (for apt-get during setup).
_swift_chroot_exec() {
  local chroot
  chroot="$(realpath "$SWIFT_CHROOT")"
  if _swift_can_unshare; then
    unshare --mount --propagation private \
      bash -c "$(declare -f _swift_fail _swift_mounted_run); _swift_mounted_run \"\$@\"" swift-setup \
      "$chroot" / 0 -- "$@"
  else
    (_swift_mounted_run "$chroot" / 0 -- "$@")
  fi
}

_swift_apt_in_chroot() {
  _swift_chroot_exec env DEBIAN_FRONTEND=noninteractive apt-get "$@"
}

_swift_chroot_build() {
  local mirror="$1" keyring=()
  [[ -f /usr/share/keyrings/debian-archive-keyring.gpg ]] &&
    keyring=(--keyring=/usr/share/keyrings/debian-archive-keyring.gpg)
  mkdir -p "$(dirname "$SWIFT_CHROOT")" || return 1
  # debootstrap mounts proc and sys inside the target and leaves them when it fails; in a private
  # namespace those mounts die with it.
  local -a ns=()
  _swift_can_unshare && ns=(unshare --mount --propagation private)
  _swift_step "debootstrap --variant=minbase $SWIFT_CHROOT_SUITE $mirror" \
    "${ns[@]}" debootstrap --variant=minbase "${keyring[@]}" "$SWIFT_CHROOT_SUITE" "$SWIFT_CHROOT" "$mirror" ||
    return 1
  swift_chroot_unmount_all || return 1
}

_swift_chroot_install_packages() {
  # Name resolution inside the chroot for apt; debootstrap's copy may be missing or stale.
  cp -L /etc/resolv.conf "$SWIFT_CHROOT/etc/resolv.conf" 2>/dev/null || true
  # apt in the chroot must not try to start services.
  printf '#!/bin/sh\nexit 101\n' >"$SWIFT_CHROOT/usr/sbin/policy-rc.d" &&
    chmod 755 "$SWIFT_CHROOT/usr/sbin/policy-rc.d" || { _swift_fail "write policy-rc.d"; return 1; }
  # Finishes what an interrupted dpkg run left half-configured; a no-op otherwise.
  _swift_step "dpkg --configure -a (in the chroot)" _swift_chroot_exec dpkg --configure -a || return 1
  _swift_step "apt-get update (in the chroot)" _swift_apt_in_chroot update -q || return 1
  _swift_step "apt-get install ${SWIFT_CHROOT_PACKAGES[*]} (in the chroot)" \
    _swift_apt_in_chroot install -y -q --no-install-recommends "${SWIFT_CHROOT_PACKAGES[@]}" || return 1
  # The downloaded .deb files (~450 MB) are not needed once installed.
  _swift_step "apt-get clean (in the chroot)" _swift_apt_in_chroot clean || return 1
  # dpkg --audit lists packages an interrupted run left half-installed; it must list none.
  _swift_step "dpkg --audit (in the chroot) lists nothing" \
    _swift_chroot_exec sh -c 'out="$(dpkg --audit)"; [ -z "$out" ] || { echo "$out"; exit 1; }' || return 1
  _swift_step "swift --version (in the chroot)" _swift_chroot_exec swift --version || return 1
  _swift_step "swift test --version (in the chroot)" _swift_chroot_exec swift test --version || return 1
  # Compiling is not enough: a missing libc6-dev shows only when linking.
  local smoke="$SWIFT_CHROOT/tmp/steady-swift-smoke"
  rm -rf "$smoke" && mkdir -p "$smoke" &&
    printf 'import Foundation\nprint("swift smoke test: \\(ProcessInfo.processInfo.processorCount) cores")\n' \
      >"$smoke/main.swift" || { _swift_fail "write $smoke/main.swift"; return 1; }
  _swift_step "swiftc: compile, link and run a Foundation program (in the chroot)" \
    _swift_chroot_exec sh -c 'cd /tmp/steady-swift-smoke && swiftc main.swift -o smoke && ./smoke' || return 1
  rm -rf "$smoke"
}

# Builds the chroot when it is missing, half-built or built from another package list; reuses a
# complete one. Prints how long it took. Non-zero exit, with one line saying what failed, on error.
swift_toolchain_setup() {
  local start=$SECONDS
  if [[ $(id -u) != 0 ]]; then
    _swift_fail "needs root (debootstrap, chroot and mount do)"
    return 1
  fi
  mkdir -p "$(dirname "$SWIFT_CHROOT")" || { _swift_fail "mkdir $(dirname "$SWIFT_CHROOT")"; return 1; }
  # One setup or run at a time per chroot (two CI jobs on one machine, or setup during a run).
  exec {_swift_lock_fd}>"$SWIFT_CHROOT_LOCK"
  flock "$_swift_lock_fd"
  local status=0 version=""
  _swift_toolchain_setup_locked || status=$?
  [[ $status == 0 ]] && version="$(_swift_chroot_exec swift --version 2>/dev/null | head -n 1)"
  exec {_swift_lock_fd}>&-
  [[ $status == 0 ]] || return "$status"
  echo "swift toolchain: ${version:-swift --version printed nothing}"
  echo "swift toolchain: ready in $((SECONDS - start)) s ($SWIFT_CHROOT)"
}

_swift_toolchain_setup_locked() {
  if _swift_chroot_complete; then
    echo "swift toolchain: reusing $SWIFT_CHROOT"
    return 0
  fi
  : >"$SWIFT_CHROOT_LOG"
  swift_chroot_unmount_all || return 1
  if [[ -f $SWIFT_CHROOT_BASE_MARKER && "$(cat "$SWIFT_CHROOT_BASE_MARKER")" == "suite=$SWIFT_CHROOT_SUITE" ]]; then
    # The toolchain marker goes first, so an interruption from here on is seen next time.
    rm -f "$SWIFT_CHROOT_MARKER"
    echo "swift toolchain: installing or updating the packages in $SWIFT_CHROOT (log: $SWIFT_CHROOT_LOG)"
    if _swift_chroot_install_packages; then
      _swift_chroot_stamp >"$SWIFT_CHROOT_MARKER"
      return 0
    fi
    echo "swift toolchain: that failed; building the chroot again from scratch" >&2
  fi
  if [[ -e $SWIFT_CHROOT ]]; then
    echo "swift toolchain: deleting the incomplete $SWIFT_CHROOT (an interrupted or failed run)"
    _swift_chroot_delete || return 1
  fi

  command -v debootstrap >/dev/null 2>&1 || {
    echo "swift toolchain: installing debootstrap with apt-get"
    _swift_step "apt-get update" apt-get update -q || return 1
    _swift_step "apt-get install debootstrap" \
      env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap || return 1
  }
  # debootstrap knows a suite by its script; one older than bookworm's lacks trixie.
  if [[ ! -e /usr/share/debootstrap/scripts/$SWIFT_CHROOT_SUITE ]]; then
    _swift_fail "this debootstrap does not know the suite $SWIFT_CHROOT_SUITE (upgrade debootstrap)"
    return 1
  fi

  local mirror
  mirror="$(swift_chroot_mirror)"
  echo "swift toolchain: installing Debian $SWIFT_CHROOT_SUITE and swiftlang into $SWIFT_CHROOT" \
    "from $mirror (about 450 MB download, 2.6 GB on disk; log: $SWIFT_CHROOT_LOG)"
  _swift_chroot_build "$mirror" || return 1
  echo "suite=$SWIFT_CHROOT_SUITE" >"$SWIFT_CHROOT_BASE_MARKER"
  _swift_chroot_install_packages || return 1
  _swift_chroot_stamp >"$SWIFT_CHROOT_MARKER"
}

# Deletes the chroot (after unmounting anything left below it).
swift_toolchain_clean() {
  exec {_swift_lock_fd}>"$SWIFT_CHROOT_LOCK"
  flock "$_swift_lock_fd"
  local status=0
  _swift_chroot_delete || status=$?
  exec {_swift_lock_fd}>&-
  return "$status"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  case "${1:-}" in
    setup) swift_toolchain_setup ;;
    run)
      shift
      swift_in_chroot "$@"
      ;;
    clean) swift_toolchain_clean ;;
    mirror) swift_chroot_mirror ;;
    *)
      echo "usage: $0 setup | run [--bind DIR]... [--ro DIR]... DIR CMD [ARG]... | clean | mirror" >&2
      exit 2
      ;;
  esac
fi
