#!/bin/sh
# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium;
# no browser is downloaded). Does nothing when it is already installed.
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium fonts-noto-core
