# playground-tui: the commands the README gives.
#   make run    build a release binary and start the playground (ARGS='--state ...' to pass options)
#   make test   build and run every test (unit, command line, end-to-end in tmux)
#   make bench  speed of the engine beside the C oracle, and of the UI's frame
#   make pictures  every picture of the README and docs/, drawn by the app itself (docs/pictures/)
#   make dist   a self-contained binary with its man page and completions, as a tarball in dist/
#   make install [PREFIX=/usr/local] [DESTDIR=]    make uninstall    make clean

PREFIX ?= /usr/local
SWIFT ?= swift
BIN_RELEASE := .build/release/playground-tui
BIN_DEBUG := .build/debug/playground-tui
APT_INSTALL := apt-get install -y --no-install-recommends

# What install puts where (uninstall removes exactly these files).
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
INSTALLED = $(BINDIR)/playground-tui $(MANDIR)/playground-tui.1 $(BASHDIR)/playground-tui \
            $(ZSHDIR)/_playground-tui $(FISHDIR)/playground-tui.fish

# The self-contained build has a build folder of its own, so that it and `make run`'s release
# build do not rebuild each other. The Swift runtime and FoundationEssentials go in statically
# (--static-swift-stdlib); libstdc++ and libgcc too (a folder holding only libstdc++.a comes first
# on the search path, and -static-libgcc), and ncurses (below), so that the binary needs only glibc.
VERSION := $(shell sed -n 's/^ *static let version = "\(.*\)"$$/\1/p' Sources/playground-tui/BuildInfo.swift)
DIST_NAME := playground-tui-$(VERSION)-$(shell uname -s | tr A-Z a-z)-$(shell uname -m)
DIST_BUILD := .build-dist
BIN_STATIC := $(DIST_BUILD)/release/playground-tui
BIN_DIST := $(DIST_BUILD)/playground-tui
STATIC_CXX := $(CURDIR)/$(DIST_BUILD)/static-cxx
# About 16.3 MiB with FoundationEssentials and ncurses; the whole Foundation would add some 40 MB
# of ICU data. The budget is 16.5 MiB.
DIST_MAX_KIB := 16896
# -Osize: optimised for size (an optimisation mode like -O, nothing unchecked): about 300 KiB
# smaller, and the engine trains as fast here (bench b side by side: 5,949 against 5,924 and
# 6,642 against 7,107 epochs/s on a loaded machine, the same final loss).
# Each function in its own section (-function-sections) and the linker's --gc-sections drop the
# code nothing calls: about 180 KiB more.
DIST_FLAGS = -c release --scratch-path $(DIST_BUILD) --static-swift-stdlib -Xswiftc -Osize \
              -Xswiftc -Xfrontend -Xswiftc -function-sections -Xlinker --gc-sections -Xlinker -L$(STATIC_CXX) \
              -Xswiftc -Xclang-linker -Xswiftc -static-libgcc -Xlinker --icf=all \
              $(DIST_LINKER) $(DIST_CURSES_FLAGS) $(DIST_GLIBC_FLAGS)

# Issue 21: no ncurses library needed. `-lncursesw` finds, first on the search path, a linker
# script that names the static ncursesw and the tinfo it needs (the terminfo folders compiled
# into Debian's libtinfo, /etc/terminfo, /lib/terminfo and /usr/share/terminfo, are where Debian,
# Ubuntu, Fedora and Arch keep the database).
STATIC_CURSES := $(CURDIR)/$(DIST_BUILD)/static-curses
DIST_CURSES_FLAGS := -Xlinker -L$(STATIC_CURSES)
# lld links: gold's --wrap (below) would catch Sources/CGlibcCompat's own references to the old
# versions too, and send each wrapper to itself.
DIST_LINKER := -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld

# Issue 21: glibc 2.31 and later. Each NAME the static Swift runtime, libstdc++ or libgcc asks
# for in a version newer than 2.31 goes to __wrap_NAME in Sources/CGlibcCompat, which calls the
# oldest version or stands in for it. Before 2.34, threads and dlopen lived in libpthread and
# libdl, so the binary names them (on a newer glibc they are empty).
DIST_GLIBC_MAX := 2.31
DIST_GLIBC_WRAP := arc4random hypotf _dl_find_object __libc_single_threaded __libc_start_main \
                   stat fstat lstat dlopen dlsym dlerror dladdr \
                   pthread_create pthread_join pthread_detach pthread_kill pthread_once \
                   pthread_key_create __pthread_key_create pthread_setspecific pthread_setname_np \
                   pthread_sigmask pthread_getattr_np pthread_getaffinity_np pthread_attr_getstack \
                   pthread_mutexattr_init pthread_mutexattr_destroy pthread_mutexattr_settype \
                   sem_init sem_destroy sem_wait sem_timedwait sem_post sem_open
DIST_GLIBC_FLAGS := $(foreach name,$(DIST_GLIBC_WRAP),-Xlinker --wrap=$(name)) \
                    -Xlinker --no-as-needed -Xlinker -l:libpthread.so.0 -Xlinker -l:libdl.so.2

.PHONY: dist-check debootstrap
.PHONY: run test bench dist dist-binary install install-files uninstall clean deps ncurses tmux groff parallel \
        build-info build-release
.PHONY: rsvg pictures

# $(call require,CHECK,PACKAGE,WHAT): when CHECK fails, root installs the Debian PACKAGE with apt;
# anyone else is told the command to run.
define require
	@if ! $(1) >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "$(3) missing: installing $(2)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(APT_INSTALL) $(2)) || exit 1; \
	  else \
	    echo "$(3) missing. Install it, then run make again:"; \
	    echo "    sudo apt-get install $(2)"; \
	    exit 1; \
	  fi; \
	fi
