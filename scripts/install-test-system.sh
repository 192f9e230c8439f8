#!/usr/bin/env bash
# What the tests need beyond pip, on Debian/Ubuntu: Chromium for the browser tests (driven by
# Playwright with executable_path, never a downloaded browser), Arabic fonts so pages render
# as readers see them, Node for the JavaScript/Python normalization test and the npm tools
# (axe-core, the Nu HTML Checker's vnu.jar, pinned in package-lock.json), and Java to run
# vnu.jar. Installs only what is missing; uses sudo when not root.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v java >/dev/null || need+=(default-jre-headless)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# vnu-jar's install script would download a Java runtime: Java comes from Debian instead.
cd "$(dirname "$0")/.."
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error  # exactly the locked versions, ~1 s
