# playground-tui: the commands the README gives.
#   make run    build a release binary and start the playground (ARGS='--state ...' to pass options)
#   make test   build and run every test (unit, command line, end-to-end in tmux)
#   make bench  speed of the engine beside the C oracle, and of the UI's frame
#   make install [PREFIX=/usr/local]    make clean

PREFIX ?= /usr/local
SWIFT ?= swift
BIN_RELEASE := .build/release/playground-tui
BIN_DEBUG := .build/debug/playground-tui
APT_INSTALL := apt-get install -y --no-install-recommends

.PHONY: run test bench install clean deps ncurses tmux build-release

# The ncurses headers are the one C dependency. Root installs them; anyone else is told how.
ncurses:
	@if ! printf '#include <ncurses.h>\n' | cc -E -x c - >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "ncurses headers missing: installing libncurses-dev"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(APT_INSTALL) libncurses-dev) || exit 1; \
	  else \
	    echo "ncurses headers missing. Install them, then run make again:"; \
	    echo "    sudo apt-get install libncurses-dev"; \
	    exit 1; \
	  fi; \
	fi

# The end-to-end tests drive the app in a private tmux server.
tmux:
	@if ! command -v tmux >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "tmux missing (the end-to-end tests need it): installing tmux"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(APT_INSTALL) tmux) || exit 1; \
	  else \
	    echo "tmux missing (the end-to-end tests need it). Install it, then run make again:"; \
	    echo "    sudo apt-get install tmux"; \
	    exit 1; \
	  fi; \
	fi

deps: ncurses

build-release: deps
	$(SWIFT) build -c release

run: build-release
	@$(BIN_RELEASE) $(ARGS)

test: deps tmux
	$(SWIFT) build
	PLAYGROUND_TUI_BIN=$(CURDIR)/$(BIN_DEBUG) $(SWIFT) test

bench: build-release
	@bash scripts/bench.sh $(BIN_RELEASE)

install: build-release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN_RELEASE) $(DESTDIR)$(PREFIX)/bin/playground-tui

clean:
	rm -rf .build
