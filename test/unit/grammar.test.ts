// The TextMate grammar (syntaxes/hanke.tmLanguage.json): it loads, every regular
// expression compiles in JavaScript and avoids Oniguruma-only syntax, it is up to date
// with its generator, and sample lines from the published descriptions get the
// expected scopes. The tokenizer below is a small line-by-line TextMate engine (match,
// begin/end, captures with patterns, includes), close enough to vscode-textmate for
// the constructs this grammar uses.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { grammarText } from '../../client/scripts/grammar';
import { headingText, PREAMBLE, SECTIONS } from '../../server/src/core/schema';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'hanke.tmLanguage.json');
const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

// ---------------------------------------------------------------- the engine

interface RawRule {
  include?: string;
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, RawRule>;
  beginCaptures?: Record<string, RawRule>;
  endCaptures?: Record<string, RawRule>;
  patterns?: RawRule[];
  applyEndPatternLast?: boolean;
}

interface RawGrammar {
  scopeName: string;
  patterns: RawRule[];
  repository: Record<string, RawRule>;
}

interface Frame {
  rule: RawRule;
  /** Scopes of the region's content (outer scopes, the rule's name, contentName). */
  scopes: string[];
  /** Scopes the end match gets (without contentName). */
  nameScopes: string[];
}

interface Token {
  text: string;
  scopes: string[];
}

const names = (n: string | undefined): string[] => (n ? n.split(' ').filter(Boolean) : []);

class MiniTextMate {
  private readonly cache = new Map<string, RegExp>();

  constructor(private readonly grammar: RawGrammar) {}

  regex(source: string): RegExp {
    let re = this.cache.get(source);
    if (!re) {
      re = new RegExp(source, 'dgu');
      this.cache.set(source, re);
    }
    return re;
  }

  /** Patterns with includes expanded, in order. */
  resolve(patterns: readonly RawRule[], seen = new Set<string>()): RawRule[] {
    const out: RawRule[] = [];
    for (const p of patterns) {
      if (p.include) {
        let target: RawRule | undefined;
        if (p.include === '$self' || p.include === '$base') target = { patterns: this.grammar.patterns };
        else if (p.include.startsWith('#')) target = this.grammar.repository[p.include.slice(1)];
        if (!target) throw new Error(`unresolved include ${p.include}`);
        if (seen.has(p.include)) continue;
        if (target.match || target.begin) out.push(target);
        else out.push(...this.resolve(target.patterns ?? [], new Set([...seen, p.include])));
      } else if (p.match || p.begin) {
        out.push(p);
      } else if (p.patterns) {
        out.push(...this.resolve(p.patterns, seen));
      }
    }
    return out;
  }

  initialStack(): Frame[] {
    const scopes = [this.grammar.scopeName];
    return [{ rule: { patterns: this.grammar.patterns }, scopes, nameScopes: scopes }];
  }

  /** Tokenizes one line; returns its tokens and the stack for the next line. */
  tokenizeLine(line: string, stack: Frame[]): { tokens: Token[]; stack: Frame[] } {
    const chars: string[][] = Array.from({ length: line.length }, () => []);
    const next = this.run(line, 0, [...stack], chars);
    return { tokens: merge(line, chars), stack: next };
  }

