# Redress: the two commands of README.md, and the benchmark.
#   make demo   build (release) and run the main job
#   make test   run the whole test suite (as shipped, API-checking Lua, AddressSanitizer), and
#               build docs/calendar.md's example as an outside package of the calendar library
#   make bench  the project's benchmarks beside ../shared/bench's comparators (release build)
# Each installs what it needs first: Debian's sqlite3 and readline -dev packages, and Lua 5.4's
# sources (Debian's lua5.4 source package, patched: Sources/CLua/fetch-lua.sh).

SWIFT   ?= swift
SHARED  ?= ../shared
APT_PACKAGES := libsqlite3-dev libreadline-dev dpkg-dev patch
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE := .build/release

.PHONY: apt deps lua build demo test test-quick test-apicheck test-asan test-calendar-library bench clean

deps: apt lua

lua: apt
	@Sources/CLua/fetch-lua.sh

apt:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
	  echo "Installing $(APT_PACKAGES) ..."; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

# Release builds link the Swift runtime statically: start-up (`redress -e ''`) is then about
# 9 ms instead of about 15 ms spent loading Foundation and ICU dynamically.
STATIC := --static-swift-stdlib

build: deps
	$(SWIFT) build -c release $(STATIC) --product redress

demo: build
	@Samples/demo.sh $(RELEASE)/redress

# The whole suite three times: as shipped (with the API fuzzer given minutes), then against the
# same Lua built with its API checks and internal assertions on (an unchecked push or a broken
# invariant aborts at its line), then under AddressSanitizer (a use-after-free stops the run).
# `make test-quick` is the first alone. Then a package outside the repository depends on the
# RedressCalendar product alone, as docs/calendar.md shows (Tests/CalendarLibrary/check.sh).
FUZZ_SECONDS ?= 150
APICHECK := --scratch-path .build-apicheck -Xcc -DLUA_USE_APICHECK -Xcc -DLUAI_ASSERT
ASAN     := --scratch-path .build-asan --sanitize=address

test: test-quick test-apicheck test-asan test-calendar-library

test-quick: deps
	REDRESS_FUZZ_SECONDS=$(FUZZ_SECONDS) $(SWIFT) test

test-apicheck: deps
	REDRESS_FUZZ_SECONDS=20 $(SWIFT) test $(APICHECK)

# Leak detection is off: the Swift runtime, Foundation and XCTest keep allocations for the
# process's life, and LeakSanitizer's report at exit would turn every exit code into 1. What this
# run is for is memory errors (use after free, overflows), which still stop it at their line.
test-asan: deps
	ASAN_OPTIONS=detect_leaks=0 REDRESS_FUZZ_SECONDS=20 $(SWIFT) test $(ASAN)

# Needs no Lua and no system library: the calendar library depends on nothing.
test-calendar-library:
	@Tests/CalendarLibrary/check.sh $(SWIFT)

bench: deps
	$(SWIFT) build -c release $(STATIC) --product redress
	$(SWIFT) build -c release $(STATIC) --product redress-bench
	@python3 -c 'import numpy' 2>/dev/null || pip install -q numpy
	@Benchmarks/run.sh $(RELEASE) $(SHARED)/bench

clean:
	rm -rf .build .build-apicheck .build-asan
