#!/usr/bin/env bash
# Installs what the real-editor end-to-end test needs, idempotently:
#   - Debian packages: chromium, ripgrep, the build tools and -dev libraries
#     that code-server's native Node modules compile against;
#   - code-server (VS Code in the browser, from the npm registry) into a cache
#     directory outside the repository: ${HANKE_E2E_CACHE:-$HOME/.cache/hanke-e2e}.
#
# code-server's own postinstall downloads ripgrep from the internet and fails
# offline, so the package is installed with --ignore-scripts and the steps of its
# postinstall are done here by hand, using Debian's ripgrep.
#
# Work already done is skipped: a stamp file keyed by the code-server version and
# the Node major version (native modules are built for one Node ABI) marks a
# finished install. Re-running on a warm cache takes well under a second.
#
# Progress goes to stderr; with --print-dir the code-server directory is printed
# on stdout (its only output there).
set -euo pipefail

CS_VERSION="${HANKE_E2E_CODE_SERVER_VERSION:-4.100.3}"
CACHE="${HANKE_E2E_CACHE:-$HOME/.cache/hanke-e2e}"
CS_DIR="$CACHE/code-server-$CS_VERSION"
STAMP="$CS_DIR/.hanke-e2e-stamp"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
STAMP_WANT="code-server=$CS_VERSION node-major=$NODE_MAJOR setup=1"

APT_PACKAGES=(
  chromium            # the browser Playwright drives
  ripgrep             # VS Code's search; replaces @vscode/ripgrep's download
  fonts-dejavu-core   # something to render text with in headless screenshots
  python3 make g++ pkg-config        # node-gyp
  libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev   # native modules
)

log() { printf '[e2e-setup] %s\n' "$*" >&2; }
t0=$(date +%s)

# --- Debian packages --------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then SUDO="sudo"; else
      log "missing Debian packages (${missing[*]}) and not root: install them and re-run"; exit 1
    fi
  fi
  log "installing Debian packages: ${missing[*]}"
  mkdir -p "$CACHE"
  if ! { $SUDO apt-get update -qq \
         && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; \
       } >"$CACHE/apt.log" 2>&1; then
    tail -n 30 "$CACHE/apt.log" >&2
    log "apt-get failed (full log: $CACHE/apt.log)"; exit 1
  fi
else
  log "Debian packages present"
fi
command -v chromium >/dev/null || { log "chromium not found after install"; exit 1; }
command -v rg >/dev/null || { log "rg (ripgrep) not found after install"; exit 1; }

# --- code-server ------------------------------------------------------------
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_WANT" ]; then
  log "code-server $CS_VERSION cached in $CS_DIR"
else
  mkdir -p "$CACHE"
  # One installer at a time per cache (two CI jobs on one machine, say).
  exec 9>"$CACHE/.lock"
  if command -v flock >/dev/null; then flock 9; fi
  if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_WANT" ]; then
    log "code-server $CS_VERSION installed by another process"
  else
    log "installing code-server $CS_VERSION into $CS_DIR"
    TMP="$CS_DIR.partial"
    rm -rf "$TMP" "$CS_DIR"
    mkdir -p "$TMP" "$CACHE/downloads"
    TGZ="$CACHE/downloads/code-server-$CS_VERSION.tgz"
    if [ ! -s "$TGZ" ]; then
      (cd "$CACHE/downloads" && npm pack --silent "code-server@$CS_VERSION" >/dev/null)
    fi
    tar -xzf "$TGZ" -C "$TMP" --strip-components=1

    NPM_FLAGS=(--omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
    export npm_config_update_notifier=false
    # node-pty's post-install runs `npx node-gyp ...`; a user config of yes=false
    # would make npx refuse to fetch it.
    export npm_config_yes=true

    log "  package root: npm install"
    (cd "$TMP" && npm install "${NPM_FLAGS[@]}" >&2 && npm rebuild argon2 >&2)

    log "  lib/vscode: npm install + rebuild native modules"
    (cd "$TMP/lib/vscode" \
      && npm install "${NPM_FLAGS[@]}" >&2 \
      && npm rebuild node-pty @parcel/watcher @vscode/spdlog native-watchdog kerberos @vscode/deviceid >&2)

    # What code-server's postinstall.sh does after its npm install:
    (
      cd "$TMP/lib/vscode"
      mkdir -p node_modules/@vscode/ripgrep/bin
      ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
      rm -rf node_modules.asar && ln -s node_modules node_modules.asar
      (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
      (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
    )

    log "  lib/vscode/extensions: npm install"
    (cd "$TMP/lib/vscode/extensions" && npm install "${NPM_FLAGS[@]}" >&2 && node postinstall.mjs >/dev/null)

    # Smoke test before the install counts as done.
    # (XDG_* point at a throwaway dir: code-server writes a default config.yaml.)
    smoke="$(mktemp -d)"
    ver="$(XDG_CONFIG_HOME="$smoke" XDG_DATA_HOME="$smoke" node "$TMP/out/node/entry.js" --version 2>&1 \
           | grep -E "^$CS_VERSION " || true)"
    rm -rf "$smoke"
    if [ -n "$ver" ]; then log "  code-server --version: $ver"; else
      log "code-server smoke test failed: 'code-server --version' printed no version line"; exit 1
    fi
    # A symlinked rg from the .partial path must survive the rename: it points at
    # /usr/bin/rg, absolute, so it does.
    mv "$TMP" "$CS_DIR"
    printf '%s' "$STAMP_WANT" >"$STAMP"
  fi
fi

log "ready in $(( $(date +%s) - t0 ))s"
if [ "${1:-}" = "--print-dir" ]; then echo "$CS_DIR"; fi