  /** Fills chars[pos..] with full scope lists; returns the stack at the end of the line. */
  private run(line: string, pos: number, stack: Frame[], chars: string[][]): Frame[] {
    const fill = (a: number, b: number, scopes: string[]) => {
      for (let i = a; i < b; i++) chars[i] = [...scopes];
    };
    let stalled = 0;
    for (;;) {
      const frame = stack[stack.length - 1];
      const candidates: { kind: 'end' | 'rule'; rule: RawRule; re: RegExp }[] = [];
      const inner = this.resolve(frame.rule.patterns ?? []).map((rule) => ({
        kind: 'rule' as const,
        rule,
        re: this.regex((rule.match ?? rule.begin)!),
      }));
      const end = frame.rule.end !== undefined ? [{ kind: 'end' as const, rule: frame.rule, re: this.regex(frame.rule.end) }] : [];
      candidates.push(...(frame.rule.applyEndPatternLast ? [...inner, ...end] : [...end, ...inner]));

      let best: { kind: 'end' | 'rule'; rule: RawRule; m: RegExpExecArray } | undefined;
      for (const c of candidates) {
        c.re.lastIndex = pos;
        const m = c.re.exec(line);
        if (m && (!best || m.index < best.m.index)) best = { kind: c.kind, rule: c.rule, m };
      }
      if (!best) {
        fill(pos, line.length, frame.scopes);
        return stack;
      }
      const start = best.m.index;
      const stop = start + best.m[0].length;
      fill(pos, start, frame.scopes);
      if (best.kind === 'end') {
        fill(start, stop, frame.nameScopes);
        this.captures(line, best.m, frame.rule.endCaptures, chars);
        stack.pop();
      } else if (best.rule.match !== undefined) {
        fill(start, stop, [...frame.scopes, ...names(best.rule.name)]);
        this.captures(line, best.m, best.rule.captures, chars);
      } else {
        const nameScopes = [...frame.scopes, ...names(best.rule.name)];
        fill(start, stop, nameScopes);
        this.captures(line, best.m, best.rule.beginCaptures ?? best.rule.captures, chars);
        stack.push({ rule: best.rule, nameScopes, scopes: [...nameScopes, ...names(best.rule.contentName)] });
      }
      if (stop === pos) {
        // A zero-width match: only a push or pop may do that, and not forever.
        if (best.kind === 'rule' && best.rule.match !== undefined) {
          if (pos >= line.length) return stack;
          throw new Error(`zero-width match rule ${best.rule.match} at ${pos} of ${JSON.stringify(line)}`);
        }
        if (++stalled > 8) throw new Error(`grammar loops at ${pos} of ${JSON.stringify(line)}`);
      } else {
        stalled = 0;
      }
      pos = stop;
    }
  }

  /** Appends capture scopes; captures with patterns are tokenized like vscode-textmate does. */
  private captures(line: string, m: RegExpExecArray, captures: Record<string, RawRule> | undefined, chars: string[][]) {
    if (!captures) return;
    const keys = Object.keys(captures)
      .map(Number)
      .sort((a, b) => a - b);
    for (const k of keys) {
      const span = m.indices?.[k];
      if (!span || span[0] === span[1]) continue;
      const [a, b] = span;
      const cap = captures[String(k)];
      for (let i = a; i < b; i++) chars[i] = [...chars[i], ...names(cap.name)];
      if (cap.patterns) {
        // vscode-textmate: the line up to the capture's end, scanned from its start.
        const sub: string[][] = Array.from({ length: b }, () => []);
        this.run(line.slice(0, b), a, [{ rule: { patterns: cap.patterns }, scopes: [], nameScopes: [] }], sub);
        for (let i = a; i < b; i++) chars[i] = [...chars[i], ...sub[i]];
      }
    }
  }
}

function merge(line: string, chars: string[][]): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < line.length; i++) {
    const last = tokens[tokens.length - 1];
    if (last && last.scopes.join(' ') === chars[i].join(' ')) last.text += line[i];
    else tokens.push({ text: line[i], scopes: chars[i] });
  }
  return tokens;
}

// ---------------------------------------------------------------- helpers

const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as RawGrammar;
const engine = new MiniTextMate(raw);

interface TokenLine {
  text: string;
  tokens: Token[];
  /** Scopes of each character. */
  chars: string[][];
}

function tokenize(text: string): TokenLine[] {
  let stack = engine.initialStack();
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const r = engine.tokenizeLine(line, stack);
      stack = r.stack;
      const chars = r.tokens.flatMap((t) => [...t.text].flatMap((ch) => Array.from({ length: ch.length }, () => t.scopes)));
      return { text: line, tokens: r.tokens, chars };
    });
}

const hasScope = (scopes: readonly string[], scope: string) => scopes.some((s) => s === scope || s.startsWith(`${scope}.`));

