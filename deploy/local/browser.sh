#!/usr/bin/env bash
# Headless Chromium for the browser tests: installs Debian's chromium and chromium-driver when
# either is missing (idempotent: a second run changes nothing) and prints where they are.
#
#   deploy/local/browser.sh          install if missing, then print the paths and versions
#
# The tests read CLOSELOOP_CHROMIUM (default /usr/bin/chromium) and CLOSELOOP_CHROMEDRIVER
# (default /usr/bin/chromedriver).
set -euo pipefail

CHROMIUM="${CLOSELOOP_CHROMIUM:-/usr/bin/chromium}"
DRIVER="${CLOSELOOP_CHROMEDRIVER:-/usr/bin/chromedriver}"

log() { printf '[browser] %s\n' "$*" >&2; }

if [[ -x "$CHROMIUM" && -x "$DRIVER" ]]; then
  log "present: $("$DRIVER" --version 2>/dev/null | head -1)"
  exit 0
fi

if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  log "Cannot install chromium and chromium-driver here (needs root and apt-get)."
  log "Install a Chromium with its matching chromedriver and set CLOSELOOP_CHROMIUM and CLOSELOOP_CHROMEDRIVER."
  exit 2
fi

log "installing chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
log "installed: $("$DRIVER" --version 2>/dev/null | head -1)"
