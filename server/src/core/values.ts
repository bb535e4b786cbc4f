// Field values read once into typed values (dates, euro amounts, counts, lists),
// with sub-ranges, so every rule, hover and export uses the same reading.
import type { Range } from './model';
import { TextLineNode } from './nodes';
import { SCORE_MAX, SCORE_MIN, type ValueKind } from './schema';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
  /** 'YYYY-MM-DD' — compares as a string. */
  iso: string;
}

export interface DateToken {
  raw: string;
  range: Range;
  /** Absent when `raw` is not a real calendar date in D.M.YYYY form. */
  date?: CalendarDate;
}

export interface ListItem {
  text: string;
  range: Range;
}

export type TypedValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'projectCode'; text: string; valid: boolean; fund?: 'ESR' | 'EAKR' }
  | { kind: 'numbered'; text: string; code?: string; codeRange?: Range; name: string; nameRange: Range }
  | { kind: 'period'; text: string; start?: DateToken; end?: DateToken }
  | { kind: 'amount'; text: string; valid: boolean; cents?: number; grouped: boolean }
  | { kind: 'count'; text: string; valid: boolean; count?: number }
  | { kind: 'list'; text: string; items: ListItem[] };

/** The items of a list value (`Maakunnat`, `Seutukunnat`, `Kunnat`); none when absent, empty or not a list. */
export function listItemsOf(field: { typed?: TypedValue } | undefined): ListItem[] {
  const t = field?.typed;
  return t?.kind === 'list' ? t.items : [];
}

/** An amount value as rules, hovers and exports read it: its cents when valid; `invalid` when written but not an amount. */
export function amountOf(field: { typed?: TypedValue } | undefined): { cents?: number; invalid: boolean } {
  const t = field?.typed;
  if (t?.kind !== 'amount') return { invalid: false };
  return t.valid && t.cents !== undefined ? { cents: t.cents, invalid: false } : { invalid: !t.valid };
}

const SPACE_CLASS = '[ \\u00a0\\u202f]';
const GROUPED_AMOUNT = new RegExp(`^\\d{1,3}(?:${SPACE_CLASS}\\d{3})+(?:,\\d{1,2})?$`);
const PERIOD = /^Alkaa\s+(\S+)\s+ja\s+päättyy\s+(\S+)$/i;
const PERIOD_START = 'Alkaa ';
const PERIOD_MIDDLE = ' ja päättyy ';

/** White space as a regex's \s sees it (by code unit). */
export function isRegexSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function hasRegexSpace(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isRegexSpace(s.charCodeAt(k))) return true;
  return false;
}

/**
 * A leading code as /^(\d{1,2}(?:\.\d{1,2})?)\.?(?=\s|$|[^\d.])\s*\/ reads it, by hand: the
 * code is value[0, codeEnd) and the name starts at nameStart (after a dot and white space).
 */
function numberedShape(value: string): { codeEnd: number; nameStart: number } | undefined {
  const d1 = digitsEnd(value, 0);
  if (d1 === 0 || d1 > 2) return undefined;
  let codeEnd = d1;
  let k = d1;
  if (codeAt(value, k) === DOT) {
    const d2 = digitsEnd(value, k + 1);
    if (d2 - k - 1 > 2) return undefined;
    if (d2 > k + 1) codeEnd = k = d2;
    if (codeAt(value, k) === DOT) k++;
    // The code is followed by white space, the end or anything but a digit or a dot.
    const c = codeAt(value, k);
    if (c === DOT || (c >= 48 && c <= 57)) return undefined;
  }
  while (k < value.length && isRegexSpace(value.charCodeAt(k))) k++;
  return { codeEnd, nameStart: k };
}

