# dana-sandbox
#
#   make build     release binary at .build/release/dana-sandbox: the Swift runtime and Foundation
#                  linked in, the seed, scenarios and demo keys built in
#   make run       build, then serve on 127.0.0.1:8080 with seed.sql, scenarios/ and keys/ from here
#   make test      build everything (warnings are errors), run the whole test suite, then the
#                  official clients (dana-python, paylabs-sdk, from PyPI) against the sandbox
#   make test-ui   the console in headless Chromium (installs chromium, chromium-driver and
#                  Selenium when missing); screenshots under .build/ui-screenshots/
#   make install   the binary into $(PREFIX)/bin (PREFIX defaults to /usr/local)
#   make dist      .build/dana-sandbox-VERSION-PLATFORM.tar.gz: binary, README, licence, changelog
#   make test-dist the tarball unpacked in an empty folder and run without any Swift around it
#   make embed     write the built-in copies of seed.sql, scenarios/ and keys/ again after an edit
#   make bench     the performance targets as one table, each against a baseline of the same run;
#                  fails when one is missed
#   make bench-details  GET /health beside nginx over rounds; start-up, reset and session costs
#   make fuzz      libFuzzer targets for every parser of untrusted bytes, FUZZ_SECONDS each (default
#                  60); fails on a crash, leak, hang or property violation and prints the reproducer
#   make test-sanitize  the whole test suite under ThreadSanitizer, then AddressSanitizer
#   make soak      SOAK_SECONDS (default 600) of every endpoint, scenario and fault against the
#                  release binary; fails on an unasked-for 5xx, a death, RSS growth or leaked fds
#   make deps      install libsqlite3-dev and libssl-dev when missing (apt-get), or say what to install
#   make clean     remove build products

SWIFT ?= swift
# Zero warnings is a project rule; the build enforces it instead of a reviewer.
STRICT = -Xswiftc -warnings-as-errors
# Each dependency: a file that proves it is installed, and its Debian package. The two -dev
# packages build the sandbox; pkg-config finds them; the sqlite3 and openssl commands are used by
# tests as second implementations (loading seed.sql, making signatures).
DEPS = /usr/include/sqlite3.h:libsqlite3-dev /usr/include/openssl/evp.h:libssl-dev /usr/bin/pkg-config:pkgconf \
       /usr/bin/sqlite3:sqlite3 /usr/bin/openssl:openssl

# The version lives in one place, Usage.swift; --version, /health and the tarball's name read it.
VERSION := $(shell sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/DanaSandboxCore/Configuration/Usage.swift)
PLATFORM := $(shell uname -s | tr '[:upper:]' '[:lower:]')-$(shell uname -m)
DIST := dana-sandbox-$(VERSION)-$(PLATFORM)
PREFIX ?= /usr/local
FUZZ_SECONDS ?= 60
SOAK_SECONDS ?= 600

.PHONY: build run test test-ui install dist test-dist embed bench bench-details fuzz test-sanitize soak deps clean

# --static-swift-stdlib links the Swift runtime and Foundation into the binary: it runs where no
# Swift toolchain is installed, needing only libc, libsqlite3 and libssl/libcrypto.
build: deps
	$(SWIFT) build -c release --product dana-sandbox --static-swift-stdlib $(STRICT)

run: build
	.build/release/dana-sandbox serve --seed seed.sql --scenarios scenarios --keys keys

install: build
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 .build/release/dana-sandbox "$(DESTDIR)$(PREFIX)/bin/dana-sandbox"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/dana-sandbox"

dist: build
	rm -rf .build/dist && mkdir -p .build/dist/$(DIST)
	cp .build/release/dana-sandbox README.md LICENSE CHANGELOG.md .build/dist/$(DIST)/
	strip .build/dist/$(DIST)/dana-sandbox
	tar -C .build/dist -czf .build/$(DIST).tar.gz $(DIST)
	@echo ".build/$(DIST).tar.gz"

test-dist: dist
	Tests/Dist/check.sh .build/$(DIST).tar.gz

embed:
	Tests/Tools/embed-defaults.sh

test: deps
	$(SWIFT) build --build-tests $(STRICT)
	$(SWIFT) test --skip-build --disable-swift-testing
	Tests/Clients/run.sh

test-ui: deps
	$(SWIFT) build --product dana-sandbox $(STRICT)
	Tests/UI/run.sh

bench: build
	Tests/Benchmarks/targets.sh

bench-details: build
	Tests/Benchmarks/health-vs-nginx.sh
	Tests/Benchmarks/startup-and-reset.sh
	Tests/Benchmarks/sessions.sh

# Not part of the product: the targets are built by their own script into .build-fuzz.
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) Tests/Fuzz/run.sh

test-sanitize: deps
	Tests/Sanitizers/run.sh

soak: build
	python3 Tests/Soak/soak.py .build/release/dana-sandbox $(SOAK_SECONDS)

deps:
	@missing=""; \
	for pair in $(DEPS); do \
		[ -e "$${pair%%:*}" ] || missing="$$missing $${pair##*:}"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "dana-sandbox needs:$$missing"; \
	if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else \
		echo "Install them, then run make again:"; \
		echo "  Debian/Ubuntu: sudo apt-get install$$missing"; \
		echo "  elsewhere: the SQLite 3 and OpenSSL 3 development packages, and pkg-config"; \
		exit 1; \
	fi

clean:
	rm -rf .build
