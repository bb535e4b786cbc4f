// In-process breakdown of what `hanke lint --format json <folder>` does per file, one
// thread, step by step with the CLI's own functions (bundled by bench/run.mjs with
// esbuild): walk the folder, read the bytes, decode and recognise, parse, run the rules,
// the CLI's per-file work around them (positions, messages, the keys for the checks
// across documents), the checks across documents, and the JSON output. The steps run
// one file after another in the CLI's order, so each sees the caches the CLI sees.
import { pick } from '../../server/src/core/config';
import { checkAcrossDocuments, documentKeys } from '../../server/src/core/cross-document';
import { lintDocument } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import { JsonFormatter } from '../../server/src/cli/format-json';
import { type FileResult, toCli } from '../../server/src/cli/lint-files';
import { StringSink } from '../../server/src/cli/output';
import { expandInputs } from '../../server/src/node/inputs';
import { decodeBytes, descriptionFacts, readDescription } from '../../server/src/node/read-file';
import { Ignorer } from '../../server/src/node/ignore';
import { readFileSync } from 'node:fs';

export interface Breakdown {
  files: number;
  /** Milliseconds per step over all files. */
  walk: number;
  read: number;
  decode: number;
  parse: number;
  rules: number;
  perFile: number;
  across: number;
  output: number;
  /** The floor's own two steps over the same files: read as UTF-8 text, split into lines. */
  floorRead: number;
  floorSplit: number;
}

/** One round over the folder; `collect` (a full GC) runs before it when given. */
export function cliBreakdown(folder: string, collect: () => void = () => undefined): Breakdown {
  collect();
  let t = performance.now();
  const tasks = expandInputs([folder], { ignorer: new Ignorer([]) });
  const walk = performance.now() - t;
  const b: Breakdown = { files: tasks.length, walk, read: 0, decode: 0, parse: 0, rules: 0, perFile: 0, across: 0, output: 0, floorRead: 0, floorSplit: 0 };
  const results: FileResult[] = [];
  for (const task of tasks) {
    t = performance.now();
    const bytes = readFileSync(task.file);
    let u = performance.now();
    b.read += u - t;
    t = u;
    const got = readDescription({ path: task.file, bytes }, task.fromWalk);
    u = performance.now();
    b.decode += u - t;
    t = u;
    if (got.kind !== 'description') continue;
    const doc = parse(got.text);
    u = performance.now();
    b.parse += u - t;
    t = u;
    const findings = lintDocument(doc, { rules: {} }, descriptionFacts(got, got.text));
    u = performance.now();
    b.rules += u - t;
    t = u;
    const diagnostics = findings.map((f) => toCli(f.rule, f.severity, f.range, pick(f.message, 'en')));
    results.push({ file: task.file, diagnostics, meta: { unreadable: false, keys: documentKeys(doc) } });
    b.perFile += performance.now() - t;
  }
  t = performance.now();
  checkAcrossDocuments(results.map((r) => ({ file: r.file, keys: r.meta.keys })));
  b.across = performance.now() - t;
  t = performance.now();
  const sink = new StringSink();
  const json = new JsonFormatter(sink);
  for (const r of results) json.file(r);
  json.end();
  b.output = performance.now() - t;
  // The floor's steps, on the same files.
  let lines = 0;
  for (const task of tasks) {
    t = performance.now();
    const text = readFileSync(task.file, 'utf8');
    const u = performance.now();
    b.floorRead += u - t;
    lines += text.split(/\r\n|\r|\n/).length;
    b.floorSplit += performance.now() - u;
  }
  if (lines < 0 || sink.text.length < 0 || decodeBytes === undefined) throw new Error('unreachable');
  return b;
}