endef

# The ncurses headers are the one C dependency.
ncurses:
	$(call require,printf '#include <ncurses.h>\n' | cc -E -x c -,libncurses-dev,the ncurses headers)

# The end-to-end tests drive the app in a private tmux server.
tmux:
	$(call require,command -v tmux,tmux,tmux (the end-to-end tests need it))

# The snapshot tests render SVG with rsvg-convert (only the tests need it, not the build).
rsvg:
	$(call require,command -v rsvg-convert,librsvg2-bin,rsvg-convert (the snapshot tests render SVG with it))

# The man page test renders the page with groff (only the tests need it, not the build).
groff:
	$(call require,command -v groff,groff-base,groff (the man page test renders the page))

# A sweep test runs its shards through GNU parallel, as the README shows.
parallel:
	$(call require,command -v parallel,parallel,GNU parallel (the sweep's shard test needs it))

deps: ncurses build-info

# The commit --version names (see Sources/CBuildInfo/build_info.c).
build-info:
	@bash scripts/write-build-info.sh

build-release: deps
	$(SWIFT) build -c release

run: build-release
	@$(BIN_RELEASE) $(ARGS)

test: deps tmux groff parallel rsvg
	$(SWIFT) build
	PLAYGROUND_TUI_BIN=$(CURDIR)/$(BIN_DEBUG) $(SWIFT) test

bench: build-release
	@bash scripts/bench.sh $(BIN_RELEASE)

# The self-contained binary, stripped, after the check that it needs nothing but glibc 2.31.
dist-binary: deps
	@mkdir -p $(STATIC_CXX) && ln -sf "$$(cc -print-file-name=libstdc++.a)" $(STATIC_CXX)/libstdc++.a
	@mkdir -p $(STATIC_CURSES) && echo "GROUP ( $$(cc -print-file-name=libncursesw.a) $$(cc -print-file-name=libtinfo.a) )" \
	  > $(STATIC_CURSES)/libncursesw.a
	$(SWIFT) build $(DIST_FLAGS)
	@bash scripts/check-libraries.sh --glibc $(DIST_GLIBC_MAX) $(BIN_STATIC)
	strip -o $(BIN_DIST) $(BIN_STATIC)
	@size=$$(du -k $(BIN_DIST) | cut -f1); if [ $$size -gt $(DIST_MAX_KIB) ]; then \
	  echo "$(BIN_DIST) is $$size KiB, over $(DIST_MAX_KIB): does something import the whole Foundation?"; exit 1; fi

# dist/playground-tui-VERSION-OS-ARCH.tar.gz: the binary, its man page, the bash, zsh and fish
# completions (all three written by the binary itself) and a README.
dist: dist-binary
	rm -rf dist/$(DIST_NAME) && mkdir -p dist/$(DIST_NAME)/completions
	cp $(BIN_DIST) dist/$(DIST_NAME)/playground-tui
	$(BIN_DIST) --generate-manual > dist/$(DIST_NAME)/playground-tui.1
	$(BIN_DIST) --generate-completion-script bash > dist/$(DIST_NAME)/completions/playground-tui.bash
	$(BIN_DIST) --generate-completion-script zsh > dist/$(DIST_NAME)/completions/_playground-tui
	$(BIN_DIST) --generate-completion-script fish > dist/$(DIST_NAME)/completions/playground-tui.fish
	sed 's/@VERSION@/$(VERSION)/' scripts/dist-README > dist/$(DIST_NAME)/README
	tar -C dist -czf dist/$(DIST_NAME).tar.gz $(DIST_NAME)
	@rm -rf dist/$(DIST_NAME)
	@echo "dist/$(DIST_NAME).tar.gz: $$(du -k dist/$(DIST_NAME).tar.gz | cut -f1) KiB; the binary $$(du -k $(BIN_DIST) | cut -f1) KiB"

# Issue 21: the tarball tried in minimal Debian 12 and Debian 11 systems (debootstrap's minbase,
# cached in /var/cache/playground-tui; see scripts/dist-check.sh). As root, after `make dist`.
dist-check: debootstrap
	@bash scripts/dist-check.sh dist/$(DIST_NAME).tar.gz

# dist-check builds its systems with debootstrap and drives the app with script (util-linux).
debootstrap:
	$(call require,command -v debootstrap,debootstrap,debootstrap (make dist-check builds minimal systems))
	$(call require,command -v script,bsdutils,script (make dist-check drives the app in a pseudo-terminal))

install: dist-binary
	@$(MAKE) --no-print-directory install-files BIN=$(BIN_DIST)

# Installs BIN (any build of the program) with the man page and completions it writes.
install-files:
	@test -n "$(BIN)" || { echo "install-files: give BIN=path/to/playground-tui"; exit 2; }
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(BIN) $(BINDIR)/playground-tui
	$(BIN) --generate-manual > $(MANDIR)/playground-tui.1
	$(BIN) --generate-completion-script bash > $(BASHDIR)/playground-tui
	$(BIN) --generate-completion-script zsh > $(ZSHDIR)/_playground-tui
	$(BIN) --generate-completion-script fish > $(FISHDIR)/playground-tui.fish
	chmod 644 $(MANDIR)/playground-tui.1 $(BASHDIR)/playground-tui $(ZSHDIR)/_playground-tui $(FISHDIR)/playground-tui.fish

uninstall:
	rm -f $(INSTALLED)

# Every picture the README and docs/ show, drawn by the app itself (see scripts/pictures.sh).
pictures: build-release
	@bash scripts/pictures.sh $(BIN_RELEASE) docs/pictures

clean:
	rm -rf .build $(DIST_BUILD) dist
