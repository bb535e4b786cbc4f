#!/usr/bin/env bash
# Emacs eglot as a client of `hanke lsp --stdio` (by hand, not in CI): needs Debian's
# emacs-nox and elpa-eglot (apt-get install emacs-nox elpa-eglot) and a build.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v emacs >/dev/null || { echo "eglot test: emacs is not installed" >&2; exit 1; }
[ -f dist/cli.js ] || { echo "eglot test: run npm run build first" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/hanke-eglot.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp examples/004_*.txt "$work/kuvaus.txt"
printf 'Ostoslista\n\nmaitoa\nleipää\n' > "$work/notes.txt"
HANKE_CLI="$PWD/dist/cli.js" HANKE_WORK="$work" timeout 120 emacs --batch -Q -l test/emacs/eglot-test.el 2>&1 | grep -v '^Loading\|^\[eglot\]\|^Package'
