#!/usr/bin/env bash
# Installs the machine packages the tests use (idempotent). Debian only; skipped elsewhere.
set -euo pipefail
need=()
command -v openssl >/dev/null || need+=(openssl)
command -v pdfsig >/dev/null || need+=(poppler-utils)      # pdfsig, pdftoppm, pdftotext, pdfinfo, pdffonts
command -v unzip >/dev/null || need+=(unzip)               # archive packages' VERIFY.txt
command -v sha256sum >/dev/null || need+=(coreutils)
command -v curl >/dev/null || need+=(curl)                 # Elasticsearch health checks, docs/first-tender-with-curl.md
command -v jq >/dev/null || need+=(jq)                     # docs/first-tender-with-curl.md, run by a test
command -v zip >/dev/null || need+=(zip)                   # the tender package of that walk-through
command -v runuser >/dev/null || need+=(util-linux)        # Elasticsearch refuses to run as root
command -v chromium >/dev/null || need+=(chromium)         # the portal's real-browser tests
command -v chromedriver >/dev/null || need+=(chromium-driver) # Selenium drives Chromium through it
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk) # Chinese text in screenshots, not empty boxes
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql) # the two-node trial's external database
command -v nginx >/dev/null || need+=(nginx-light)         # the two-node trial's load balancer
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "setup: missing ${need[*]}; install them with apt-get (needs root)" >&2
  fi
fi
