// The commit a build came from. SwiftPM has no pre-build step without a plugin, so `make` writes
// build_commit.h (git-ignored) beside this file before it builds, and touches this file when the
// header changes; a plain `swift build` finds no header and says "unknown commit".
#include "build_info.h"

#if __has_include("build_commit.h")
#include "build_commit.h"
#endif

#ifndef PLAYGROUND_TUI_COMMIT
#define PLAYGROUND_TUI_COMMIT "unknown commit"
#endif
#ifndef PLAYGROUND_TUI_COMMIT_DATE
#define PLAYGROUND_TUI_COMMIT_DATE ""
#endif

const char *playground_tui_commit(void) { return PLAYGROUND_TUI_COMMIT; }

const char *playground_tui_commit_date(void) { return PLAYGROUND_TUI_COMMIT_DATE; }
