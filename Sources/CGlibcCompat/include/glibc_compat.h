#ifndef GLIBC_COMPAT_H
#define GLIBC_COMPAT_H
// The self-contained binary's stand-ins for glibc symbols newer than the oldest glibc it runs
// on (see glibc_compat.c). Nothing here is called from Swift; the linker's --wrap options of
// `make dist` send the Swift runtime's references to these functions.
#endif
