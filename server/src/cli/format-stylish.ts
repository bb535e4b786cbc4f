// The human-readable report: findings grouped by file, then a summary.
import type { Locale } from '../core/config';
import type { FileResult } from './lint-files';

export interface StylishOptions {
  color: boolean;
  locale: Locale;
  skipped: string[];
}

export function formatStylish(results: FileResult[], o: StylishOptions): string {
  const c = (code: string, s: string) => (o.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let other = 0;
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    lines.push(c('4', r.file));
    const pos = r.diagnostics.map((d) => `${d.line}:${d.column}`);
    const w = Math.max(...pos.map((p) => p.length));
    const sevW = Math.max(...r.diagnostics.map((d) => d.severity.length));
    r.diagnostics.forEach((d, i) => {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else other++;
      const sev = d.severity.padEnd(sevW);
      const sevC = d.severity === 'error' ? c('31', sev) : d.severity === 'warning' ? c('33', sev) : c('36', sev);
      lines.push(`  ${c('2', pos[i].padEnd(w))}  ${sevC}  ${d.message}  ${c('2', d.rule)}`);
    });
    lines.push('');
  }
  for (const s of o.skipped) lines.push(c('2', o.locale === 'fi' ? `ohitettu (ei hankkeen kuvaus): ${s}` : `skipped (not a description): ${s}`));
  if (o.skipped.length) lines.push('');
  const total = errors + warnings + other;
  const fi = o.locale === 'fi';
  const files = results.length;
  if (total === 0) {
    lines.push(c('32', fi ? `✓ ${files} tiedostoa tarkistettu, ei huomautuksia` : `✓ ${files} file${files === 1 ? '' : 's'} checked, no problems`));
  } else {
    const summary = fi
      ? `✖ ${total} huomautusta (${errors} virhettä, ${warnings} varoitusta${other ? `, ${other} muuta` : ''}) ${files} tiedostossa`
      : `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${other ? `, ${other} other` : ''}) in ${files} file${files === 1 ? '' : 's'}`;
    lines.push(c(errors ? '31;1' : '33;1', summary));
  }
  return lines.join('\n') + '\n';
}
