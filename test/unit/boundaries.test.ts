// The import boundaries of eslint.config.mjs fail on a deliberate violation (and accept
// the allowed imports), so `npm run lint` guards the layering described in CONTRIBUTING.md.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The ids of the rules broken by `code` as if it were the file `path` of the repository. */
async function broken(path: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return r.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('import boundaries', () => {
  it('the core imports no Node API, no vscode*, nothing of the CLI, the node layer or the LSP side', async () => {
    for (const spec of [
      "'node:fs'",
      "'fs'",
      "'path'",
      "'vscode-languageserver'",
      "'vscode'",
      "'../cli/lint-files'",
      "'../../cli'",
      "'../cli'",
      "'../lsp/handlers/session'",
      "'../lsp/main'",
      "'../lsp/state'",
      "'../server'",
      "'../node/files'",
    ]) {
      expect(await broken('server/src/core/probe.ts', `import { x } from ${spec};\nexport const y = x;\n`), spec).toEqual(['no-restricted-imports']);
    }
    expect(await broken('server/src/core/rules/values/probe.ts', `import { x } from '../../../cli/fix';\nexport const y = x;\n`)).toEqual(['no-restricted-imports']);
    expect(await broken('server/src/core/probe.ts', `import { parse } from './parser';\nimport type { Rule } from './rules/types';\nexport const y: Rule | typeof parse = parse;\n`)).toEqual([]);
  });

  it('the LSP side and the node layer never import the CLI', async () => {
    expect(await broken('server/src/lsp/handlers/probe.ts', `import { x } from '../../cli/lint-files';\nexport const y = x;\n`)).toEqual(['no-restricted-imports']);
    expect(await broken('server/src/node/probe.ts', `import { x } from '../cli/lint-files';\nexport const y = x;\n`)).toEqual(['no-restricted-imports']);
    expect(await broken('server/src/node/probe.ts', `import { x } from '../lsp/state';\nexport const y = x;\n`)).toEqual(['no-restricted-imports']);
    expect(await broken('server/src/lsp/handlers/probe.ts', `import { x } from '../../core/lint';\nimport { y } from '../../node/read-file';\nexport const z = [x, y];\n`)).toEqual([]);
    expect(await broken('server/src/lsp/main.ts', `import { x } from '../cli/lint-files';\nexport const y = x;\n`)).toEqual(['no-restricted-imports']);
    expect(await broken('server/src/lsp/main.ts', `import { x } from '../cli/inputs';\nexport const y = x;\n`)).toEqual(['no-restricted-imports']);
    expect(await broken('server/src/lsp/main.ts', `import { x } from '../node/inputs';\nexport const y = x;\n`)).toEqual([]);
  });
});
