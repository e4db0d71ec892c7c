#!/usr/bin/env bash
# Writes the commit this work tree is at into Sources/CBuildInfo/build_commit.h (or the file given),
# for `playground-tui --version`. The file is rewritten only when its text changes, and then
# build_info.c is touched, so that SwiftPM compiles it again (it cannot know that a header it did
# not see before has appeared). Outside a git work tree nothing is written: "unknown commit".
set -euo pipefail
cd "$(dirname "$0")/.."
header=${1:-Sources/CBuildInfo/build_commit.h}
commit=$(git rev-parse --short=12 HEAD 2>/dev/null) || { rm -f "$header"; exit 0; }
# Uncommitted changes to tracked files make the build differ from the commit: say so.
git diff --quiet HEAD -- 2>/dev/null || commit="$commit-dirty"
date=$(git log -1 --format=%cs HEAD)
text=$(printf '// Written by scripts/write-build-info.sh; not committed.\n#define PLAYGROUND_TUI_COMMIT "%s"\n#define PLAYGROUND_TUI_COMMIT_DATE "%s"\n' "$commit" "$date")
if [ ! -f "$header" ] || [ "$(cat "$header")" != "$text" ]; then
  printf '%s\n' "$text" > "$header"
  touch "$(dirname "$header")/build_info.c" 2>/dev/null || true
fi
