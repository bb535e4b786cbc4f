// The VS Code side of the package: the manifest's contributions agree with the shared
// declarations (protocol.ts, schema.ts, config.ts), the files it names exist, the
// language configuration is usable, and the client's rule-docs argument handling.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docsUrlOf, isBundledPage } from '../../client/src/rule-docs';
import { SETTINGS } from '../../server/src/core/config';
import { CODE_LENS_KINDS, INLAY_HINT_KINDS } from '../../server/src/core/cockpit';
import { ruleDocsUrl } from '../../server/src/core/docs';
import { CONFIG_SECTION, Commands, LANGUAGE_ID } from '../../server/src/core/protocol';
import { PREAMBLE } from '../../server/src/core/schema';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const pkg = JSON.parse(read('package.json')) as Record<string, any>;
const contributes = pkg.contributes;
const nls: Record<'en' | 'fi', Record<string, string>> = { en: JSON.parse(read('package.nls.json')), fi: JSON.parse(read('package.nls.fi.json')) };
/** A `%key%` string of package.json as VS Code shows it in that display language. */
const shown = (s: string, lang: 'en' | 'fi') => s.replace(/^%([^%]+)%$/, (_, k: string) => nls[lang][k]);

/** Every string of package.json, with its JSON path. */
function strings(v: unknown, path = ''): [string, string][] {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, `${path}.${k}`));
  return [];
}

