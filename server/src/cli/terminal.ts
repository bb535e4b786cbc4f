// Text bound for a terminal (stylish output, notes on stderr, progress, usage errors)
// passes through `forTerminal`: a description or a file name must not be able to
// retitle, clear or recolour the reviewer's terminal. Every control character (C0, DEL,
// C1) and the bidirectional overrides that can make text read differently from its
// bytes are written as visible escapes, as git and ESLint do. JSON and SARIF are not
// terminal text: they stay exact.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 0x09) return '\\t';
  if (code === 0x0a) return '\\n';
  if (code === 0x0d) return '\\r';
  if (code <= 0xff) return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `s` with every control character escaped (`ESC` → `\x1B`, tab → `\t`). */
export function forTerminal(s: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s) ? s.replace(UNSAFE, escapeOne) : s;
}

/** Escapes each line of a multi-line text, keeping its line breaks. */
export function linesForTerminal(s: string): string {
  return s.split('\n').map(forTerminal).join('\n');
}
