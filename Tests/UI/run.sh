#!/usr/bin/env bash
# `make test-ui`: the console in a real browser. Headless Chromium (Debian's chromium and
# chromium-driver, installed when missing) driven by Selenium (from PyPI, into a venv under
# .build) loads the console from a running debug build and checks what a QA engineer relies on.
# Screenshots of each main view are written under .build/ui-screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."

NEED_FOR="make test-ui"
. Tests/Tools/need.sh
need chromium:chromium chromedriver:chromium-driver

venv=${UI_VENV:-.build/ui-venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import selenium' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q 'selenium==4.*'
fi

mkdir -p .build/ui-screenshots
# Selenium must use the drivers given to it, never fetch one.
SE_OFFLINE=true DANA_SANDBOX_BINARY=.build/debug/dana-sandbox SCREENSHOTS=.build/ui-screenshots \
    "$venv/bin/python" Tests/UI/console_test.py -v
