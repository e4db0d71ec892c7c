#!/usr/bin/env bash
# Fails when a binary needs a shared library that a machine without a Swift toolchain may lack,
# or a glibc newer than the one it promises to run on.
#   scripts/check-libraries.sh [--glibc 2.31] BINARY     runs ldd (and objdump -T) on BINARY
#   scripts/check-libraries.sh --ldd FILE                reads ldd's output from FILE ("-": stdin)
#   scripts/check-libraries.sh --glibc 2.31 --symbols FILE   reads objdump -T's output from FILE
# Allowed: glibc's own libraries (libc, libm, the dynamic loader, the kernel's vDSO, and the
# libpthread and libdl that glibc before 2.34 kept threads and dlopen in). Everything else (the
# Swift runtime, Foundation, libstdc++, libgcc_s, ncurses) must be linked in statically.
set -euo pipefail
allowed='^(linux-vdso\.so\.1|linux-gate\.so\.1|libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|ld-linux[-a-z0-9_.]*\.so\.[0-9]+)$'
usage() { echo "usage: $0 [--glibc VERSION] BINARY | --ldd FILE | --glibc VERSION --symbols FILE" >&2; exit 2; }

# check_glibc MAX LISTING WHAT: the highest GLIBC_x.y version in objdump -T's LISTING is at most MAX.
check_glibc() {
  local highest
  highest=$(grep -o 'GLIBC_[0-9][0-9.]*' <<<"$2" | sed 's/GLIBC_//' | sort -uV | tail -1)
  [ -n "$highest" ] || { echo "check-libraries: $3 names no glibc version (is it a dynamic ELF binary?)" >&2; exit 1; }
  if [ "$(printf '%s\n%s\n' "$highest" "$1" | sort -V | tail -1)" != "$1" ]; then
    echo "check-libraries: $3 needs glibc $highest, newer than $1:" \
      "$(grep -E "GLIBC_$highest( |\)|$)" <<<"$2" | awk '{print $NF}' | sort -u | tr '\n' ' ')" >&2
    exit 1
  fi
  echo "check-libraries: $3 needs glibc $highest at most (limit $1)"
}

glibc=
if [ "${1:-}" = --glibc ]; then
  [ $# -ge 3 ] || usage
  glibc=$2
  shift 2
  if [ "$1" = --symbols ]; then
    [ $# = 2 ] || usage
    check_glibc "$glibc" "$(cat "$2")" "the objdump -T output in $2"
    exit 0
  fi
fi
if [ "${1:-}" = --ldd ]; then
  [ $# = 2 ] || usage
  listing=$(cat "$2")
  what="the ldd output in $2"
else
  [ $# = 1 ] || usage
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
  echo "check-libraries: $what needs libraries beyond glibc's own: ${unexpected[*]}" >&2
  exit 1
fi
echo "check-libraries: $what needs only: $(awk '{print $1}' <<<"$listing" | sed 's,.*/,,' | tr '\n' ' ')"
if [ -n "$glibc" ]; then check_glibc "$glibc" "$(objdump -T "$1")" "$1"; fi
