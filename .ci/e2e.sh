#!/usr/bin/env bash
# Real-editor end-to-end tests in code-server (VS Code in the browser) and Debian's
# Chromium. Assumes `npm ci && npm run build` already ran.
#   bash .ci/e2e.sh               the built extension (dist/):
#                                 1. test/e2e/code-server/run.mjs — Playwright drives the UI
#                                 2. test/e2e/suite/run-code-server.mjs — the extension-host
#                                    suite (test/e2e/suite/index.js) through the vscode API
#                                 3. 1. and 2. again with the extension in the browser's web
#                                    worker extension host (--web: the web extension;
#                                    screenshots in test/e2e/screenshots/web/)
#   bash .ci/e2e.sh --stand-in    only 1., against the fixture stand-in (checks the infrastructure)
#   --keep, --only a,b, --extension <dir> are passed to both (--extension as the suite's --dev).
# Both always run; the exit status is 1 if either failed (2 for a usage/staging error).
# Installs what it needs on first use (Debian packages, code-server into
# ${HANKE_E2E_CACHE:-$HOME/.cache/hanke-e2e}); later runs reuse the cache.
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/e2e/code-server/setup.sh

stand_in=0
suite_args=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --stand-in) stand_in=1 ;;
    --keep) suite_args+=(--keep) ;;
    --only) suite_args+=(--only "${args[i + 1]:-}"); i=$((i + 1)) ;;
    --extension) suite_args+=(--dev "${args[i + 1]:-}"); i=$((i + 1)) ;;
  esac
done

status=0
echo "== e2e 1/3: UI checks with Playwright (test/e2e/code-server/run.mjs)"
node test/e2e/code-server/run.mjs "$@" || status=$?

if [ "$stand_in" = 0 ]; then
  echo "== e2e 2/3: extension-host suite (test/e2e/suite/run-code-server.mjs)"
  suite_status=0
  node test/e2e/suite/run-code-server.mjs ${suite_args[@]+"${suite_args[@]}"} || suite_status=$?
  if [ "$status" = 0 ]; then status=$suite_status; fi
  echo "== e2e 3/3: UI checks and the suite with the extension in the web worker extension host (--web)"
  web_status=0
  node test/e2e/code-server/run.mjs --web "$@" || web_status=$?
  node test/e2e/suite/run-code-server.mjs --web ${suite_args[@]+"${suite_args[@]}"} || web_status=$?
  if [ "$status" = 0 ]; then status=$web_status; fi
fi
exit "$status"
