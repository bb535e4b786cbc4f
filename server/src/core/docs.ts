// Where a rule's documentation lives. The pages are docs/rules/<id>.md in the repository;
// they ship with the package and the extension, so they are read offline. A link to a
// published copy exists only when the user gives its address (`--docs-url`): the tool
// never points at a site by default.
export const DOCS_BASE = 'https://github.com/hanke-tools/hanke/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/**
 * The address of the rule pages under a documentation base, with `{rule}` where the rule id
 * goes: the base itself when it has `{rule}` (for sites that publish pages under another
 * name, e.g. `https://example.org/rules/{rule}.html`), else `<base>/{rule}.md`.
 */
export function ruleDocsTemplate(base: string): string {
  return base.includes('{rule}') ? base : `${base.replace(/\/+$/, '')}/{rule}.md`;
}

/** The address of a rule's page under a documentation base given by the user (the id percent-encoded), or undefined without one. */
export function ruleDocsLink(ruleId: string, base: string | undefined): string | undefined {
  return base ? ruleDocsTemplate(base).split('{rule}').join(encodeURIComponent(ruleId)) : undefined;
}

/** Whether a `--docs-url` value can be used as a base (an absolute http(s) or file URL). */
export function isDocsBase(base: string): boolean {
  try {
    const u = new URL(base.split('{rule}').join('x'));
    return u.protocol === 'https:' || u.protocol === 'http:' || u.protocol === 'file:';
  } catch {
    return false;
  }
}
