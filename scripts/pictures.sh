#!/usr/bin/env bash
# make pictures: every picture the README and docs/ show, drawn by the app itself
# (`playground-tui snapshot`), so none goes stale. Each `picture` line is one file and the
# snapshot's arguments. A state with its seed gives the same bytes every run. The states of the
# teacher's guide are its classroom links (docs/teaching.md), `_hide` keys and all.
set -euo pipefail
bin=${1:-.build/release/playground-tui}
out=${2:-docs/pictures}
mkdir -p "$out"

hide='noise_hide=true&percTrainData_hide=true&batchSize_hide=true&regularization_hide=true&regularizationRate_hide=true&problem_hide=true&discretize_hide=true'
xor='dataset=xor&networkShape=4,2&x=true&y=true&xTimesY=true&showTestData=true&seed=0.12345'
xor_class="dataset=xor&networkShape=4,2&x=true&y=true&xTimesY=true&seed=0.12345&$hide"
sigmoid6x8="dataset=spiral&networkShape=8,8,8,8,8,8&activation=sigmoid&seed=0.12345&$hide"
relu_fast="dataset=spiral&networkShape=8,8,8&activation=relu&learningRate=3&seed=0.12345&$hide"
spiral="dataset=spiral&networkShape=8,8&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&seed=0.12345&$hide"

picture() {
  local name=$1
  shift
  "$bin" snapshot "$@" --output "$out/$name"
  echo "$out/$name"
}

# The playground (the README's first picture), at 120x40 and at the smallest size.
picture playground.svg --state "$xor" --epochs 200 --size 120x40
picture playground-80x24.svg --state "$xor" --epochs 200 --size 80x24
# The lessons: the chain rule after its last step, the sigmoid neuron, a hidden node of the xor
# network after 200 epochs, the descent race run to its end.
picture lesson-chain.svg --state "$xor" --size 100x30 --keys 'o1{End}'
picture lesson-sigmoid.svg --state "$xor" --size 120x30 --keys 'o2{End}'
picture lesson-neuron.svg --state "$xor_class" --epochs 200 --size 100x32 --keys 'i{Left}o4'
picture lesson-descent.svg --state "$xor" --size 100x32 --keys 'o5{End}'
# Activations and how they fail: the card (tanh -> sigmoid), the health panel with sigmoid in
# six layers (vanishing) and ReLU at learning rate 3 (dying), and the drawing's dead units.
picture activation-card.svg --state "$xor_class" --epochs 50 --size 120x40 --keys-before 'a'
picture health-sigmoid.svg --state "$sigmoid6x8" --epochs 104 --size 120x40 --keys-before 'h'
picture health-relu-dying.svg --state "$relu_fast" --epochs 100 --size 120x40 --keys-before 'h'
picture relu-dying.svg --state "$relu_fast" --epochs 100 --size 120x40
# Optimizers on a network: the spiral's losses under SGD and Adam; its boundary for slides.
picture spiral.svg --state "$spiral" --epochs 300 --size 120x40
picture spiral-loss.svg --state "$spiral" --epochs 300 --figure loss
picture spiral-adam-loss.svg --state "$spiral&optimizer=adam" --epochs 300 --figure loss
picture spiral-boundary.svg --state "$spiral&optimizer=adam" --epochs 300 --figure boundary --resolution 300
# Drawing your own data: the drawing mode's crosshair on xor.
picture drawing.svg --state "$xor" --epochs 100 --size 120x40 --keys 'm{Right}{Right}{Up}'
