#!/usr/bin/env bash
# make bench: the engine's speed beside the plain C oracle (../shared/oracle/tfp_ref.c), measured
# in the same run so the ratios hold on a noisy machine, and the bytes per second the playground
# sends to its terminal (scripts/wire-bench.sh). Prints numbers; asserts nothing.
set -euo pipefail
bin=${1:-.build/release/playground-tui}
epochs=${EPOCHS:-2000}
loss_epochs=$((epochs / 4))

"$bin" bench --epochs "$epochs" | tee .build/bench-swift.txt
echo
bash "$(dirname "$0")/wire-bench.sh" "$bin"
echo

# The sweep on every core: the same sweep with --jobs 1 and --jobs N, one after the other in this
# run (best of 3 each, alternating), so the speed-up holds on a loaded machine; beside it the
# single run's figures for (a) (the sweep computes the test loss every epoch: between the two).
cores=$(nproc)
sweep_eps() {
  "$bin" sweep --state 'seed=0.12345' --vary activation=relu,tanh --seeds $((cores * 4)) --epochs $((epochs / 4)) \
    --format csv --jobs "$1" 2>&1 >/dev/null | sed -n 's/.* \([0-9]*\) epochs\/s$/\1/p'
}
one=0 many=0
for _ in 1 2 3; do
  e=$(sweep_eps 1); [ "$e" -gt "$one" ] && one=$e
  e=$(sweep_eps "$cores"); [ "$e" -gt "$many" ] && many=$e
done
read -r _ _ single_train single_losses _ < <(grep "^a " .build/bench-swift.txt)
echo "sweep                          jobs_1_eps  jobs_${cores}_eps  speed-up  single_run_train_only_eps  single_run_with_losses_eps"
printf "%-31s%-12s%-12s%-10s%-27s%s\n" "(a) $((cores * 8)) runs x $((epochs / 4)) epochs" "$one" "$many" \
  "$(awk -v m="$many" -v o="$one" 'BEGIN { printf "%.2fx", m / o }')" \
  "$single_train" "$single_losses"
# Other work on the machine takes cores from --jobs N first: say how busy it was.
[ -r /proc/loadavg ] && echo "(load average $(cut -d' ' -f1 /proc/loadavg) on $cores cores: the speed-up needs idle cores)"
echo

oracle_src=${ORACLE_SRC:-../shared/oracle/tfp_ref.c}
if ! command -v cc >/dev/null || [ ! -f "$oracle_src" ]; then
  echo "(no cc or no $oracle_src: the C oracle comparison is skipped)"
  exit 0
fi
cc -O2 -o .build/tfp_ref "$oracle_src" -lm

declare -A states=(
  [a]="seed=0.12345"
  [b]="dataset=spiral&networkShape=8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&seed=0.12345"
  [c]="dataset=spiral&networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&seed=0.12345"
)
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }
best() { sort -g | tail -1; }

echo "config  oracle_train_only_eps  swift/oracle  oracle_with_losses_eps  swift/oracle  oracle_train_loss  swift_train_loss"
for name in a b c; do
  state=${states[$name]}
  train_only=$(for _ in 1 2 3; do .build/tfp_ref --bench --no-loss --epochs "$epochs" "$state" | field epochs_per_s; done | best)
  with_losses=$(for _ in 1 2 3; do .build/tfp_ref --bench --epochs "$loss_epochs" "$state" | field epochs_per_s; done | best)
  oracle_loss=$(.build/tfp_ref --bench --no-loss --epochs "$epochs" "$state" | field train_loss)
  read -r _ _ swift_train swift_losses _ _ swift_loss < <(grep "^$name " .build/bench-swift.txt)
  printf "%-8s%-23s%-14s%-24s%-14s%-19s%s\n" "$name" "$train_only" \
    "$(awk -v s="$swift_train" -v o="$train_only" 'BEGIN { printf "%.2fx", s / o }')" "$with_losses" \
    "$(awk -v s="$swift_losses" -v o="$with_losses" 'BEGIN { printf "%.2fx", s / o }')" "$oracle_loss" "$swift_loss"
done

# (b) under each optimizer and with the diagnostics, beside the oracle's own momentum and adam.
b_state=${states[b]}
echo
echo "variant (b)               swift_eps  oracle_eps  swift/oracle  swift/swift_sgd"
# history-recorded's swift/swift_sgd is over plain SGD runs timed alternately with it (the cost of the history).
for variant in sgd momentum nesterov rmsprop adam diagnostics-recorded diagnostics-every-epoch history-recorded; do
  read -r _ swift_eps vs_sgd _ < <(grep "^b/$variant " .build/bench-swift.txt)
  oracle_eps=- ratio=-
  case $variant in
    sgd|momentum|adam)
      oracle_eps=$(for _ in 1 2 3; do .build/tfp_ref --bench --no-loss --epochs "$epochs" "optimizer=$variant&$b_state" | field epochs_per_s; done | best)
      ratio=$(awk -v s="$swift_eps" -v o="$oracle_eps" 'BEGIN { printf "%.2fx", s / o }')
      ;;
  esac
  printf "%-26s%-11s%-12s%-14s%s\n" "b/$variant" "$swift_eps" "$oracle_eps" "$ratio" "${vs_sgd}x"
done
