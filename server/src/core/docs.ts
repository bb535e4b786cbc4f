// Where a rule's documentation lives. The pages are docs/rules/<id>.md in the repository;
// they ship with the package and the extension, so they are read offline. A link to a
// published copy exists only when the user gives its address (`--docs-url`): the tool
// never points at a site by default.
export const DOCS_BASE = 'https://github.com/hanke-tools/hanke/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/**
 * The address of a rule's page under a documentation base given by the user, or
 * undefined without one. `{rule}` in the base is replaced by the rule id (for sites that
 * publish pages under another name, e.g. `https://example.org/rules/{rule}.html`);
 * otherwise the page is `<base>/<rule>.md`. The rule id is percent-encoded.
 */
export function ruleDocsLink(ruleId: string, base: string | undefined): string | undefined {
  if (!base) return undefined;
  const id = encodeURIComponent(ruleId);
  if (base.includes('{rule}')) return base.split('{rule}').join(id);
  return `${base.replace(/\/+$/, '')}/${id}.md`;
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
