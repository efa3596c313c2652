# Sourced by the benchmark and browser-test scripts: `need COMMAND:PACKAGE ...` installs the
# Debian packages whose command is missing (as root with apt-get), or says what to install and
# exits 1. NEED_FOR names the step in the messages.
need() {
    local missing="" pair
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null || missing="$missing ${pair#*:}"
    done
    [ -z "$missing" ] && return 0
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null; } ||
            { echo "${NEED_FOR:-this step} could not install:$missing" >&2; exit 1; }
    else
        echo "${NEED_FOR:-this step} needs:$missing (sudo apt-get install$missing)" >&2
        exit 1
    fi
}