/** The range of value[from, to), for a value starting at `character` of `line` (values never span lines). */
function sub(line: number, character: number, from: number, to: number): Range {
  return { start: { line, character: character + from }, end: { line, character: character + to } };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year`, Gregorian leap years. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/** A real calendar date written D.M.YYYY (leading zeros allowed), or undefined. */
export function parseDate(raw: string): CalendarDate | undefined {
  // Read by hand as /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/ reads it (every period value has two dates).
  const d = digitsEnd(raw, 0);
  if (d < 1 || d > 2 || codeAt(raw, d) !== DOT) return undefined;
  const m = digitsEnd(raw, d + 1);
  if (m - d - 1 < 1 || m - d - 1 > 2 || codeAt(raw, m) !== DOT) return undefined;
  const y = digitsEnd(raw, m + 1);
  if (y - m - 1 !== 4 || y !== raw.length) return undefined;
  const day = digitsValue(raw, 0, d);
  const month = digitsValue(raw, d + 1, m);
  const year = digitsValue(raw, m + 1, y);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const iso = `${raw.slice(m + 1)}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
  return { year, month, day, iso };
}

const DOT = 46;

/** End of the ASCII digits from `k` on. */
export function digitsEnd(s: string, k: number, to = s.length): number {
  while (k < to) {
    const c = s.charCodeAt(k);
    if (!(c >= 48 && c <= 57)) return k;
    k++;
  }
  return k;
}

/**
 * The code unit at `k`, or -1 past the end. (Optimised code that reads past the end of a
 * string is thrown away and compiled again the first time it does: the scans read within.)
 */
export function codeAt(s: string, k: number): number {
  return k < s.length ? s.charCodeAt(k) : -1;
}

/** The number written by the ASCII digits s[from, to) (at most a few). */
function digitsValue(s: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) n = n * 10 + s.charCodeAt(k) - 48;
  return n;
}

export function formatDate(d: CalendarDate): string {
  return `${d.day}.${d.month}.${d.year}`;
}

