#!/usr/bin/env bash
# The Neovim test: Neovim's own LSP client against `hanke lsp --stdio` (dist/cli.js).
# Needs `nvim` (CI installs Debian's neovim package) and a build (npm run build).
# Prepares copies of the examples and faulty files in a temporary folder, runs
# test.lua headless, then compares the files the client wrote back with the originals.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
command -v nvim >/dev/null || { echo "neovim test: nvim is not installed" >&2; exit 1; }
[ -f dist/cli.js ] || { echo "neovim test: run npm run build first" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/hanke-nvim.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/examples"
cp examples/*.txt "$work/examples/"
ex000=$(ls examples/000_*.txt)
ex001=$(ls examples/001_*.txt)
# The quick fix and the formatting must each give back the original exactly.
node -e '
const fs = require("fs");
const [ex000, ex001, work] = process.argv.slice(1);
const a = fs.readFileSync(ex001, "utf8");
fs.writeFileSync(work + "/faulty.txt", a.replace("sukupuolinäkökulmasta: Kyllä", "sukupuolinäkökulmasta: Kylä"));
fs.writeFileSync(work + "/faulty-fi.txt", a.replace("sukupuolinäkökulmasta: Kyllä", "sukupuolinäkökulmasta: Kylä"));
// An ungrouped amount, trailing blanks and a missing blank line.
const b = fs.readFileSync(ex000, "utf8");
fs.writeFileSync(work + "/unformatted.txt", b.replace("rahoitus: 289 500\n", "rahoitus: 289500\n").replace(/^(Hankekoodi: .*)\n\n/m, "$1   \n"));
' "$ex000" "$ex001" "$work"
printf 'Ostoslista\n\nmaitoa\nleipää\nkahvia: 2 pakettia\n' > "$work/notes.txt"
cmp -s "$work/faulty.txt" "$ex001" && { echo "neovim test: the faulty copy is not faulty" >&2; exit 1; }
cmp -s "$work/unformatted.txt" "$ex000" && { echo "neovim test: the unformatted copy is formatted" >&2; exit 1; }

status=0
HANKE_CLI="$root/dist/cli.js" HANKE_WORK="$work" HANKE_OUT="$work/results.txt" \
  timeout 120 nvim --headless --clean -n -i NONE -u NONE -c "luafile $root/test/neovim/test.lua" >"$work/nvim.log" 2>&1 || status=$?
if [ ! -f "$work/results.txt" ]; then
  echo "neovim test: no results (exit $status)"; cat "$work/nvim.log"; exit 1
fi
cat "$work/results.txt"
for pair in "faulty.txt:$ex001" "unformatted.txt:$ex000"; do
  f=${pair%%:*}; orig=${pair#*:}
  if diff -u "$orig" "$work/$f" > "$work/diff.txt"; then
    echo "ok   $f written back equal to $(basename "$orig")"
  else
    echo "FAIL $f written back differs from $(basename "$orig"):"; cat "$work/diff.txt"; status=1
  fi
done
grep -q '^FAIL' "$work/results.txt" && status=1
[ "$status" = 0 ] && echo "neovim test: passed" || echo "neovim test: FAILED"
exit "$status"
