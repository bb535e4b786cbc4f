// The TextMate grammar of `hanke` documents, built from the format's schema.
//
// syntaxes/hanke.tmLanguage.json is the output of this module (written by
// client/scripts/generate-grammar.mjs); test/unit/grammar.test.ts checks that the
// committed file is up to date. Headings, labels, questions and score groups come
// from server/src/core/schema.ts, so the grammar never restates the format.
//
// The regular expressions must mean the same in Oniguruma (VS Code) and in
// JavaScript (the unit test): no \h \A \z \G, no possessive or atomic groups, no
// inline flags, no \u escapes, fixed-length look-behinds only, `\p{…}` only as general
// categories (L, Lu, N), and no \b
// next to non-ASCII letters (JavaScript's \b is ASCII only).
import { PREAMBLE, SECTIONS, type SectionSpec, type ValueKind, YES_NO } from '../../server/src/core/schema';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Rule = Record<string, any>;

// Literal no-break spaces (U+00A0, U+202F) rather than \u escapes, which Oniguruma may
// not read; grammarText() writes them as JSON escapes so the file stays readable.
const NBSP = '\u00a0';
const NNBSP = '\u202f';
const SP = `[ \\t${NBSP}]`;
/** Trailing white space up to the end of the line. */
const EOL = `${SP}*$`;
/** Not preceded / followed by a letter or digit (a Unicode-aware word boundary). */
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}])';

