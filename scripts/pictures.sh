#!/usr/bin/env bash
# make pictures: every picture the README and docs/ show, drawn by the app itself
# (`playground-tui snapshot`), so none goes stale. Each line is one picture: its file, then the
# snapshot's arguments. A state with its seed gives the same bytes every run.
set -euo pipefail
bin=${1:-.build/release/playground-tui}
out=${2:-docs/pictures}
mkdir -p "$out"

xor='dataset=xor&networkShape=4,2&x=true&y=true&xTimesY=true&showTestData=true&seed=0.12345'
spiral='dataset=spiral&networkShape=8,8,6&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&seed=0.12345'
sigmoid6x8='dataset=spiral&networkShape=8,8,8,8,8,8&activation=sigmoid&seed=0.12345'
relu_fast='dataset=spiral&networkShape=8,8,8&activation=relu&learningRate=3&seed=0.12345'

picture() {
  local name=$1
  shift
  "$bin" snapshot "$@" --output "$out/$name"
  echo "$out/$name"
}

# The playground (README's first picture) and its figures for slides.
picture playground.svg --state "$xor" --epochs 200 --size 120x40
picture playground-80x24.svg --state "$xor" --epochs 200 --size 80x24
picture spiral.svg --state "$spiral" --epochs 600 --size 120x40
picture spiral-boundary.svg --state "$spiral" --epochs 600 --figure boundary --resolution 300
picture spiral-loss.svg --state "$spiral" --epochs 600 --figure loss
# The lessons: the chain rule after its last step, the sigmoid neuron, a neuron of the xor
# network, the descent race run to its end.
picture lesson-chain.svg --state "$xor" --size 100x30 --keys 'o1{End}'
picture lesson-sigmoid.svg --state "$xor" --size 120x30 --keys 'o2{End}'
picture lesson-neuron.svg --state "$xor" --epochs 200 --size 100x32 --keys 'o4'
picture lesson-descent.svg --state "$xor" --size 100x32 --keys 'o5{End}'
# Activations and how they fail: the card, the health panel (sigmoid 6x8 vanishing, ReLU at
# a high rate dying).
picture activation-card.svg --state "$xor" --epochs 50 --size 120x40 --keys-before 'a'
picture health-sigmoid.svg --state "$sigmoid6x8" --epochs 104 --size 120x40 --keys-before 'h'
picture health-relu-dying.svg --state "$relu_fast" --epochs 100 --size 120x40 --keys-before 'h'
picture relu-dying.svg --state "$relu_fast" --epochs 100 --size 120x40
# Optimizers: Adam on spiral.
picture spiral-adam-loss.svg --state "$spiral&optimizer=adam" --epochs 600 --figure loss
# Drawing your own data.
picture drawing.svg --state "$xor" --epochs 100 --size 120x40 --keys 'm{Right}{Right}{Up}'
