#!/usr/bin/env bash
# Installs the browser of the Selenium tests: Debian's chromium + chromium-driver (/usr/bin/chromium,
# /usr/bin/chromedriver). Run by the build (sample-war, pre-integration-test) and usable by hand.
# Does nothing when /usr/bin/chromedriver is already there. Never downloads a browser build of its own:
# Selenium Manager is not used (the tests point Selenium at /usr/bin/chromedriver).
set -euo pipefail

DRIVER=/usr/bin/chromedriver
BROWSER=/usr/bin/chromium

if [[ -x "$DRIVER" && -x "$BROWSER" ]]; then
  echo "install-browser: $("$BROWSER" --version 2>/dev/null || echo chromium) and $("$DRIVER" --version 2>/dev/null | head -1) already installed"
  exit 0
fi

echo "install-browser: $DRIVER or $BROWSER missing; installing Debian packages chromium and chromium-driver"
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=sudo
  else
    echo "install-browser: ERROR: not root and no password-less sudo; install them yourself:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y chromium chromium-driver" >&2
    echo "  or skip the browser test with -Dskip.browser" >&2
    exit 1
  fi
else
  SUDO=
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: ERROR: no apt-get (not Debian/Ubuntu); install chromium and its chromedriver so that" \
       "$BROWSER and $DRIVER exist, or skip the browser test with -Dskip.browser" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -q; then
  echo "install-browser: ERROR: apt-get update failed" >&2
  exit 1
fi
if ! $SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver; then
  echo "install-browser: ERROR: apt-get install chromium chromium-driver failed" >&2
  exit 1
fi
if [[ ! -x "$DRIVER" || ! -x "$BROWSER" ]]; then
  echo "install-browser: ERROR: installed, but $DRIVER or $BROWSER is still missing" >&2
  exit 1
fi
echo "install-browser: installed $("$BROWSER" --version 2>/dev/null) and $("$DRIVER" --version 2>/dev/null | head -1)"
