#!/usr/bin/env bash
# make dist-check: the tarball tried in real minimal systems (Debian's `minbase`, what a slim
# container has: libc and the terminfo entries of ncurses-base, no ncurses library).
#   scripts/dist-check.sh dist/playground-tui-VERSION-linux-ARCH.tar.gz
#   DIST_CHECK_SUITES=bullseye scripts/dist-check.sh ...      one system only
# As root (debootstrap and chroot need it). Each system is built once with debootstrap into
# $PLAYGROUND_TUI_CACHE (default /var/cache/playground-tui) and reused; the mirror is the one
# this machine's apt sources name, else debootstrap's own default. In each system, with /proc
# mounted (and unmounted after, whatever happens): --version, train, explain, data,
# --generate-manual, and the app in a pseudo-terminal (start, Space, q: exit status 0, the
# terminal given back) with TERM=xterm-256color and with TERM=xterm-kitty, which minbase lacks.
set -euo pipefail
SUITES=(${DIST_CHECK_SUITES:-bookworm bullseye})  # Debian 12 (glibc 2.36) and Debian 11 (glibc 2.31)
CACHE=${PLAYGROUND_TUI_CACHE:-/var/cache/playground-tui}

fail() { echo "dist-check: $*" >&2; exit 1; }
[ $# = 1 ] || { echo "usage: $0 TARBALL" >&2; exit 2; }
[ -f "$1" ] || fail "no tarball at $1: run 'make dist' first"
tarball=$(realpath "$1")
[ "$(id -u)" = 0 ] || fail "cannot run debootstrap and chroot without root: run 'sudo make dist-check' (not tested)"
command -v debootstrap >/dev/null || fail "cannot build the test systems: debootstrap is missing (apt-get install debootstrap)"
command -v script >/dev/null || fail "cannot drive the app: script (util-linux) is missing"

# The Debian mirror this machine's apt uses (deb822 "URIs:" or one-line "deb URL"), if any.
mirror() {
  local files=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources)
  cat "${files[@]}" 2>/dev/null \
    | sed -n -e 's/^URIs:[[:space:]]*//p' -e 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?//p' \
    | tr ' ' '\n' | grep -E '^https?://.*/debian/?$' | awk 'NR == 1' || true
}

# system SUITE: the cached minimal system's folder, built when missing.
system() {
  local root=$CACHE/$1
  if [ ! -e "$root/.complete" ]; then
    rm -rf "$root.partial"
    mkdir -p "$CACHE"
    echo "dist-check: building a Debian $1 minbase system in $root (once; a few minutes)" >&2
    # shellcheck disable=SC2046
    debootstrap --variant=minbase "$1" "$root.partial" $(mirror) > "$CACHE/$1.log" 2>&1 \
      || fail "debootstrap could not build Debian $1 (see $CACHE/$1.log)"
    rm -rf "$root"
    mv "$root.partial" "$root"
    touch "$root/.complete"
  fi
  echo "$root"
}

mounted=()
unmount_all() {
  local point
  for point in "${mounted[@]}"; do umount -l "$point" 2>/dev/null || true; done
  mounted=()
}
trap unmount_all EXIT
trap 'exit 130' INT TERM

# last_offset FILE TEXT: the byte offset of TEXT's last occurrence in FILE, -1 when absent.
last_offset() {
  local offset
  offset=$(grep -aboF -- "$2" "$1" | awk -F: 'END {print $1}')
  echo "${offset:--1}"
}

# check_app ROOT TERM: the app in a pseudo-terminal of 80x24: start, Space, q.
check_app() {
  local root=$1 term=$2 log status
  log=$(mktemp)
  # The keys come slowly, as a person types them; the pipe stays open until the app has quit.
  set +e
  { sleep 2; printf ' '; sleep 1; printf 'q'; sleep 3; } \
    | timeout 30 script -qfec "chroot '$root' /usr/bin/env -i HOME=/root PATH=/usr/bin:/bin TERM=$term \
        /bin/sh -c 'stty rows 24 cols 80 && exec /opt/playground-tui/playground-tui'" /dev/null > "$log" 2>&1
  status=$?
  set -e
  [ $status = 0 ] || fail "$suite, TERM=$term: the app ended with status $status: $(tail -c 300 "$log" | cat -v)"
  # Given back: the alternate screen left after it was last entered, the cursor shown again, and
  # the settings link printed on the normal screen after that.
  local entered left shown link
  entered=$(last_offset "$log" $'\e[?1049h')
  left=$(last_offset "$log" $'\e[?1049l')
  shown=$(last_offset "$log" $'\e[?25h')
  link=$(last_offset "$log" playground.tensorflow.org)
  [ "$entered" -ge 0 ] && [ "$left" -gt "$entered" ] || fail "$suite, TERM=$term: the app did not leave the alternate screen"
  [ "$shown" -gt "$entered" ] || fail "$suite, TERM=$term: the cursor was not shown again"
  [ "$link" -gt "$left" ] || fail "$suite, TERM=$term: no settings link after quitting"
  if [ "$term" = xterm-kitty ]; then
    grep -aqF xterm-kitty "$log" || fail "$suite, TERM=$term: no notice of the fallback on the status line"
  fi
  rm -f "$log"
  echo "dist-check: $suite: the app with TERM=$term: started, Space, q: exit 0, terminal given back"
}

for suite in "${SUITES[@]}"; do
  started=$SECONDS
  root=$(system "$suite")
  rm -rf "$root/opt/playground-tui" && mkdir -p "$root/opt/playground-tui"
  tar -xzf "$tarball" -C "$root/opt/playground-tui" --strip-components=1
  mountpoint -q "$root/proc" && umount -l "$root/proc"
  mount -t proc proc "$root/proc"
  mounted+=("$root/proc")
  run() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/bin:/bin /opt/playground-tui/playground-tui "$@"; }
  glibc=$(chroot "$root" /usr/bin/ldd --version | awk 'NR == 1 {print $NF}')
  run --version > /dev/null || fail "$suite: --version failed"
  lines=$(run train --epochs 5 2>/dev/null | wc -l) || fail "$suite: train --epochs 5 failed"
  [ "$lines" -ge 5 ] || fail "$suite: train --epochs 5 printed $lines lines"
  run explain '(x+y)*z' --at x=1,y=2,z=3 > /dev/null 2>&1 || fail "$suite: explain failed"
  run data > /dev/null 2>&1 || fail "$suite: data failed"
  manual=$(run --generate-manual) || fail "$suite: --generate-manual failed"
  [[ $manual == .Dd* ]] || fail "$suite: --generate-manual wrote no man page"
  echo "dist-check: $suite (glibc $glibc): --version, train, explain, data, --generate-manual pass"
  check_app "$root" xterm-256color
  check_app "$root" xterm-kitty
  unmount_all
  echo "dist-check: Debian $suite passed in $((SECONDS - started)) s"
done