describe('package.json', () => {
  it('starts the bundled client', () => {
    expect(pkg.main).toBe('./dist/client.js');
    expect(pkg.engines.vscode).toBe('^1.82.0');
    expect(pkg.activationEvents).toEqual(expect.arrayContaining([`onLanguage:${LANGUAGE_ID}`, 'onLanguage:plaintext', 'workspaceContains:**/*.hanke']));
  });

  it('contributes the language, its grammar and its configuration', () => {
    const lang = contributes.languages.find((l: { id: string }) => l.id === LANGUAGE_ID);
    expect(lang.extensions).toContain('.hanke');
    expect(lang.aliases).toEqual(['%language.name%', 'hanke']);
    expect(shown(lang.aliases[0], 'en')).toBe('ESR project description');
    expect(shown(lang.aliases[0], 'fi')).toBe('ESR-hankekuvaus');
    expect(existsSync(join(ROOT, lang.configuration))).toBe(true);
    const grammar = contributes.grammars.find((g: { language: string }) => g.language === LANGUAGE_ID);
    expect(grammar.scopeName).toBe('text.hanke');
    expect(JSON.parse(read(grammar.path)).scopeName).toBe(grammar.scopeName);
  });

  it('recognises a description by its first line', () => {
    const lang = contributes.languages.find((l: { id: string }) => l.id === LANGUAGE_ID);
    const re = new RegExp(lang.firstLine);
    expect(re.test(PREAMBLE.banner)).toBe(true);
    expect(re.test(`\uFEFF${PREAMBLE.banner}\r`)).toBe(true);
    expect(re.test('Euroopan unioni')).toBe(false);
    const files = readdirSync(EXAMPLES);
    expect(files).toHaveLength(5);
    for (const f of files) {
      expect(re.test(readFileSync(join(EXAMPLES, f), 'utf8').split('\n')[0]), f).toBe(true);
    }
  });

  it('contributes exactly the commands of protocol.ts, in the Hanke category', () => {
    const ids = contributes.commands.map((c: { command: string }) => c.command).sort();
    expect(ids).toEqual(Object.values(Commands).sort());
    for (const c of contributes.commands) {
      expect(c.category).toBe('Hanke');
      expect(c.title, c.command).toMatch(/^%command\.[A-Za-z]+%$/);
      for (const lang of ['en', 'fi'] as const) expect(shown(c.title, lang), `${c.command} ${lang}`).toMatch(/^[A-ZÄÖ][^/]*[a-zäö]$/);
    }
    expect(shown(contributes.commands[0].title, 'fi')).toBe('Uusi hankekuvaus');
    expect(shown(contributes.commands[0].title, 'en')).toBe('New project description');
    const menus = Object.values(contributes.menus).flat() as { command: string }[];
    for (const m of menus) expect(Object.values(Commands)).toContain(m.command);
    expect(contributes.menus['editor/context']).toEqual(expect.arrayContaining([expect.objectContaining({ command: Commands.openRuleDocs, when: `editorLangId == ${LANGUAGE_ID}` })]));
  });

  it('contributes the settings the server reads', () => {
    const props = contributes.configuration.properties;
    expect(contributes.configuration.title).toBe('Hanke');
    for (const key of Object.keys(props)) expect(key.startsWith(`${CONFIG_SECTION}.`)).toBe(true);
    const view = [...INLAY_HINT_KINDS.map((k) => `hanke.inlayHints.${k}`), ...CODE_LENS_KINDS.map((k) => `hanke.codeLenses.${k}`)];
    expect(Object.keys(props).sort()).toEqual(['hanke.detectPlainText', 'hanke.locale', 'hanke.rules', 'hanke.trace.server', ...view].sort());
    for (const k of view) expect(props[k]).toMatchObject({ type: 'boolean', default: true });
    expect(props['hanke.rules'].type).toBe('object');
    expect(props['hanke.rules'].additionalProperties.enum).toEqual([...SETTINGS]);
    expect(props['hanke.locale'].enum).toEqual(['auto', 'fi', 'en']);
    expect(props['hanke.locale'].default).toBe('auto');
    expect(props['hanke.detectPlainText'].default).toBe(true);
    expect(props['hanke.trace.server'].enum).toEqual(['off', 'messages', 'verbose']);
    for (const [key, p] of Object.entries<Record<string, unknown>>(props)) {
      expect(p.description ?? p.markdownDescription, key).toBeTruthy();
    }
  });

  it("contributes a walkthrough whose steps have a page (Finnish and English) and finish on the extension's commands", () => {
    const [w] = contributes.walkthroughs;
    expect(w.id).toBe('hanke.start');
    for (const step of w.steps as { id: string; media: { markdown: string }; completionEvents: string[]; description: string }[]) {
      const page = read(step.media.markdown);
      expect(page, step.id).toMatch(/\*\*Suomeksi\.\*\*[\s\S]*\*\*In English\.\*\*/);
      for (const e of step.completionEvents) if (e.startsWith('onCommand:')) expect(Object.values(Commands)).toContain(e.slice('onCommand:'.length));
      for (const lang of ['en', 'fi'] as const) for (const [, cmd] of shown(step.description, lang).matchAll(/\(command:([\w.]+)\)/g)) expect(Object.values(Commands)).toContain(cmd);
    }
    expect(w.steps.map((s: { id: string }) => s.id)).toEqual(['newDescription', 'section1', 'finding', 'preview', 'lintFolder']);
  });

  it('validates .hankerc.json with the schema', () => {
    expect(contributes.jsonValidation).toEqual([{ fileMatch: '.hankerc.json', url: './schemas/hankerc.schema.json' }]);
  });

  it('declares workspace trust and virtual workspace support', () => {
    expect(pkg.capabilities).toEqual({ untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  });

  it('has a 128×128 PNG icon', () => {
    const png = readFileSync(join(ROOT, pkg.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(128);
    expect(png.readUInt32BE(20)).toBe(128);
  });

  it('packages with the client README and no node_modules', () => {
    expect(pkg.scripts.package).toContain('--readme-path client/README.md');
    expect(pkg.scripts.package).toContain('--no-dependencies');
    const ignore = read('.vscodeignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(ignore[0]).toBe('**');
    expect(ignore.some((l) => l.includes('node_modules') && l.startsWith('!'))).toBe(false);
    // The client and server bundles; not the CLI's (the extension never runs it).
    expect(ignore).toEqual(expect.arrayContaining(['!dist/client.js', '!dist/server.js']));
    expect(ignore.filter((l) => l.startsWith('!dist/'))).not.toContain('!dist/cli.js');
    expect(ignore).toEqual(expect.arrayContaining(['!docs/rules/*.md', '!package.nls.json', '!package.nls.fi.json', '!l10n/*.json']));
    expect(existsSync(join(ROOT, 'client', 'README.md'))).toBe(true);
    expect(existsSync(join(ROOT, 'LICENSE'))).toBe(true);
  });
});

describe('localisation (package.nls*.json, l10n/)', () => {
  it('every user-visible string of package.json is a %key% with an English and a Finnish text', () => {
    const visible = strings(pkg).filter(
      ([path]) => /\.(displayName|description|markdownDescription|title|aliases\[0\])$|\.enumDescriptions\[\d+\]$/.test(path) && !path.startsWith('.contributes.configuration.title'),
    );
    expect(visible.length).toBeGreaterThan(60);
    for (const [path, s] of visible) {
      const key = /^%([^%]+)%$/.exec(s)?.[1];
      expect(key, `${path}: ${s}`).toBeDefined();
      expect(nls.en[key!], `${path} en`).toBeTruthy();
      expect(nls.fi[key!], `${path} fi`).toBeTruthy();
    }
  });

  it('the two nls files have the same keys, all used by package.json, and no bilingual "fi / en" texts', () => {
    expect(Object.keys(nls.fi).sort()).toEqual(Object.keys(nls.en).sort());
    const used = new Set(strings(pkg).map(([, s]) => /^%([^%]+)%$/.exec(s)?.[1]));
    expect(Object.keys(nls.en).filter((k) => !used.has(k))).toEqual([]);
    for (const lang of ['en', 'fi'] as const) {
      for (const [k, v] of Object.entries(nls[lang])) expect(v, `${lang} ${k}`).not.toMatch(/ \/ /);
    }
    // Finnish texts are not the English ones (a few names are the same in both).
    const same = Object.keys(nls.en).filter((k) => nls.en[k] === nls.fi[k]);
    expect(same).toEqual([]);
  });

  it('every runtime string of the client has a Finnish translation, and nothing else is in the bundle', () => {
    expect(pkg.l10n).toBe('./l10n');
    const bundle = JSON.parse(read('l10n/bundle.l10n.fi.json')) as Record<string, string>;
    const src = readdirSync(join(ROOT, 'client/src'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => read(`client/src/${f}`))
      .join('\n');
    const calls = [...src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
    expect(calls.length).toBeGreaterThan(10);
    expect([...new Set(calls)].sort()).toEqual(Object.keys(bundle).sort());
    for (const [en, fi] of Object.entries(bundle)) {
      expect(fi, en).not.toBe(en);
      // The same placeholders in both.
      expect([...fi.matchAll(/\{\d+\}/g)].map(String).sort(), en).toEqual([...en.matchAll(/\{\d+\}/g)].map(String).sort());
    }
    // No hand-made "fi / en" choice left in the client.
    expect(src).not.toMatch(/\bt\('[^']*', '/);
  });
});

describe('language-configuration.json', () => {
  const conf = JSON.parse(read('language-configuration.json'));
  const words = (s: string) => s.match(new RegExp(conf.wordPattern, 'g'));

  it('keeps Finnish words, hyphenated words, dates and business IDs together', () => {
    expect(words('Yhteyshenkilön sähköpostisoite')).toEqual(['Yhteyshenkilön', 'sähköpostisoite']);
    expect(words('TE-palveluja ja sote-palvelujen')).toEqual(['TE-palveluja', 'ja', 'sote-palvelujen']);
    expect(words('Y-tunnus: 2296962-1')).toEqual(['Y-tunnus', '2296962-1']);
    expect(words('Alkaa 1.8.2018 ja päättyy 31.7.2021')).toEqual(['Alkaa', '1.8.2018', 'ja', 'päättyy', '31.7.2021']);
    expect(words('EU- ja valtion, Åland, Šakki, 6kk')).toEqual(['EU', 'ja', 'valtion', 'Åland', 'Šakki', '6kk']);
  });

  it('auto-closes brackets and quotes', () => {
    const pairs = conf.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close);
    expect(pairs).toEqual(expect.arrayContaining(['()', '[]', '{}', '""', '””']));
    expect(conf.folding).toBeUndefined(); // the server provides folding ranges
  });
});

describe('rule documentation argument', () => {
  const base = 'file:///home/u/.vscode/extensions/hanke-tools.hanke-0.1.0/docs/rules/';
  const page = `${base}invalid-y-tunnus.md`;

  it('takes the bundled page, a rule id (its bundled page) or a web page', () => {
    expect(docsUrlOf(page, base)).toBe(page);
    expect(docsUrlOf('invalid-y-tunnus', base)).toBe(page);
    expect(isBundledPage(page, base)).toBe(true);
    expect(docsUrlOf('https://example.org/rules/x.md', base)).toBe('https://example.org/rules/x.md');
    expect(isBundledPage('https://example.org/rules/x.md', base)).toBe(false);
  });

  it('takes a diagnostic that links the bundled page (as the server sends with docsBase)', () => {
    const uri = { scheme: 'file', path: new URL(page).pathname, toString: () => page };
    expect(docsUrlOf({ message: 'x', code: { value: 'invalid-y-tunnus', target: uri } }, base)).toBe(page);
    expect(docsUrlOf({ message: 'x', code: 'invalid-y-tunnus', codeDescription: { href: page } }, base)).toBe(page);
  });

  it('opens no other file of the extension or of the disk', () => {
    for (const other of [`${base}../../package.json`, `${base}README.md`, `${base}sub/x.md`, 'file:///home/u/kuvaus.hanke', `${base}invalid-y-tunnus.md.exe`]) {
      expect(docsUrlOf(other, base), other).toBeUndefined();
      expect(docsUrlOf({ scheme: 'file', path: new URL(other).pathname, toString: () => other }, base), other).toBeUndefined();
    }
  });

  const url = ruleDocsUrl('invalid-y-tunnus');
  const uri = (s: string) => {
    const u = new URL(s);
    return { scheme: u.protocol.slice(0, -1), path: u.pathname, toString: () => s };
  };

  it('takes a URL or a rule id', () => {
    expect(docsUrlOf(url)).toBe(url);
    expect(docsUrlOf('invalid-y-tunnus')).toBe(url);
    expect(docsUrlOf('not a rule')).toBeUndefined();
    expect(docsUrlOf('command:workbench.action.quit')).toBeUndefined();
  });

  it('takes a VS Code or an LSP diagnostic', () => {
    expect(docsUrlOf({ message: 'x', code: { value: 'invalid-y-tunnus', target: uri(url) } })).toBe(url);
    expect(docsUrlOf({ message: 'x', code: 'invalid-y-tunnus', codeDescription: { href: url } })).toBe(url);
  });

  it('ignores the document URI of the editor context menu and anything else', () => {
    expect(docsUrlOf(uri('file:///home/u/kuvaus.hanke'))).toBeUndefined();
    expect(docsUrlOf(undefined)).toBeUndefined();
    expect(docsUrlOf(42)).toBeUndefined();
    expect(docsUrlOf({ code: 'config', source: 'hanke' })).toBeUndefined();
  });
});
