// The names the client and the server share (custom requests, commands, the code action
// kind, the diagnostics' source, the preview's view type) are declared once, in
// server/src/core/protocol.ts: no `hanke/…` or `hanke.…` string is written out in
// client/src or server/src/lsp, apart from the settings keys (package.json declares them).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CodeActionKinds, Commands, InternalMethods, Requests, ServerCommands, Views } from '../../server/src/core/protocol';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[] } };
const configuration = pkg.contributes.configuration;
const SETTINGS_KEYS = new Set((Array.isArray(configuration) ? configuration : [configuration]).flatMap((c) => Object.keys(c.properties)));

/** The `hanke/…`, `hanke.…` and `….hanke` ids written as string literals in `source` (comments left out), settings keys excepted. */
function strayNames(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  for (const m of code.matchAll(/(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g)) {
    for (const id of m[2].match(/\bhanke[./][\w.-]*\w|[\w.]+\.hanke\b/g) ?? []) if (!SETTINGS_KEYS.has(id)) found.push(id);
  }
  return found;
}

const CLIENT = tsFiles('client/src');
const SERVER = tsFiles('server/src/lsp');
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const uses = (files: string[], ref: string) => files.some((f) => read(f).includes(ref));

describe('shared names between client and server', () => {
  it('finds a written-out id, and lets settings keys and comments be', () => {
    expect(strayNames(`connection.onRequest('hanke/template', f);`)).toEqual(['hanke/template']);
    expect(strayNames("registerCommand(`hanke.showPreview`, f); kind: 'source.fixAll.hanke'")).toEqual(['hanke.showPreview', 'source.fixAll.hanke']);
    expect(strayNames(`validateRules(x, 'hanke.rules'); // sends 'hanke/lintFiles'\n/** 'hanke.showPreview' */`)).toEqual([]);
  });

  it.each([...CLIENT, ...SERVER])('%s writes out no request, command or other shared id (they come from core/protocol.ts)', (file) => {
    expect(strayNames(read(file))).toEqual([]);
  });

  it('every custom request is used by both sides through Requests', () => {
    for (const key of Object.keys(Requests)) {
      expect(uses(CLIENT, `Requests.${key}`), `client uses Requests.${key}`).toBe(true);
      expect(uses(SERVER, `Requests.${key}`), `server uses Requests.${key}`).toBe(true);
    }
  });

  it('every client command is registered by the client; the server commands, kinds and views are used where they belong', () => {
    for (const key of Object.keys(Commands)) expect(uses(CLIENT, `Commands.${key}`), `client registers Commands.${key}`).toBe(true);
    for (const key of Object.keys(ServerCommands)) expect(uses(SERVER, `ServerCommands.${key}`), `server runs ServerCommands.${key}`).toBe(true);
    for (const key of Object.keys(CodeActionKinds)) expect(uses(SERVER, `CodeActionKinds.${key}`)).toBe(true);
    for (const key of Object.keys(Views)) expect(uses(CLIENT, `Views.${key}`)).toBe(true);
    for (const key of Object.keys(InternalMethods)) expect(uses(SERVER, `InternalMethods.${key}`)).toBe(true);
  });

  it('the ids are all distinct and namespaced', () => {
    const ids = [
      ...Object.values(Requests),
      ...Object.values(Commands),
      ...Object.values(ServerCommands),
      ...Object.values(CodeActionKinds),
      ...Object.values(Views),
      ...Object.values(InternalMethods),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(\$\/)?hanke[./]|\.hanke$/);
  });
});