function lineOf(doc: TokenLine[], text: string): TokenLine {
  const l = doc.find((x) => x.text === text) ?? doc.find((x) => x.text.startsWith(text));
  if (!l) throw new Error(`no line ${JSON.stringify(text)}`);
  return l;
}

function indexOf(line: TokenLine, needle: string, occurrence: number): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = line.text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} (#${occurrence}) not in ${JSON.stringify(line.text)}`);
  }
  return at;
}

/** Every character of `needle` (its n-th occurrence in the line) carries `scope`. */
function expectScope(line: TokenLine, needle: string, scope: string, occurrence = 0) {
  const at = indexOf(line, needle, occurrence);
  for (let i = at; i < at + needle.length; i++) {
    if (!hasScope(line.chars[i], scope)) {
      throw new Error(`${JSON.stringify(needle)} in ${JSON.stringify(line.text)}: char ${i} ${JSON.stringify(line.text[i])} has [${line.chars[i].join(', ')}], expected ${scope}`);
    }
  }
}

/** As expectScope, and the scope covers exactly `needle`: it neither runs on nor stops short. */
function expectToken(line: TokenLine, needle: string, scope: string, occurrence = 0) {
  expectScope(line, needle, scope, occurrence);
  const at = indexOf(line, needle, occurrence);
  const before = at > 0 ? hasScope(line.chars[at - 1], scope) : false;
  const after = at + needle.length < line.text.length ? hasScope(line.chars[at + needle.length], scope) : false;
  expect({ before, after }, `${JSON.stringify(needle)} as one ${scope} token in ${JSON.stringify(line.text)}`).toEqual({ before: false, after: false });
}

function expectNoScope(line: TokenLine, scope: string) {
  const bad = line.tokens.filter((t) => hasScope(t.scopes, scope));
  expect(
    bad.map((t) => t.text),
    `${scope} in ${JSON.stringify(line.text)}`,
  ).toEqual([]);
}

function walkRules(visit: (rule: RawRule, where: string) => void) {
  const seen = new Set<RawRule>();
  const walk = (rule: RawRule, where: string) => {
    if (seen.has(rule)) return;
    seen.add(rule);
    visit(rule, where);
    rule.patterns?.forEach((p, i) => walk(p, `${where}.patterns[${i}]`));
    for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
      for (const [k, c] of Object.entries(rule[key] ?? {})) walk(c, `${where}.${key}[${k}]`);
    }
  };
  raw.patterns.forEach((p, i) => walk(p, `patterns[${i}]`));
  for (const [k, r] of Object.entries(raw.repository)) walk(r, `repository.${k}`);
}

function regexSources(): { where: string; source: string }[] {
  const out: { where: string; source: string }[] = [];
  walkRules((rule, where) => {
    for (const key of ['match', 'begin', 'end'] as const) {
      if (rule[key] !== undefined) out.push({ where: `${where}.${key}`, source: rule[key]! });
    }
  });
  return out;
}

/** Contents of each look-behind group of a regex source. */
function lookBehinds(source: string): string[] {
  const out: string[] = [];
  const re = /\(\?<[=!]/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    let depth = 1;
    let i = m.index + m[0].length;
    let inClass = false;
    const start = i;
    for (; i < source.length && depth > 0; i++) {
      const c = source[i];
      if (c === '\\') i++;
      else if (inClass) inClass = c !== ']';
      else if (c === '[') inClass = true;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
    }
    out.push(source.slice(start, i - 1));
  }
  return out;
}

/** Removes escapes and character classes, leaving the operators of a regex source. */
function operators(source: string): string {
  return source.replace(/\\./g, 'x').replace(/\[(?:\\.|[^\]\\])*\]/g, 'x');
}

// ---------------------------------------------------------------- tests

