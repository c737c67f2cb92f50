#!/usr/bin/env bash
# Screenshots of the JavaFX till for the README: a real window (GTK glass, hardware-independent software
# rendering) on an Xvfb screen, walked through a demo lunchtime by ScreenshotTour, PNGs into docs/screenshots/.
# Needs: apt-get install xvfb libgtk-3-0 fonts-wqy-microhei   (a CJK font, or Chinese shows as boxes)
# Usage: scripts/screenshots.sh [OUT_DIR]     (default docs/screenshots)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/docs/screenshots}"
demo="$(mktemp -d)"
trap 'rm -rf "$demo"' EXIT
cd "$root"
# Wide enough for the till (1280), the customer display (1024) and the demo devices (380) side by side.
YISHI_JAVA_OPTS="-Dprism.order=sw ${YISHI_JAVA_OPTS:-}" \
  xvfb-run -a -s "-screen 0 2700x860x24" ./yishi till --demo --dir "$demo" --screenshots "$out"
ls -l "$out"/*.png
