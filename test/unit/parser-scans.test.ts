// The parser and the value readings scan some forms by hand instead of matching a regex
// (issue 17: the parse's cost). Each scan must read exactly what the regex it replaces
// reads; these properties compare them on texts made of the characters that matter
// (digits, dots, every kind of white space, line separators, letters of both cases).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headingShape, parse } from '../../server/src/core/parser';
import type { Range } from '../../server/src/core/model';
import { SECTIONS } from '../../server/src/core/schema';
import { parseDate, readValue } from '../../server/src/core/values';
import { referenceAmount } from '../helpers/reference-values';

const PIECES = [
  '0',
  '1',
  '2',
  '9',
  '12',
  '123',
  '1234',
  '.',
  '..',
  ',',
  ':',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u202f',
  '\u2003',
  '\u1680',
  '\u3000',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u200b',
  'x',
  'S',
  's',
  'A',
  'a',
  'Ä',
  'İ',
  '@',
  '[',
  '`',
  '{',
  '-',
  'Hanke',
  'Alkaa',
  'alkaa',
  'ALKAA',
  'ja',
  'JA',
  'päättyy',
  'PÄÄTTYY',
];
const piecewise = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 10 }).map((p) => p.join(''));
const anyText = fc.oneof(piecewise, fc.string({ maxLength: 16 }), fc.string({ unit: 'binary', maxLength: 16 }));

const RANGE: Range = { start: { line: 4, character: 7 }, end: { line: 4, character: 60 } };

function sub(from: number, to: number): Range {
  return { start: { line: 4, character: 7 + from }, end: { line: 4, character: 7 + to } };
}

describe('hand-written scans read what the regexes read', () => {
  it('a heading line: number and title as /^(\\d{1,2}(?:\\.\\d{1,2})?)\\.?[ \\t\\u00a0]+(\\S.*)$/ reads them', () => {
    const heading = /^(\d{1,2}(?:\.\d{1,2})?)\.?[ \t\u00a0]+(\S.*)$/;
    fc.assert(
      fc.property(anyText, (line) => {
        const m = heading.exec(line);
        const shape = headingShape(line, 0, line.length);
        // The scan leaves the title's line separators to its caller (readHeading).
        const title = shape && line.slice(shape.titleStart);
        const read = shape && !/[\u2028\u2029]/.test(title!) ? { number: line.slice(0, shape.numberEnd), title } : undefined;
        expect(read).toEqual(m ? { number: m[1], title: m[2] } : undefined);
      }),
      { numRuns: 3000, seed: 1401 },
    );
  });

  it('no official title has a line separator (readHeading looks for one only in other titles)', () => {
    for (const s of SECTIONS) expect(s.title).not.toMatch(/[\u2028\u2029]/);
  });

  it('a heading with a line separator in its title is text, as the regex had it', () => {
    const doc = parse('1 Hanke\n2 Hakijan\u2028perustiedot\n3 Suunnitelman mukainen tiivistelmä toteutuksesta\u2029\n');
    expect(doc.sections.map((s) => s.heading.number)).toEqual(['1']);
    expect(doc.sections[0].fields).toEqual([]);
  });

  it('dates as /^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})$/ read them', () => {
    const date = fc.oneof(
      anyText,
      fc.tuple(fc.nat(40), fc.nat(14), fc.nat(12000), fc.constantFrom('', '0', '00')).map(([d, m, y, z]) => `${z}${d}.${z}${m}.${y}`),
    );
    fc.assert(
      fc.property(date, (raw) => {
        expect(parseDate(raw)).toEqual(referenceDate(raw));
      }),
      { numRuns: 3000, seed: 1402 },
    );
  });

  it('project codes, axis and objective codes, periods, amounts and counts as the regexes read them', () => {
    const date = fc.oneof(
      fc.constantFrom('1.8.2018', '31.7.2021', '29.2.2019', '', 'x', '1.1.2020\u2003'),
      fc.tuple(fc.nat(32), fc.nat(13), fc.nat(3000)).map(([d, m, y]) => `${d}.${m}.${y}`),
    );
    const period = fc
      .tuple(
        fc.constantFrom('Alkaa ', 'Alkaa  ', 'alkaa ', 'Alkaa\t', 'Alkaa', ''),
        date,
        fc.constantFrom(' ja päättyy ', ' ja  päättyy ', ' JA päättyy ', ' ja päättyy', 'ja päättyy ', ' ja päättyy \u00a0'),
        date,
      )
      .map((p) => p.join(''));
    const numbered = fc
      .tuple(
        fc.constantFrom('1', '10', '123', '5', ''),
        fc.constantFrom('', '.', '..', '.1', '.12', '.123', '.1.', '.1..', '.1.2'),
        fc.constantFrom('', ' ', '\t', '\u2003 ', 'x', '.', '1', ' Nimi'),
        fc.constantFrom('', 'Osallisuus', ' x'),
      )
      .map((p) => p.join(''));
    const amount = fc
      .array(fc.constantFrom('1', '12', '123', '1234', '000', ' ', '\u00a0', '\u202f', '\u2003', ',', ',5', ',50', ',505', ' 000'), { minLength: 1, maxLength: 6 })
      .map((p) => p.join(''));
    const value = fc.oneof(anyText, period, numbered, amount);
    fc.assert(
      fc.property(value, (v) => {
        if (v === '') return;
        for (const kind of ['projectCode', 'axis', 'objective', 'period', 'amount', 'count'] as const)
          expect(readValue(kind, v, RANGE.start.line, RANGE.start.character)).toEqual(referenceValue(kind, v));
      }),
      { numRuns: 5000, seed: 1403 },
    );
  });
});

