#!/usr/bin/env bash
# Regenerates Tests/Fixtures/oracle from the C oracle (../shared/oracle/tfp_ref.c): for each state
# below, the losses of 100 epochs as the oracle prints them (%.17g). Each file's first line is
# '# ' and the state; the rest is the oracle's CSV. The tests read these copies, so a clone with
# nothing beside it tests itself. Run from the package root: bash scripts/make-oracle-fixtures.sh
set -euo pipefail
oracle_src=${ORACLE_SRC:-../shared/oracle/tfp_ref.c}
out=Tests/Fixtures/oracle
epochs=100
all='x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true'

declare -A states=(
  [momentum-circle-default]="optimizer=momentum&seed=0.12345"
  [momentum-xor-relu-l1-beta05-batch7]="optimizer=momentum&momentum=0.5&activation=relu&regularization=L1&regularizationRate=0.003&dataset=xor&networkShape=6,3&xTimesY=true&batchSize=7&seed=0.4242"
  [momentum-spiral-tanh-l2]="optimizer=momentum&regularization=L2&regularizationRate=0.01&dataset=spiral&networkShape=8,8&$all&seed=0.777"
  [adam-circle-default]="optimizer=adam&seed=0.12345"
  [adam-gauss-sigmoid-l2-batch1]="optimizer=adam&activation=sigmoid&regularization=L2&regularizationRate=0.001&dataset=gauss&batchSize=1&seed=abc"
  [adam-spiral-l1-allfeatures]="optimizer=adam&regularization=L1&regularizationRate=0.001&dataset=spiral&networkShape=8,8,8&$all&seed=0.12345"
  [adam-regression-gauss-batch25]="optimizer=adam&problem=regression&regDataset=reg-gauss&batchSize=25&noise=10&seed=0.5"
)

mkdir -p .build "$out"
cc -O2 -o .build/tfp_ref "$oracle_src" -lm
for name in "${!states[@]}"; do
  state=${states[$name]}
  { echo "# $state"; .build/tfp_ref --epochs "$epochs" "$state"; } > "$out/$name.csv"
  echo "$out/$name.csv"
done
