#!/usr/bin/env bash
# Real-editor end-to-end test: code-server (VS Code in the browser) in Debian's
# Chromium, driven by Playwright. Assumes `npm ci && npm run build` already ran.
#   bash .ci/e2e.sh               the built extension (dist/)
#   bash .ci/e2e.sh --stand-in    the fixture stand-in (checks the infrastructure)
# Installs what it needs on first use (Debian packages, code-server into
# ${HANKE_E2E_CACHE:-$HOME/.cache/hanke-e2e}); later runs reuse the cache.
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/e2e/code-server/setup.sh
exec node test/e2e/code-server/run.mjs "$@"
