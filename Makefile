# dana-sandbox
#
#   make build   release binary at .build/release/dana-sandbox
#   make run     build, then serve on 127.0.0.1:8080 with seed.sql, scenarios/ and keys/
#   make test    build everything (warnings are errors), run the whole test suite, then the
#                official clients (dana-python, paylabs-sdk, from PyPI) against the sandbox
#   make bench   GET /health rate beside nginx; start-up and reset times beside baselines
#   make deps    install libsqlite3-dev and libssl-dev when missing (apt-get), or say what to install
#   make clean   remove build products

SWIFT ?= swift
# Zero warnings is a project rule; the build enforces it instead of a reviewer.
STRICT = -Xswiftc -warnings-as-errors
# Each dependency: a file that proves it is installed, and its Debian package. The two -dev
# packages build the sandbox; pkg-config finds them; the sqlite3 and openssl commands are used by
# tests as second implementations (loading seed.sql, making signatures).
DEPS = /usr/include/sqlite3.h:libsqlite3-dev /usr/include/openssl/evp.h:libssl-dev /usr/bin/pkg-config:pkgconf \
       /usr/bin/sqlite3:sqlite3 /usr/bin/openssl:openssl

.PHONY: build run test bench deps clean

build: deps
	$(SWIFT) build -c release --product dana-sandbox $(STRICT)

run: build
	.build/release/dana-sandbox serve

test: deps
	$(SWIFT) build --build-tests $(STRICT)
	$(SWIFT) test --skip-build --disable-swift-testing
	Tests/Clients/run.sh

bench: build
	Tests/Benchmarks/health-vs-nginx.sh
	Tests/Benchmarks/startup-and-reset.sh

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
