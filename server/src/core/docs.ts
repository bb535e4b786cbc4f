// Where a rule's documentation lives. The pages are docs/rules/<id>.md in the repository.
export const DOCS_BASE = 'https://github.com/hanke-tools/hanke/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
