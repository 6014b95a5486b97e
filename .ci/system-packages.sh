#!/usr/bin/env bash
# Installs the Debian packages the workstation and its tests need (Qt's X/GL libraries, the CJK
# font, poppler, CUPS + cups-pdf, SANE, espeak-ng, Xvfb, PostgreSQL; patchelf for make dist). Runs only as root; otherwise it says what
# to install and goes on. Quiet when everything is already there.
set -u
PKGS="xvfb xauth libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4
libxcb-keysyms1 libxcb-shape0 libxkbcommon-x11-0 libxcb-randr0 libxcb-render-util0 libxcb-image0
libxcb-xinerama0 libxcb-xkb1 libglib2.0-0 libnss3 libasound2 libpulse0 fonts-wqy-zenhei poppler-utils
cups cups-client printer-driver-cups-pdf sane-utils libsane1 espeak-ng sox postgresql patchelf"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Missing system packages (run as root or: sudo apt-get install$missing)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends $missing >/dev/null || { echo "apt-get install failed for:$missing" >&2; exit 1; }
