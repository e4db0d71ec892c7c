#ifndef PLAYGROUND_TUI_BUILD_INFO_H
#define PLAYGROUND_TUI_BUILD_INFO_H

/// The git commit this binary was built from ("3d3a90e1c2ab", with "-dirty" when the work tree had
/// changes), or "unknown commit" for a build that did not go through make.
const char *playground_tui_commit(void);

/// The commit's date as YYYY-MM-DD, or "" when unknown.
const char *playground_tui_commit_date(void);

#endif
