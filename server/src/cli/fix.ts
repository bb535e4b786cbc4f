// `hanke lint --fix` and `--fix-dry-run`: the core's safe fixes (the same fix-all as the
// editor's), applied until none is left, and written back in the file's own encoding,
// BOM and line endings, so that every byte outside the fixed spans stays as it was.
// A file is fixed only when its bytes can be written back exactly: valid UTF-8 or
// UTF-16, or Windows-1252 written back as Windows-1252; a file with stray bytes that
// are not UTF-8 is left alone (with a note), as is one whose fix needs a character its
// encoding cannot hold.
import type { HankeConfig } from '../core/config';
import { applicableFixes, applyEdits } from '../core/fixes';
import { analyze } from '../core/lint';
import type { Texts } from '../core/schema';
import type { Encoding, Read } from '../node/read-file';
import { replaceFileAtomic, writeReason } from './write-file';
import { HIGH_1252 } from '../node/files';

export type FixMode = 'write' | 'dry-run';

/**
 * Passes of fix-all at most: a fix that enables another is applied in the next pass (as
 * ESLint does, which stops at 10). Several fields missing at one place may take a pass
 * each, so the bound is the number of fields of a section, not 10.
 */
const MAX_PASSES = 50;

/** The text after every safe fix, repeated until nothing changes (at most MAX_PASSES). */
export function fixText(text: string, config: HankeConfig): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { doc, findings } = analyze(current, config);
    const edits = applicableFixes(findings);
    if (edits.length === 0) break;
    // Inserted line breaks follow the document's own line ending.
    const eol = doc.eol;
    const next = applyEdits(
      current,
      edits.map((e) => ({ ...e, newText: eol === '\n' ? e.newText : e.newText.replace(/\r\n|\r|\n/g, eol) })),
    );
    if (next === current) break;
    current = next;
  }
  return current;
}

let cp1252Codes: Map<number, number> | undefined;

/** Text → bytes in `encoding`; undefined when a character cannot be written in it. */
export function encodeText(text: string, encoding: Encoding): Uint8Array | undefined {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be': {
      const b = Buffer.from(text, 'utf16le');
      b.swap16();
      return b;
    }
    case 'windows-1252': {
      if (!cp1252Codes) {
        cp1252Codes = new Map();
        for (let i = 0; i < 128; i++) cp1252Codes.set(i, i);
        for (let i = 0; i < 128; i++) cp1252Codes.set(HIGH_1252.charCodeAt(i), 0x80 + i);
      }
      const out = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const b = cp1252Codes.get(text.charCodeAt(i));
        if (b === undefined) return undefined;
        out[i] = b;
      }
      return out;
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

export interface FixOutcome {
  /** The text to lint: the fixed text, or the original when nothing was (or could be) fixed. */
  text: string;
  fixed: boolean;
  notFixed?: Texts;
}

/**
 * Fixes one description. `text` is the decoded text without its BOM; `read` holds the
 * file's bytes and encoding. In 'write' mode the file is replaced atomically.
 */
export function fixDescription(read: Extract<Read, { kind: 'text' }>, text: string, config: HankeConfig, mode: FixMode, path: string | Buffer): FixOutcome {
  const fixed = fixText(text, config);
  if (fixed === text) return { text, fixed: false };
  const prefix = read.text.slice(0, read.text.length - text.length);
  const before = encodeText(prefix + text, read.encoding);
  if (read.invalid?.length || !before || !read.bytes || !sameBytes(before, read.bytes)) {
    return {
      text,
      fixed: false,
      notFixed: {
        fi: 'ei korjattu: tiedostossa on tavuja, joita ei voi kirjoittaa takaisin muuttumattomina (tallenna se ensin UTF-8-muodossa)',
        en: 'not fixed: the file has bytes that cannot be written back unchanged (save it as UTF-8 first)',
      },
    };
  }
  const after = encodeText(prefix + fixed, read.encoding);
  if (!after) {
    return {
      text,
      fixed: false,
      notFixed: { fi: 'ei korjattu: korjaus tarvitsee merkkejä, joita Windows-1252-merkistö ei sisällä', en: 'not fixed: the fix needs characters that Windows-1252 cannot hold' },
    };
  }
  if (mode === 'write') {
    try {
      replaceFileAtomic(path, after);
    } catch (e) {
      const why = writeReason(e);
      return { text, fixed: false, notFixed: { fi: `ei korjattu: tiedostoa ei voi kirjoittaa: ${why.fi}`, en: `not fixed: cannot write the file: ${why.en}` } };
    }
  }
  return { text: fixed, fixed: true };
}
