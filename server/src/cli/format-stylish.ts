// The human-readable report: findings grouped by file (line:column, severity, message,
// rule id), written as each file completes; then the files that were skipped and a
// summary line. Everything taken from a file or its name is escaped for the terminal
// (control characters shown, never sent), with or without colours.
import type { Locale } from '../core/config';
import { countBySeverity } from '../core/tally';
import type { FileResult, SkipReason } from './lint-files';
import { SKIP_REASONS } from '../node/read-file';
import type { Sink } from './output';
import { forTerminal } from './terminal';

/** Severity words as printed. */
export const SEVERITY: Record<Locale, Record<string, string>> = {
  en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
  fi: { error: 'virhe', warning: 'varoitus', info: 'tieto', hint: 'vihje' },
};

export interface StylishOptions {
  color: boolean;
  locale: Locale;
  /** `--quiet`: only errors are shown, so a clean ending says "no errors" (warnings may exist). */
  quiet?: boolean;
}

/** Totals over a run, shared by every format's ending and the exit code. */
export interface Totals {
  files: number;
  filesWithProblems: number;
  errors: number;
  warnings: number;
  other: number;
  skipped: number;
}

export function emptyTotals(): Totals {
  return { files: 0, filesWithProblems: 0, errors: 0, warnings: 0, other: 0, skipped: 0 };
}

export function addToTotals(t: Totals, r: FileResult): void {
  t.files++;
  const p = r.packed;
  if (p) {
    // Counted already (a worker thread or the cache): the diagnostics stay unparsed.
    if (p.errors + p.warnings + p.other > 0) t.filesWithProblems++;
    t.errors += p.errors;
    t.warnings += p.warnings;
    t.other += p.other;
    return;
  }
  if (r.diagnostics.length) t.filesWithProblems++;
  countBySeverity(r.diagnostics, t);
}

/** Messages are padded so that rule ids line up, unless a message is very long. */
const MAX_MESSAGE_PAD = 72;

export class StylishFormatter {
  private readonly skipped: { file: string; reason: SkipReason }[] = [];
  private readonly fi: boolean;

  constructor(
    private readonly out: Sink,
    private readonly o: StylishOptions,
  ) {
    this.fi = o.locale === 'fi';
  }

  private c(code: string, s: string): string {
    return this.o.color ? `\u001b[${code}m${s}\u001b[0m` : s;
  }

  file(r: FileResult): void {
    if (r.diagnostics.length === 0) return;
    const lines: string[] = [this.c('4', forTerminal(r.file))];
    const words = SEVERITY[this.o.locale];
    const pos = r.diagnostics.map((d) => `${d.line}:${d.column}`);
    const sevs = r.diagnostics.map((d) => words[d.severity] ?? d.severity);
    const msgs = r.diagnostics.map((d) => forTerminal(d.message));
    const posW = Math.max(...pos.map((p) => p.length));
    const sevW = Math.max(...sevs.map((s) => s.length));
    const msgW = Math.min(MAX_MESSAGE_PAD, Math.max(...msgs.map((m) => [...m].length)));
    r.diagnostics.forEach((d, i) => {
      const sev = sevs[i].padEnd(sevW);
      const sevC = d.severity === 'error' ? this.c('31', sev) : d.severity === 'warning' ? this.c('33', sev) : this.c('36', sev);
      const pad = ' '.repeat(Math.max(0, msgW - [...msgs[i]].length));
      lines.push(`  ${this.c('2', pos[i].padEnd(posW))}  ${sevC}  ${msgs[i]}${pad}  ${this.c('2', forTerminal(d.rule))}`);
    });
    this.out.write(lines.join('\n') + '\n\n');
  }

  skip(file: string, reason: SkipReason): void {
    this.skipped.push({ file, reason });
  }

  end(t: Totals): void {
    const fi = this.fi;
    const lines: string[] = [];
    if (this.skipped.length) {
      const n = this.skipped.length;
      lines.push(
        fi
          ? n === 1
            ? 'Ohitettu 1 tiedosto, joka ei ole hankkeen kuvaus:'
            : `Ohitettu ${n} tiedostoa, jotka eivät ole hankkeiden kuvauksia:`
          : `Skipped ${n} file${n === 1 ? '' : 's'} that ${n === 1 ? 'is not a description' : 'are not descriptions'}:`,
      );
      for (const s of this.skipped) lines.push(this.c('2', `  ${forTerminal(s.file)} (${SKIP_REASONS[s.reason][this.o.locale]})`));
      lines.push('');
    }
    const total = t.errors + t.warnings + t.other;
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    if (total === 0) {
      const none = this.o.quiet ? (fi ? 'ei virheitä' : 'no errors') : fi ? 'ei huomautuksia' : 'no problems';
      lines.push(this.c('32', fi ? `✓ ${plural(t.files, 'tiedosto', 'tiedostoa')} tarkistettu, ${none}` : `✓ ${plural(t.files, 'file', 'files')} checked, ${none}`));
    } else {
      const summary = fi
        ? `✖ ${plural(total, 'huomautus', 'huomautusta')} (${plural(t.errors, 'virhe', 'virhettä')}, ${plural(t.warnings, 'varoitus', 'varoitusta')}${t.other ? `, ${t.other} muuta` : ''}) ${t.filesWithProblems}/${t.files} tiedostossa`
        : `✖ ${plural(total, 'problem', 'problems')} (${plural(t.errors, 'error', 'errors')}, ${plural(t.warnings, 'warning', 'warnings')}${t.other ? `, ${t.other} other` : ''}) in ${t.filesWithProblems} of ${plural(t.files, 'file', 'files')}`;
      lines.push(this.c(t.errors ? '31;1' : '33;1', summary));
    }
    this.out.write(lines.join('\n') + '\n');
  }
}
