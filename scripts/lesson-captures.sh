#!/bin/bash
# The captures of docs/lessons.md: every lesson at 200x60 and 80x24 from the real app, in a
# private tmux server, and the step lines of lessons 1 and 2 at 80x24, as plain text into OUT.
# Usage: scripts/lesson-captures.sh [binary] [out-directory]
set -e
BIN=${1:-$PWD/.build/debug/playground-tui}
OUT=${2:-.build/lesson-captures}
mkdir -p $OUT
N=0
# A fixed seed, so that lesson 4 explains the same network every time; a new server each time.
start() {
  N=$((N + 1)); S=lessonscap$$-$N
  tmux -L $S -f /dev/null new-session -d -x $1 -y $2 "env LANG=C.UTF-8 $BIN lessons --state seed=0.12345"
  sleep 2
}
keys() { for k in "$@"; do tmux -L $S send-keys "$k"; sleep 0.2; done; sleep 0.6; }
cap() { tmux -L $S capture-pane -p > $OUT/$1; }
stop() { tmux -L $S kill-server; }
for size in "200 60" "80 24"; do
  set -- $size; W=$1; H=$2
  start $W $H
  keys End; cap l1-$W.txt
  keys 2 End; cap l2-$W.txt
  keys f End; cap l2f-$W.txt
  keys f 3 End; cap l3-$W.txt
  keys 4; cap l4-$W.txt
  keys 5 End; cap l5-$W.txt
  stop
done
# Lesson 4 on the first layer of a deep sigmoid network, where the gradients are small.
N=$((N + 1)); S=lessonscap$$-$N
tmux -L $S -f /dev/null new-session -d -x 80 -y 24 \
  "env LANG=C.UTF-8 $BIN lessons --state 'networkShape=8,8,8,8,8,8&activation=sigmoid&seed=0.12345'"
sleep 2
keys 4 Left Left Left Left Left Left; cap l4sat-80.txt
stop
# The steps of lessons 1 and 2 as a class sees them (80x24: the step line and the line under it).
start 80 24
: > $OUT/steps1.txt
for i in $(seq 0 6); do tmux -L $S capture-pane -p | sed -n 20,21p >> $OUT/steps1.txt; keys Space; done
keys 2
: > $OUT/steps2.txt
for i in $(seq 0 20); do tmux -L $S capture-pane -p | sed -n 20,21p >> $OUT/steps2.txt; keys Space; done
keys f Home
: > $OUT/steps2f.txt
for i in $(seq 0 14); do tmux -L $S capture-pane -p | sed -n 20,21p >> $OUT/steps2f.txt; keys Space; done
stop
