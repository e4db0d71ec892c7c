#!/usr/bin/env bash
# Bytes per second the playground sends to its terminal while training at the default speed
# (60 epochs/s), at 80x24, 120x40 and 200x60, for two starts: TF's default settings (the circle,
# which settles within seconds) and a busy spiral (three hidden layers, every feature, whose
# picture keeps moving). The app runs in a private tmux server; pipe-pane records every byte it
# writes, counted over the first MEASURED_SECONDS (default 5) of training.
# OLD_BIN=path: the same measurement for another build, printed beside. Prints; asserts nothing.
set -euo pipefail
bin=${1:-.build/release/playground-tui}
old=${OLD_BIN:-}
seconds=${MEASURED_SECONDS:-5}
if ! command -v tmux >/dev/null; then
  echo "(no tmux: the bytes-per-second measurement is skipped)"
  exit 0
fi
work=$(mktemp -d)
# One private tmux server per measurement (a new server on a name just killed can fail).
server=""
tmux_() { tmux -L "$server" -f /dev/null "$@"; }
trap '[ -n "$server" ] && tmux_ kill-server 2>/dev/null; rm -rf "$work"' EXIT

declare -A states=(
  [circle]="seed=0.12345"
  [spiral]="dataset=spiral&networkShape=8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&seed=0.12345"
)

# kilobytes_per_second BIN WIDTH HEIGHT STATE: KB/s (1 KB = 1000 bytes) from Space on.
kilobytes_per_second() {
  local app=$1 width=$2 height=$3 state=$4 log="$work/out-$RANDOM"
  server="ptui-wire-bench-$$-$RANDOM"
  tmux_ new-session -d -s b -x "$width" -y "$height" "env -u NO_COLOR TERM=xterm-256color '$app' --state '$state'; sleep 3600"
  sleep 1.5
  tmux_ pipe-pane -O -t b "cat > '$log'"
  sleep 0.3
  local start end
  start=$(stat -c %s "$log")
  tmux_ send-keys -t b Space
  sleep "$seconds"
  end=$(stat -c %s "$log")
  tmux_ send-keys -t b q
  sleep 0.3
  tmux_ kill-server 2>/dev/null || true
  server=""
  awk -v b=$((end - start)) -v s="$seconds" 'BEGIN { printf "%.1f", b / s / 1000 }'
}

echo "bytes to the terminal while training at 60 epochs/s, KB/s over the first $seconds s"
if [ -n "$old" ]; then
  printf "%-8s%-8s%-8s%s\n" start size this "$old"
else
  printf "%-8s%-8s%s\n" start size this
fi
for name in circle spiral; do
  for size in 80x24 120x40 200x60; do
    width=${size%x*} height=${size#*x}
    new=$(kilobytes_per_second "$bin" "$width" "$height" "${states[$name]}")
    if [ -n "$old" ]; then
      printf "%-8s%-8s%-8s%s\n" "$name" "$size" "$new" "$(kilobytes_per_second "$old" "$width" "$height" "${states[$name]}")"
    else
      printf "%-8s%-8s%s\n" "$name" "$size" "$new"
    fi
  done
done