/** 'YYYY-MM-DD' (as the reference data writes dates) → 'D.M.YYYY' (as the descriptions do). */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}.${m}.${y}`;
}

/** The ISO day after `iso` ('2019-12-31' → '2020-01-01'). */
export function nextIsoDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

const COMMA = 44;

/** Amount in cents from Finnish style (`289 500`, `1 234,50`, `289500`), or undefined. */
export function parseAmount(raw: string): { cents: number; grouped: boolean } | undefined {
  const form = amountForm(raw);
  if (form === undefined) return undefined;
  const grouped = form === 'grouped';
  // The form is checked: digits (perhaps grouped), then perhaps a comma and one or two.
  // Read in one pass; up to 15 whole digits the number is exact, and the arithmetic
  // below is the same as for the longer ones.
  let whole = 0;
  let wholeDigits = 0;
  let frac = 0;
  let fracDigits = 0;
  let inFraction = false;
  for (let i = 0; i < raw.length; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d === COMMA - 48) inFraction = true;
    else if (d < 0 || d > 9)
      continue; // a group separator
    else if (inFraction) {
      frac = frac * 10 + d;
      fracDigits++;
    } else {
      whole = whole * 10 + d;
      wholeDigits++;
    }
  }
  if (wholeDigits <= 15) {
    const cents = whole * 100 + (fracDigits === 1 ? frac * 10 : frac);
    if (!Number.isSafeInteger(cents)) return undefined;
    return { cents, grouped: grouped || wholeDigits <= 3 };
  }
  return parseLongAmount(raw, grouped);
}

/**
 * Which of the forms `raw` is written in, read by hand: grouped (GROUPED_AMOUNT: 1–3 digits,
 * then groups of a space and 3 digits) or plain (/^\d+(?:,\d{1,2})?$/: digits); either
 * perhaps followed by a comma and 1–2 digits. No text is both.
 */
function amountForm(raw: string): 'grouped' | 'plain' | undefined {
  const d = digitsEnd(raw, 0);
  if (d === 0) return undefined;
  let k = d;
  let groups = 0;
  if (d <= 3) {
    while (isGroupSpace(codeAt(raw, k)) && digitsEnd(raw, k + 1) === k + 4) {
      k += 4;
      groups++;
    }
  }
  if (codeAt(raw, k) === COMMA) {
    const f = digitsEnd(raw, k + 1);
    if (f === k + 1 || f > k + 3) return undefined;
    k = f;
  }
  if (k !== raw.length) return undefined;
  return groups > 0 ? 'grouped' : 'plain';
}

function isGroupSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f;
}

/** parseAmount of a number with more than 15 whole digits (not a safe integer of cents; kept as it was read before). */
function parseLongAmount(raw: string, grouped: boolean): { cents: number; grouped: boolean } | undefined {
  const [whole, frac = ''] = raw.replace(/[ \u00a0\u202f]/g, '').split(',');
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(cents)) return undefined;
  return { cents, grouped: grouped || whole.length <= 3 };
}

/** Euro amount written the Finnish way: thousands separated by a space, comma decimals. */
export function formatAmount(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  const whole = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return rest === 0 ? whole : `${whole},${String(rest).padStart(2, '0')}`;
}

function readDateToken(raw: string, line: number, character: number, at: number): DateToken {
  return { raw, range: sub(line, character, at, at + raw.length), date: parseDate(raw) };
}

/**
 * An 8.2 score: one or two ASCII digits making a whole number SCORE_MIN…SCORE_MAX, else
 * undefined (`010`, `2,5`, `11` are not scores). Read once by the parser into `ScoreNode.value`.
 */
export function readScore(raw: string): number | undefined {
  // Without a regex: every 8.2 score of every document passes here.
  if (raw.length < 1 || raw.length > 2) return undefined;
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return n >= SCORE_MIN && n <= SCORE_MAX ? n : undefined;
}

/**
 * Reads a field's value as its kind declares. The value starts at `character` of `line`
 * (the start of the field's valueRange): the ranges of its parts are made from there.
 */
export function readValue(kind: ValueKind, value: string, line: number, character: number): TypedValue {
  if (value === '') return { kind: 'empty' };
  switch (kind) {
    case 'projectCode': {
      // /^[A-Za-z]\d{5}$/, read by hand.
      const letter = value.charCodeAt(0) | 32;
      const valid = value.length === 6 && letter >= 97 && letter <= 122 && digitsEnd(value, 1) === 6;
      const fund = !valid ? undefined : letter === 115 ? 'ESR' : letter === 97 ? 'EAKR' : undefined;
      return { kind: 'projectCode', text: value, valid, fund };
    }
    case 'axis':
    case 'objective': {
      const m = numberedShape(value);
      if (!m) return { kind: 'numbered', text: value, name: value, nameRange: sub(line, character, 0, value.length) };
      return {
        kind: 'numbered',
        text: value,
        code: value.slice(0, m.codeEnd),
        codeRange: sub(line, character, 0, m.codeEnd),
        name: value.slice(m.nameStart),
        nameRange: sub(line, character, m.nameStart, value.length),
      };
    }
    case 'period': {
      // Nearly every period is written `Alkaa X ja päättyy Y` with single spaces: its two
      // dates are found without the regex (which reads such a value the same way).
      let startAt = -1;
      let endAt = -1;
      let start: string;
      let end: string;
      const mid = value.startsWith(PERIOD_START) ? value.indexOf(PERIOD_MIDDLE, PERIOD_START.length) : -1;
      if (
        mid > PERIOD_START.length &&
        mid + PERIOD_MIDDLE.length < value.length &&
        !hasRegexSpace(value, PERIOD_START.length, mid) &&
        !hasRegexSpace(value, mid + PERIOD_MIDDLE.length, value.length)
      ) {
        startAt = PERIOD_START.length;
        endAt = mid + PERIOD_MIDDLE.length;
        start = value.slice(startAt, mid);
        end = value.slice(endAt);
      } else {
        const m = PERIOD.exec(value);
        if (!m) return { kind: 'period', text: value };
        start = m[1];
        end = m[2];
        startAt = value.indexOf(start, 5);
        endAt = value.lastIndexOf(end);
      }
      return {
        kind: 'period',
        text: value,
        start: readDateToken(start, line, character, startAt),
        end: readDateToken(end, line, character, endAt),
      };
    }
    case 'amount': {
      const a = parseAmount(value);
      return { kind: 'amount', text: value, valid: !!a, cents: a?.cents, grouped: a?.grouped ?? false };
    }
    case 'count': {
      // Most counts are plain digits (what the regexes below make of them).
      if (digitsEnd(value, 0) === value.length) return { kind: 'count', text: value, valid: true, count: Number(value) };
      const compact = value.replace(/[ \u00a0\u202f]/g, '');
      const ok = /^\d+$/.test(compact) && (compact === value || GROUPED_AMOUNT.test(value));
      return { kind: 'count', text: value, valid: ok, count: ok ? Number(compact) : undefined };
    }
    case 'regionList':
    case 'subregionList':
    case 'municipalityList':
      return value.length > LAZY_LIST_CHARS ? lazyList(value, line, character) : { kind: 'list', text: value, items: splitList(value, line, character) };
    default:
      return { kind: 'text', text: value };
  }
}

/** A list value longer than this is split into items when they are first asked for. */
export const LAZY_LIST_CHARS = 10_000;

/**
 * A list value whose items are split when first asked for (then kept): the parse of a
 * pathological line (100 000 names, 1.1 MB) stays a few milliseconds, and the server's
 * main thread, which lints such a document elsewhere, never splits it unless a request
 * needs the items (hover or a code action on that line).
 */
function lazyList(value: string, line: number, character: number): TypedValue {
  const list = { kind: 'list', text: value } as { kind: 'list'; text: string; items: ListItem[] };
  Object.defineProperty(list, 'items', {
    enumerable: true,
    configurable: true,
    get(): ListItem[] {
      const items = splitList(value, line, character);
      Object.defineProperty(list, 'items', { value: items, enumerable: true, writable: true, configurable: true });
      return items;
    },
  });
  return list;
}

/** Comma-separated items, trimmed, with their ranges; empty items are skipped. */
export function splitList(value: string, line: number, character: number): ListItem[] {
  const items: ListItem[] = [];
  let start = 0;
  while (start <= value.length) {
    let comma = value.indexOf(',', start);
    if (comma < 0) comma = value.length;
    let s = start;
    let e = comma;
    while (s < e && isWhiteSpace(value.charCodeAt(s))) s++;
    while (e > s && isWhiteSpace(value.charCodeAt(e - 1))) e--;
    // Its range made when asked for: a list of 100 000 names (a pathological line) costs one small object per name.
    if (e > s) items.push(new TextLineNode(line, value.slice(s, e), character + s, character + e));
    start = comma + 1;
  }
  return items;
}

/** White space as /\s/ sees it. */
function isWhiteSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff)) || c === 0x1680
  );
}

/** Days between two dates, and the length in whole months and remaining days. */
export function periodLength(start: CalendarDate, end: CalendarDate): { days: number; months: number; restDays: number } {
  const a = Date.UTC(start.year, start.month - 1, start.day);
  const b = Date.UTC(end.year, end.month - 1, end.day);
  const days = Math.round((b - a) / 86_400_000) + 1;
  // Inclusive period: 1.8.2018–31.7.2021 is 36 months.
  const next = new Date(b + 86_400_000);
  let months = (next.getUTCFullYear() - start.year) * 12 + (next.getUTCMonth() + 1 - start.month);
  let restDays = next.getUTCDate() - start.day;
  if (restDays < 0) {
    // Borrow the length of the month before the day after the period.
    months -= 1;
    const prevMonth = next.getUTCMonth() === 0 ? 12 : next.getUTCMonth();
    const prevYear = next.getUTCMonth() === 0 ? next.getUTCFullYear() - 1 : next.getUTCFullYear();
    restDays += daysInMonth(prevYear, prevMonth);
  }
  return { days, months, restDays };
}
