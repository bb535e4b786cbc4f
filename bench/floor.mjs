#!/usr/bin/env node
// The throughput floor: a plain Node script that only reads the same files as
// `hanke lint <dir>` (walked and sorted the same way) and splits them into lines.
// `hanke lint` is measured against this, so the figure says how much the linting
// costs on top of the unavoidable reading, on the same machine in the same run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir, out) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && /\.(txt|hanke)$/i.test(e.name)) out.push(p);
  }
  return out;
}

let files = 0;
let lines = 0;
for (const arg of process.argv.slice(2)) {
  for (const f of walk(arg, [])) {
    lines += readFileSync(f, 'utf8').split(/\r\n|\r|\n/).length;
    files++;
  }
}
process.stdout.write(JSON.stringify({ files, lines }) + '\n');