describe('grammar file', () => {
  it('loads as the text.hanke grammar', () => {
    expect(raw.scopeName).toBe('text.hanke');
    expect(Array.isArray(raw.patterns)).toBe(true);
    expect(Object.keys(raw.repository).length).toBeGreaterThan(0);
  });

  it('is the output of client/scripts/grammar.ts (run node client/scripts/generate-grammar.mjs)', () => {
    expect(readFileSync(GRAMMAR_PATH, 'utf8')).toBe(grammarText());
  });

  it('resolves every include', () => {
    walkRules((rule, where) => {
      if (!rule.include) return;
      const ok = rule.include === '$self' || rule.include === '$base' || (rule.include.startsWith('#') && rule.include.slice(1) in raw.repository);
      expect(ok, `${where}: include ${rule.include}`).toBe(true);
    });
  });

  it('compiles every regex in JavaScript, with and without the u flag', () => {
    const sources = regexSources();
    expect(sources.length).toBeGreaterThan(20);
    for (const { where, source } of sources) {
      expect(() => new RegExp(source, 'du'), where).not.toThrow();
      // \p{…} needs the u flag in JavaScript; everything else must compile without it too.
      if (!source.includes('\\p{')) expect(() => new RegExp(source), where).not.toThrow();
    }
  });

  it('avoids syntax that Oniguruma and JavaScript read differently', () => {
    for (const { where, source } of regexSources()) {
      const ops = operators(source);
      // Oniguruma-only escapes and anchors: \h \H \A \z \Z \G \K \Q…\E \x{…} and \u escapes.
      expect(source, where).not.toMatch(/\\[hHAzZGKQEu]|\\x\{/);
      // Atomic groups, inline options, possessive quantifiers, named groups or back-references.
      expect(ops, where).not.toMatch(/\(\?>|\(\?[imx-]+[:)]|[*+?}]\+|\(\?<\w|\\k</);
      expect(source, where).not.toMatch(/\\[1-9]/);
      // Property escapes: only general categories, which both engines know.
      for (const p of source.match(/\\[pP]\{[^}]*\}/g) ?? []) expect(['\\p{L}', '\\p{Lu}', '\\p{Ll}', '\\p{N}'], where).toContain(p);
      // Look-behinds must have a fixed length in Oniguruma.
      for (const lb of lookBehinds(source)) expect(operators(lb), `${where} look-behind ${lb}`).not.toMatch(/[*+?{|]/);
      // JavaScript's \b is ASCII-only: never next to a letter outside ASCII.
      expect(source, where).not.toMatch(/\\b[^\x00-\x7f]|[^\x00-\x7f]\\b/);
    }
  });
});

describe('headings', () => {
  it('recognises every section and subsection heading of the schema', () => {
    const doc = tokenize(SECTIONS.map(headingText).join('\n\n'));
    for (const spec of SECTIONS) {
      const line = lineOf(doc, headingText(spec));
      expectScope(line, line.text, 'markup.heading.hanke');
      expectToken(line, spec.number, 'constant.numeric.section.hanke');
      expectToken(line, spec.title, 'entity.name.section.hanke');
    }
  });

  it('accepts the forms the parser accepts: a dot after the number, extra white space', () => {
    const doc = tokenize(['5. Projektin julkinen rahoitus, euroa', '  8.2\u00a0Kestävä kehitys  ', '1\tHanke'].join('\n'));
    expectToken(doc[0], '5', 'constant.numeric.section.hanke');
    expectToken(doc[0], 'Projektin julkinen rahoitus, euroa', 'entity.name.section.hanke');
    expectToken(doc[1], 'Kestävä kehitys', 'entity.name.section.hanke');
    expectToken(doc[2], 'Hanke', 'entity.name.section.hanke');
  });

  it('leaves numbered free text alone', () => {
    const doc = tokenize(
      [
        '3 Suunnitelman mukainen tiivistelmä toteutuksesta',
        '1) Hankkeen tavoitteena on tarkastella TE-palveluja',
        '2. Tiedolla johtamisen ja tiedon vaihdon lisääminen maakunnassa',
        '2019 aikana hanke järjesti kolme valmennusta.',
        '5 kuntaa osallistuu hankkeeseen.',
        '10 Liitteet',
        '4.3 Muut kohderyhmät',
        '1 Hanke on hyvä',
        'Hanke',
      ].join('\n'),
    );
    for (const line of doc.slice(1)) expectNoScope(line, 'markup.heading');
    expectToken(doc[1], '1)', 'punctuation.definition.list.begin.hanke');
    expectToken(doc[2], '2.', 'punctuation.definition.list.begin.hanke');
    expectNoScope(doc[3], 'markup.list');
    expectNoScope(doc[4], 'markup.list');
  });
});

describe('fields from the schema', () => {
  // A document with every field's example value, in its section.
  const lines: string[] = [PREAMBLE.banner, PREAMBLE.title];
  for (const spec of SECTIONS) {
    lines.push(headingText(spec));
    if (spec.body === 'fields' || spec.body === 'questions') {
      for (const f of spec.fields ?? []) lines.push(`${f.label}: ${f.example}`, ...(f.justified ? ['Perustelu: teksti.'] : []));
    }
  }
  const doc = tokenize(lines.join('\n'));
  const valueScope: Record<string, string> = {
    projectCode: 'constant.other.project-code.hanke',
    period: 'constant.numeric.date.hanke',
    yTunnus: 'constant.other.y-tunnus.hanke',
    postalCode: 'constant.numeric.postal-code.hanke',
    phone: 'constant.other.phone.hanke',
    email: 'markup.underline.link.email.hanke',
    url: 'markup.underline.link.hanke',
    amount: 'constant.numeric.amount.hanke',
    count: 'constant.numeric.count.hanke',
    yesNo: 'constant.language.boolean.hanke',
  };

  for (const spec of SECTIONS) {
    for (const f of spec.fields ?? []) {
      it(`${spec.number} ${f.label}`, () => {
        const line = doc.find((l, i) => l.text === `${f.label}: ${f.example}` && doc.slice(0, i).some((h) => h.text === headingText(spec)))!;
        expectToken(line, f.label, 'variable.other.label.hanke');
        expectScope(line, f.label, 'support.type.property-name.hanke');
        expectScope(line, f.example, 'string.unquoted.value.hanke');
        const scope = valueScope[f.kind];
        // An e-mail address is split around its `(at)`; everything else is one token.
        if (scope && f.kind === 'email') expectScope(line, f.example, scope);
        else if (scope && f.kind !== 'period') expectToken(line, f.example, scope);
        if (f.kind === 'period') {
          for (const date of f.example.match(/\d+\.\d+\.\d+/g)!) expectToken(line, date, scope!);
        }
      });
    }
  }

  it('a justification line after an 8.1 answer is text, even with a colon', () => {
    expectNoScope(lineOf(doc, 'Perustelu: teksti.'), 'variable.other.label.hanke');
  });

  it('any other Label: value line of a field section is a label (the server judges it)', () => {
    const d = tokenize(['1 Hanke', 'Lisätieto: jotain muuta', 'Hankekoodi:', 'http://example.fi'].join('\n'));
    expectToken(d[1], 'Lisätieto', 'variable.other.label.hanke');
    expectToken(d[2], 'Hankekoodi', 'variable.other.label.hanke');
    expectNoScope(d[3], 'variable.other.label.hanke');
    expectScope(d[3], 'http://example.fi', 'markup.underline.link.hanke');
  });

  it('the joint-project partner block of section 2', () => {
    const d = tokenize(
      [
        '2 Hakijan perustiedot',
        'Hakijoiden lukumäärä tai tuen siirto -menettely: Hakijoita on useampi kuin yksi (yhteishanke)',
        'Osatoteuttajat',
        'Oulun yliopisto, 0245895-5',
        'Kajaanin ammattikorkeakoulu Oy, 2472908-2',
      ].join('\n'),
    );
    expectToken(d[2], 'Osatoteuttajat', 'keyword.other.partners.hanke');
    expectToken(d[3], 'Oulun yliopisto', 'entity.name.organization.hanke');
    expectToken(d[3], '0245895-5', 'constant.other.y-tunnus.hanke');
    expectToken(d[4], 'Kajaanin ammattikorkeakoulu Oy', 'entity.name.organization.hanke');
  });

  it('amounts with no-break spaces and decimals', () => {
    const d = tokenize(['5 Projektin julkinen rahoitus, euroa', 'Myönnetty EU- ja valtion rahoitus: 1\u00a0234\u202f567,50'].join('\n'));
    expectToken(d[1], '1\u00a0234\u202f567,50', 'constant.numeric.amount.hanke');
  });
});

describe('the published examples', () => {
  const files = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const docs = new Map(files.map((f) => [f, tokenize(readFileSync(join(EXAMPLES, f), 'utf8'))]));
  const ex = (prefix: string) => [...docs.entries()].find(([f]) => f.startsWith(prefix))![1];
  const headings = new Set(SECTIONS.map(headingText));

  it('marks exactly the official heading lines as headings', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const [file, doc] of docs) {
      const marked = doc.filter((l) => l.tokens.some((t) => hasScope(t.scopes, 'markup.heading'))).map((l) => l.text.trim());
      const expected = doc.map((l) => l.text.trim()).filter((t) => headings.has(t));
      expect(marked, file).toEqual(expected);
      expect(expected.length, file).toBe(SECTIONS.length);
      for (const l of doc) if (headings.has(l.text.trim())) expectScope(l, l.text.trim(), 'markup.heading.hanke');
    }
  });

  it('tokenizes the preamble, section 1 and section 2 (000)', () => {
    const d = ex('000');
    const banner = lineOf(d, 'Euroopan unioni Vipuvoimaa EU:lta');
    expectScope(banner, 'Euroopan unioni Vipuvoimaa EU:lta', 'comment.line.banner.hanke');
    expectNoScope(banner, 'variable.other.label.hanke');
    expectToken(lineOf(d, 'Euroopan sosiaalirahaston'), 'ESR', 'constant.language.fund.hanke');
    expectToken(lineOf(d, '1 Hanke'), '1', 'constant.numeric.section.hanke');
    expectToken(lineOf(d, '1 Hanke'), 'Hanke', 'entity.name.section.hanke');

    const code = lineOf(d, 'Hankekoodi: S21368');
    expectToken(code, 'Hankekoodi', 'variable.other.label.hanke');
    expectToken(code, ':', 'punctuation.separator.key-value.hanke');
    expectToken(code, 'S21368', 'constant.other.project-code.hanke');
    expectToken(lineOf(d, 'Toimintalinja: 5.'), '5', 'constant.numeric.programme.hanke');
    expectToken(lineOf(d, 'Erityistavoite: 10.1.'), '10.1', 'constant.numeric.programme.hanke');

    const period = lineOf(d, 'Suunnitelman mukainen toteutusaika:');
    expectToken(period, '1.8.2018', 'constant.numeric.date.hanke');
    expectToken(period, '31.7.2021', 'constant.numeric.date.hanke');
    expectToken(period, 'Alkaa', 'keyword.other.period.hanke');
    expectToken(period, 'päättyy', 'keyword.other.period.hanke');

    expectToken(lineOf(d, 'Y-tunnus: 2296962-1'), '2296962-1', 'constant.other.y-tunnus.hanke');
    expectToken(lineOf(d, 'Puhelinnumero: 0295024500'), '0295024500', 'constant.other.phone.hanke');
    expectToken(lineOf(d, 'Postinumero: 40100'), '40100', 'constant.numeric.postal-code.hanke');
    expectToken(lineOf(d, 'WWW-osoite:'), 'http://www.ely-keskus.fi/keski-suomi', 'markup.underline.link.hanke');
    const email = lineOf(d, 'Yhteyshenkilön sähköpostisoite:');
    expectScope(email, 'marja.pudas(at)ely-keskus.fi', 'markup.underline.link.email.hanke');
    expectToken(email, '(at)', 'constant.character.at.hanke');
    expectToken(lineOf(d, 'Hakijoiden lukumäärä'), 'Hakijoiden lukumäärä tai tuen siirto -menettely', 'variable.other.label.hanke');
  });

  it('keeps free text free (000, sections 3, 4 and 9)', () => {
    const d = ex('000');
    const colon = lineOf(d, 'Hankkeessa on kaksi teemaa:');
    expectNoScope(colon, 'variable.other.label.hanke');
    expectNoScope(colon, 'markup.heading');
    const numbered = lineOf(d, '1) Hankkeen tavoitteena');
    expectNoScope(numbered, 'markup.heading');
    expectToken(numbered, '1)', 'punctuation.definition.list.begin.hanke');
    const bullet = lineOf(d, '- työttömät työnhakija asiakkaat');
    expectToken(bullet, '-', 'punctuation.definition.list.begin.hanke');
    expectScope(bullet, 'työttömät', 'markup.list.unnumbered.hanke');
    for (const l of d.slice(d.findIndex((x) => x.text === '9 Loppuraportin tiivistelmä') + 1)) {
      expectNoScope(l, 'variable.other.label.hanke');
      expectNoScope(l, 'constant.language.boolean.hanke');
    }
  });

  it('tokenizes amounts, lists, the place marker and counts (000)', () => {
    const d = ex('000');
    const granted = lineOf(d, 'Myönnetty EU- ja valtion rahoitus: 289 500');
    expectToken(granted, 'Myönnetty EU- ja valtion rahoitus', 'variable.other.label.hanke');
    expectToken(granted, '289 500', 'constant.numeric.amount.hanke');
    expectToken(lineOf(d, 'Suunniteltu julkinen rahoitus yhteensä: 335 500'), '335 500', 'constant.numeric.amount.hanke');
    const sub = lineOf(d, 'Seutukunnat:');
    expectToken(sub, ',', 'punctuation.separator.comma.hanke', 0);
    expectToken(sub, ',', 'punctuation.separator.comma.hanke', 4);
    expectScope(lineOf(d, 'Toteutuspaikan osoite'), 'Toteutuspaikan osoite, jos hanke toteutetaan yhdessä paikassa', 'keyword.other.place-marker.hanke');
    expectToken(lineOf(d, 'Jakeluosoite: Cygnaeuksenkatu 1'), 'Jakeluosoite', 'variable.other.label.hanke');
    expectToken(lineOf(d, 'Suunniteltu: 10'), '10', 'constant.numeric.count.hanke');
    expectToken(lineOf(d, 'Toteutunut seurantatietojen mukaan: 0'), '0', 'constant.numeric.count.hanke');
  });

  it('tokenizes the 8.1 answers and the 8.2 table (000)', () => {
    const d = ex('000');
    const q = lineOf(d, 'Hankkeessa on tehty toimintaympäristön analyysi sukupuolinäkökulmasta: Ei');
    expectToken(q, 'Hankkeessa on tehty toimintaympäristön analyysi sukupuolinäkökulmasta', 'variable.other.label.hanke');
    expectToken(q, 'Ei', 'constant.language.boolean.hanke');
    expectToken(lineOf(d, 'Sukupuolinäkökulma on huomioitu'), 'Ei', 'constant.language.boolean.hanke');
    expectNoScope(lineOf(d, 'Hanke tukee molempia'), 'variable.other.label.hanke');

    const header = lineOf(d, 'VälitönVälillinen');
    expectToken(header, 'Välitön', 'keyword.other.column.direct.hanke');
    expectToken(header, 'Välillinen', 'keyword.other.column.indirect.hanke');
    for (const g of ['Ekologinen kestävyys', 'Taloudellinen kestävyys', 'Sosiaalinen ja kulttuurinen kestävyys sekä yhdenvertaisuus']) {
      expectToken(lineOf(d, g), g, 'entity.name.type.score-group.hanke');
    }
    const item = lineOf(d, 'Luonnonvarojen käytön kestävyys 2 2');
    expectToken(item, 'Luonnonvarojen käytön kestävyys', 'variable.other.score-item.hanke');
    expectToken(item, '2', 'constant.numeric.score.direct.hanke', 0);
    expectToken(item, '2', 'constant.numeric.score.indirect.hanke', 1);
    const natura = lineOf(d, 'Natura 2000 -ohjelman kohteet 0 0');
    expectToken(natura, 'Natura 2000 -ohjelman kohteet', 'variable.other.score-item.hanke');
    // The zeros of "2000" are occurrences 0–2; the scores are 3 and 4.
    expectToken(natura, '0', 'constant.numeric.score.direct.hanke', 3);
    expectToken(natura, '0', 'constant.numeric.score.indirect.hanke', 4);
    expectToken(lineOf(d, 'Pinta- ja pohjavedet'), '0', 'constant.numeric.score.hanke', 1);
    // "Ei vaikutuksia" justifies a score: not an 8.1 answer.
    expectNoScope(lineOf(d, 'Ei vaikutuksia'), 'constant.language.boolean.hanke');
    expectToken(lineOf(d, 'Hyvinvoinnin edistäminen 7 7'), '7', 'constant.numeric.score.hanke', 1);
  });

  it('tokenizes the other examples', () => {
    const d1 = ex('001');
    expectToken(lineOf(d1, 'Hyvinvoinnin edistäminen 7 8'), '8', 'constant.numeric.score.indirect.hanke');
    expectToken(lineOf(d1, 'Yhteyshenkilön puhelinnumero: 040-635 0138'), '040-635 0138', 'constant.other.phone.hanke');
    const dates = lineOf(d1, 'Hanketta hallinnoi Laukaan kunta.');
    expectToken(dates, '1.3.2015', 'constant.numeric.date.hanke');
    expectToken(dates, '30.06.2017', 'constant.numeric.date.hanke');

    const d2 = ex('002');
    expectToken(lineOf(d2, '• kokonaisvaltaista'), '•', 'punctuation.definition.list.begin.hanke');
    const toim = lineOf(d2, '2. Tiedolla johtamisen');
    expectNoScope(toim, 'markup.heading');
    expectToken(toim, '2.', 'punctuation.definition.list.begin.hanke');
    expectToken(lineOf(d2, 'Puhelinnumero: +358295026000'), '+358295026000', 'constant.other.phone.hanke');
    const last = d2.filter((l) => l.text.trim() === '-');
    expect(last.length).toBeGreaterThan(0);
    expectToken(last[last.length - 1], '-', 'constant.language.empty.hanke');

    const d3 = ex('003');
    const ten = lineOf(d3, 'Paikallisen elinkeinorakenteen kestävä kehittäminen 10 10');
    expectToken(ten, '10', 'constant.numeric.score.hanke', 0);
    expectToken(ten, '10', 'constant.numeric.score.hanke', 1);
    expectToken(lineOf(d3, 'Y-tunnus: 0146921-4'), '0146921-4', 'constant.other.y-tunnus.hanke');

    const d4 = ex('004');
    expectToken(lineOf(d4, 'WWW-osoite:'), 'WWW-osoite', 'variable.other.label.hanke');
    expectToken(lineOf(d4, 'Hakijoiden lukumäärä tai tuen siirto -menettely:'), 'Hakijoiden lukumäärä tai tuen siirto -menettely', 'variable.other.label.hanke');
    expectToken(lineOf(d4, 'Jakeluosoite: Sepänkatu 4 A, 3. kerros'), 'Sepänkatu 4 A, 3. kerros', 'string.unquoted.value.hanke');
  });

  it('never leaves a label in a free-text section', () => {
    const text = new Set(SECTIONS.filter((s) => s.body === 'text').map(headingText));
    for (const [file, doc] of docs) {
      let inText = false;
      for (const l of doc) {
        const t = l.text.trim();
        if (headings.has(t)) inText = text.has(t);
        else if (inText) expect(l.tokens.filter((x) => hasScope(x.scopes, 'variable.other.label.hanke')).length, `${file}: ${t}`).toBe(0);
      }
    }
  });
});
