// Which documentation page the "open rule documentation" command should open, from
// whatever it was given. Pure (no `vscode` import) so that it can be unit-tested.
import { ruleDocsUrl } from '../../server/src/core/docs';

const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function isWebUrl(s: string): boolean {
  return /^https?:\/\/\S+$/i.test(s);
}

/** A vscode.Uri, recognised by shape. */
function isUriLike(v: object): v is { scheme: string; toString(): string } {
  return typeof (v as { scheme?: unknown }).scheme === 'string' && typeof (v as { path?: unknown }).path === 'string';
}

/**
 * The documentation URL an argument points at: an http(s) URL (what the server's code
 * action passes), a rule id, a VS Code diagnostic (its code's target) or an LSP
 * diagnostic (codeDescription.href). Anything else — such as the document URI VS Code
 * passes when the command runs from the editor's context menu — gives undefined, and
 * the command then looks at the findings under the cursor.
 */
export function docsUrlOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') {
    if (isWebUrl(arg)) return arg;
    return RULE_ID.test(arg) ? ruleDocsUrl(arg) : undefined;
  }
  if (!arg || typeof arg !== 'object') return undefined;
  if (isUriLike(arg)) {
    const s = arg.toString();
    return isWebUrl(s) ? s : undefined;
  }
  const a = arg as { code?: unknown; codeDescription?: { href?: unknown }; href?: unknown; url?: unknown };
  if (a.code && typeof a.code === 'object') {
    const target = (a.code as { target?: unknown }).target;
    if (target && typeof target === 'object' && isUriLike(target)) return docsUrlOf(target);
    if (typeof target === 'string') return isWebUrl(target) ? target : undefined;
  }
  const href = a.codeDescription?.href;
  if (typeof href === 'string' && isWebUrl(href)) return href;
  for (const v of [a.href, a.url]) if (typeof v === 'string' && isWebUrl(v)) return v;
  return undefined;
}
