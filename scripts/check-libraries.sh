#!/usr/bin/env bash
# Fails when a binary needs a shared library that a machine without a Swift toolchain may lack.
#   scripts/check-libraries.sh BINARY          runs ldd on BINARY
#   scripts/check-libraries.sh --ldd FILE      reads ldd's output from FILE ("-": standard input)
# Allowed: the C library (libc, libm, the dynamic loader, the kernel's vDSO) and ncursesw with
# the libtinfo it pulls in. Everything else (the Swift runtime, Foundation, libstdc++,
# libgcc_s) must be linked in statically.
set -euo pipefail
allowed='^(linux-vdso\.so\.1|linux-gate\.so\.1|libc\.so\.6|libm\.so\.6|libncursesw\.so\.6|libtinfo\.so\.6|ld-linux[-a-z0-9_.]*\.so\.[0-9]+)$'
if [ "${1:-}" = --ldd ]; then
  listing=$(cat "${2:--}")
  what="the ldd output in ${2:--}"
else
  [ $# = 1 ] || { echo "usage: $0 BINARY | --ldd FILE" >&2; exit 2; }
  listing=$(ldd "$1")
  what=$1
fi
unexpected=()
while read -r first rest; do
  [ -n "$first" ] || continue
  name=${first##*/}
  if [[ $rest == *"not found"* ]]; then
    unexpected+=("$name (not found)")
  elif ! [[ $name =~ $allowed ]]; then
    unexpected+=("$name")
  fi
done <<<"$listing"
if [ ${#unexpected[@]} -gt 0 ]; then
  echo "check-libraries: $what needs libraries beyond libc, libm and ncursesw: ${unexpected[*]}" >&2
  exit 1
fi
echo "check-libraries: $what needs only: $(awk '{print $1}' <<<"$listing" | sed 's,.*/,,' | tr '\n' ' ')"