// ---- The readings as they were written with regexes (the references) ----

function referenceDate(raw: string) {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (month < 1 || month > 12 || day < 1 || day > days) return undefined;
  return { year, month, day, iso: `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

function referenceValue(kind: 'projectCode' | 'axis' | 'objective' | 'period' | 'amount' | 'count', value: string): unknown {
  switch (kind) {
    case 'projectCode': {
      const m = /^([A-Za-z])\d{5}$/.exec(value);
      const letter = m?.[1].toUpperCase();
      return { kind, text: value, valid: !!m, fund: letter === 'S' ? 'ESR' : letter === 'A' ? 'EAKR' : undefined };
    }
    case 'axis':
    case 'objective': {
      const m = /^(\d{1,2}(?:\.\d{1,2})?)\.?(?=\s|$|[^\d.])\s*/.exec(value);
      if (!m) return { kind: 'numbered', text: value, name: value, nameRange: sub(0, value.length) };
      return { kind: 'numbered', text: value, code: m[1], codeRange: sub(0, m[1].length), name: value.slice(m[0].length), nameRange: sub(m[0].length, value.length) };
    }
    case 'period': {
      const m = /^Alkaa\s+(\S+)\s+ja\s+päättyy\s+(\S+)$/i.exec(value);
      if (!m) return { kind, text: value };
      const token = (raw: string, at: number) => ({ raw, range: sub(at, at + raw.length), date: referenceDate(raw) });
      return { kind, text: value, start: token(m[1], value.indexOf(m[1], 5)), end: token(m[2], value.lastIndexOf(m[2])) };
    }
    case 'amount': {
      const a = referenceAmount(value);
      return { kind, text: value, valid: !!a, cents: a?.cents, grouped: a?.grouped ?? false };
    }
    case 'count': {
      const compact = value.replace(/[ \u00a0\u202f]/g, '');
      const ok = /^\d+$/.test(compact) && (compact === value || /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d{1,2})?$/.test(value));
      return { kind, text: value, valid: ok, count: ok ? Number(compact) : undefined };
    }
  }
}