export function escapeRegex(s: string): string {
  // `-` stays unescaped: `\-` outside a class is an error in JavaScript's u-mode.
  // Spaces inside a title or label stay literal: the published texts use plain spaces.
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alt(items: readonly string[]): string {
  // Longest first, so that a label that is a prefix of another never wins early.
  const sorted = [...new Set(items)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return `(?:${sorted.map(escapeRegex).join('|')})`;
}

/** A heading line as the parser reads it: number, optional dot, white space, title. */
function headingAlt(specs: readonly SectionSpec[]): string {
  const parts = specs.map((s) => `${escapeRegex(s.number)}\\.?${SP}+${escapeRegex(s.title)}`);
  return `(?:${parts.join('|')})`;
}

const ANY_HEADING = headingAlt(SECTIONS);
/** Captures: 1 number, 2 the optional dot, 3 title. */
function headingRegex(specs: readonly SectionSpec[]): string {
  return `^${SP}*(?=${headingAlt(specs)}${EOL})(\\d{1,2}(?:\\.\\d{1,2})?)(\\.?)${SP}+(.*?)${EOL}`;
}
const HEADING_CAPTURES = {
  0: { name: 'markup.heading.hanke' },
  1: { name: 'constant.numeric.section.hanke' },
  2: { name: 'punctuation.separator.section.hanke' },
  3: { name: 'entity.name.section.hanke' },
};
/** A section's body ends where any known heading begins. */
const SECTION_END = `^(?=${SP}*${ANY_HEADING}${EOL})`;

// Two scopes: support.type.property-name (what JSON and YAML keys use) and, innermost so
// that themes prefer it, variable.other.label — which keeps labels apart from values
// (strings) in Light+ too, where property names and strings are both red.
const LABEL = 'support.type.property-name.hanke variable.other.label.hanke';

/** `Label: value` for the given labels; the value is scoped and tokenised by `valueInclude`. */
function fieldRule(name: string, labels: readonly string[], valueInclude: string): Rule {
  return {
    name: `meta.field.${name}.hanke`,
    match: `^${SP}*(${alt(labels)})${SP}*(:)${SP}*(.*?)${EOL}`,
    captures: {
      1: { name: LABEL },
      2: { name: 'punctuation.separator.key-value.hanke' },
      3: { name: 'string.unquoted.value.hanke', patterns: [{ include: valueInclude }] },
    },
  };
}

/** Which value patterns each kind of field gets. */
const VALUE_PATTERNS: Record<ValueKind, string> = {
  text: '#value-text',
  projectCode: '#value-project-code',
  axis: '#value-programme',
  objective: '#value-programme',
  period: '#value-period',
  status: '#value-text',
  authority: '#value-text',
  organisationType: '#value-text',
  yTunnus: '#value-y-tunnus',
  postalCode: '#value-postal-code',
  phone: '#value-phone',
  email: '#value-email',
  url: '#value-url',
  applicantCount: '#value-text',
  amount: '#value-amount',
  count: '#value-count',
  regionList: '#value-list',
  subregionList: '#value-list',
  municipalityList: '#value-list',
  yesNo: '#value-yes-no',
};

function fieldRules(): Rule[] {
  // Group the labels (and accepted aliases) of every field section by value patterns.
  const byInclude = new Map<string, Set<string>>();
  const kindOfLabel = new Map<string, string>();
  for (const section of SECTIONS) {
    if (section.body !== 'fields') continue;
    for (const f of section.fields ?? []) {
      const include = VALUE_PATTERNS[f.kind];
      for (const label of [f.label, ...(f.aliases ?? [])]) {
        const seen = kindOfLabel.get(label);
        if (seen && seen !== include) {
          throw new Error(`label "${label}" has two kinds of value (${seen}, ${include}); the grammar cannot tell them apart`);
        }
        kindOfLabel.set(label, include);
        if (!byInclude.has(include)) byInclude.set(include, new Set());
        byInclude.get(include)!.add(label);
      }
    }
  }
  const rules: Rule[] = [];
  for (const [include, labels] of byInclude) {
    rules.push(fieldRule(include.slice('#value-'.length), [...labels], include));
  }
  return rules;
}

function sectionRegion(kind: string, specs: readonly SectionSpec[], include: string): Rule {
  return {
    name: `meta.section.${kind}.hanke`,
    begin: headingRegex(specs),
    beginCaptures: HEADING_CAPTURES,
    end: SECTION_END,
    patterns: [{ include }],
  };
}

const DIGIT_GROUPS = `\\d(?:[\\d ${NBSP}${NNBSP}]*\\d)?`;

export function buildGrammar(): Rule {
  const of = (body: SectionSpec['body']) => SECTIONS.filter((s) => s.body === body);
  const partners = SECTIONS.find((s) => s.partners)?.partners;
  const placeMarkers = SECTIONS.flatMap((s) => (s.placeMarker ? [s.placeMarker] : []));
  const questions = of('questions').flatMap((s) => (s.fields ?? []).map((f) => f.label));
  const scoreHeaders = of('scores').flatMap((s) => (s.scoreHeader ? [s.scoreHeader] : []));
  const groups = of('scores').flatMap((s) => (s.groups ?? []).map((g) => g.name));
  const header = scoreHeaders[0] ?? 'VälitönVälillinen';
  // The published header glues the two column names together: split at the capital.
  const split = /^(\p{Lu}\p{Ll}+)(\p{Lu}\p{Ll}+)$/u.exec(header);

  const fieldContent: Rule[] = [
    ...(partners
      ? [
          {
            name: 'meta.partners.hanke',
            match: `^${SP}*(${escapeRegex(partners.label)})${EOL}`,
            captures: { 1: { name: 'keyword.other.partners.hanke' } },
          },
          {
            name: 'meta.partner.hanke',
            match: `^${SP}*([^:]*?\\S)${SP}*(,)${SP}*(\\d{7}-\\d)${EOL}`,
            captures: {
              1: { name: 'entity.name.organization.hanke' },
              2: { name: 'punctuation.separator.comma.hanke' },
              3: { name: 'constant.other.y-tunnus.hanke' },
            },
          },
        ]
      : []),
    ...(placeMarkers.length ? [{ name: 'keyword.other.place-marker.hanke', match: `^${SP}*${alt(placeMarkers)}${EOL}` }] : []),
    ...fieldRules(),
    // Any other `Label: value` line of a field section (the server reports unknown labels).
    {
      name: 'meta.field.other.hanke',
      match: `^${SP}*([^:\\s][^:]{0,119}?)${SP}*(:)(?:${SP}+(.*?))?${EOL}`,
      captures: {
        1: { name: LABEL },
        2: { name: 'punctuation.separator.key-value.hanke' },
        3: { name: 'string.unquoted.value.hanke', patterns: [{ include: '#value-text' }] },
      },
    },
    { include: '#inline' },
  ];

  const questionContent: Rule[] = [
    {
      name: 'meta.field.question.hanke',
      match: `^${SP}*(${alt(questions)})${SP}*(:)${SP}*(.*?)${EOL}`,
      captures: {
        1: { name: LABEL },
        2: { name: 'punctuation.separator.key-value.hanke' },
        3: { name: 'string.unquoted.value.hanke', patterns: [{ include: '#value-yes-no' }] },
      },
    },
    { include: '#text-content' },
  ];

  const scoreContent: Rule[] = [
    split
      ? {
          name: 'meta.score-header.hanke',
          match: `^${SP}*(${escapeRegex(split[1])})(${escapeRegex(split[2])})${EOL}`,
          captures: {
            1: { name: 'keyword.other.column.direct.hanke' },
            2: { name: 'keyword.other.column.indirect.hanke' },
          },
        }
      : { name: 'keyword.other.score-header.hanke', match: `^${SP}*${escapeRegex(header)}${EOL}` },
    {
      name: 'meta.score-group.hanke',
      match: `^${SP}*(${alt(groups)})${EOL}`,
      captures: { 1: { name: 'entity.name.type.score-group.hanke' } },
    },
    {
      // `<item name> <direct> <indirect>`: a name ending in a letter or `)`, two numbers.
      name: 'meta.score-item.hanke',
      match: `^${SP}*(.*?[\\p{L})])${SP}+(\\d{1,2}(?:[.,]\\d+)?)${SP}+(\\d{1,2}(?:[.,]\\d+)?)${EOL}`,
      captures: {
        1: { name: 'variable.other.score-item.hanke' },
        2: { name: 'constant.numeric.score.direct.hanke constant.numeric.score.hanke' },
        3: { name: 'constant.numeric.score.indirect.hanke constant.numeric.score.hanke' },
      },
    },
    { include: '#inline' },
  ];

  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Hanke (ESR project description)',
    scopeName: 'text.hanke',
    fileTypes: ['hanke'],
    comment: 'Generated by client/scripts/generate-grammar.mjs from server/src/core/schema.ts. Do not edit by hand.',
    patterns: [
      { include: '#preamble' },
      sectionRegion('fields', of('fields'), '#field-content'),
      sectionRegion('text', of('text'), '#text-content'),
      sectionRegion('questions', of('questions'), '#question-content'),
      sectionRegion('scores', of('scores'), '#score-content'),
      // Parent sections (4, 7, 8) have no body of their own: just the heading.
      { name: 'meta.section.parent.hanke', match: headingRegex(of('parent')), captures: HEADING_CAPTURES },
      { include: '#text-content' },
    ],
    repository: {
      preamble: {
        patterns: [
          {
            name: 'meta.preamble.banner.hanke',
            match: `^${SP}*(${escapeRegex(PREAMBLE.banner)})${EOL}`,
            captures: { 1: { name: 'comment.line.banner.hanke' } },
          },
          {
            name: 'meta.preamble.title.hanke',
            match: `^${SP}*([^:]*?${escapeRegex(PREAMBLE.titleSuffix)})${EOL}`,
            captures: {
              1: {
                name: 'markup.bold.title.hanke',
                patterns: [
                  {
                    match: '(\\()(\\p{Lu}{2,6})(\\))',
                    captures: {
                      1: { name: 'punctuation.definition.fund.begin.hanke' },
                      2: { name: 'constant.language.fund.hanke' },
                      3: { name: 'punctuation.definition.fund.end.hanke' },
                    },
                  },
                ],
              },
            },
          },
        ],
      },
      'field-content': { patterns: fieldContent },
      'question-content': { patterns: questionContent },
      'score-content': { patterns: scoreContent },
      'text-content': {
        patterns: [
          // A lone `-` is how the published form writes "nothing".
          { name: 'constant.language.empty.hanke', match: `^${SP}*-${EOL}` },
          {
            name: 'markup.list.unnumbered.hanke',
            match: `^${SP}*([-•–*])${SP}+(.*)$`,
            captures: {
              1: { name: 'punctuation.definition.list.begin.hanke' },
              2: { patterns: [{ include: '#inline' }] },
            },
          },
          {
            // `1) …`, `2. …`: numbered paragraphs of free text, never headings.
            name: 'markup.list.numbered.hanke',
            match: `^${SP}*(\\d{1,2}[.)])${SP}+(.*)$`,
            captures: {
              1: { name: 'punctuation.definition.list.begin.hanke' },
              2: { patterns: [{ include: '#inline' }] },
            },
          },
          { include: '#inline' },
        ],
      },
      inline: {
        patterns: [{ include: '#url' }, { include: '#email' }, { include: '#date' }],
      },
      url: {
        name: 'markup.underline.link.hanke',
        match: `(?:https?://|${NOT_AFTER_WORD}www\\.)[^\\s<>"'()]*[^\\s<>"'().,;:!?]`,
      },
      email: {
        name: 'markup.underline.link.email.hanke',
        match: `[A-Za-z0-9._%+-]+(@|\\(at\\)|\\[at\\])[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}`,
        captures: { 1: { name: 'constant.character.at.hanke' } },
      },
      date: {
        name: 'constant.numeric.date.hanke',
        match: `${NOT_AFTER_WORD}(?<![.])\\d{1,2}\\.\\d{1,2}\\.\\d{4}${NOT_BEFORE_WORD}(?![.]\\d)`,
      },
      'y-tunnus': {
        name: 'constant.other.y-tunnus.hanke',
        match: `${NOT_AFTER_WORD}\\d{7}-\\d${NOT_BEFORE_WORD}`,
      },
      'value-text': {
        patterns: [{ include: '#url' }, { include: '#email' }, { include: '#date' }, { include: '#y-tunnus' }],
      },
      'value-project-code': {
        patterns: [{ name: 'constant.other.project-code.hanke', match: `${NOT_AFTER_WORD}[A-Za-z]\\d{5}${NOT_BEFORE_WORD}` }],
      },
      'value-programme': {
        patterns: [
          // `5. Sosiaalinen osallisuus…`, `10.1. Työelämän…`: the number before the name.
          {
            match: `(?<![\\d.])(\\d{1,2}(?:\\.\\d{1,2})?)(\\.)(?=${SP})`,
            captures: {
              1: { name: 'constant.numeric.programme.hanke' },
              2: { name: 'punctuation.separator.programme.hanke' },
            },
          },
        ],
      },
      'value-period': {
        patterns: [{ name: 'keyword.other.period.hanke', match: `${NOT_AFTER_WORD}(?:Alkaa|ja|päättyy)${NOT_BEFORE_WORD}` }, { include: '#date' }],
      },
      'value-y-tunnus': { patterns: [{ include: '#y-tunnus' }] },
      'value-email': { patterns: [{ include: '#email' }] },
      'value-url': { patterns: [{ include: '#url' }] },
      'value-postal-code': {
        patterns: [{ name: 'constant.numeric.postal-code.hanke', match: `${NOT_AFTER_WORD}\\d{5}${NOT_BEFORE_WORD}` }],
      },
      'value-phone': {
        patterns: [{ name: 'constant.other.phone.hanke', match: `(?:\\+|${NOT_AFTER_WORD})\\d[\\d ${NBSP}-]*\\d` }],
      },
      'value-amount': {
        patterns: [{ name: 'constant.numeric.amount.hanke', match: `${NOT_AFTER_WORD}${DIGIT_GROUPS}(?:,\\d+)?${NOT_BEFORE_WORD}` }],
      },
      'value-count': {
        patterns: [{ name: 'constant.numeric.count.hanke', match: `${NOT_AFTER_WORD}${DIGIT_GROUPS}${NOT_BEFORE_WORD}` }],
      },
      'value-list': {
        patterns: [{ name: 'punctuation.separator.comma.hanke', match: ',' }],
      },
      'value-yes-no': {
        patterns: [{ name: 'constant.language.boolean.hanke', match: `${NOT_AFTER_WORD}${alt(YES_NO)}${NOT_BEFORE_WORD}` }],
      },
    },
  };
}

/** The grammar file's text: 2-space JSON and a final newline. */
export function grammarText(): string {
  const json = JSON.stringify(buildGrammar(), null, 2);
  return `${json.replace(/\u00a0/g, '\\u00a0').replace(/\u202f/g, '\\u202f')}\n`;
}
