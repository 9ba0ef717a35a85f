#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the browser tests (tests/browser/).
# Idempotent: does nothing when /usr/bin/chromium is there. Never fails the build:
# when it cannot install (not root, no apt-get, no network) it says so and exits 0,
# and the browser tests then skip with that reason.
set -u

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    echo "install_chromium: $CHROMIUM already present"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_chromium: no apt-get on this machine; browser tests will be skipped"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "install_chromium: not root (and no passwordless sudo); run 'apt-get install -y chromium' as root," \
             "or the browser tests will be skipped"
        exit 0
    fi
else
    SUDO=""
fi
export DEBIAN_FRONTEND=noninteractive
if $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q --no-install-recommends chromium >/dev/null; then
    echo "install_chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)"
else
    echo "install_chromium: apt-get could not install chromium; browser tests will be skipped"
fi
exit 0
